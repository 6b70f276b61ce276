package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The IO benchmark's operation, driven directly against the fixture in its own JVM. */
class IoBenchmarkTest {

    @Test
    void aFailedTaskIsCountedAsAnErrorAndNotAsAFinishedOperation() throws Exception {
        IoBenchmark benchmark = new IoBenchmark();
        benchmark.model = "futures";
        benchmark.concurrency = 16;
        benchmark.size = 1024;
        benchmark.delay = 0;
        benchmark.reuse = true;
        benchmark.target = "";
        benchmark.faults = 30; // of pages: about half the tasks fail
        IoBenchmark.Counters counters = new IoBenchmark.Counters();
        benchmark.start();
        try {
            benchmark.beginIteration();
            for (int op = 0; op < 200; op++) {
                assertNull(benchmark.tasks(counters).error(), "an operation is a successful task");
            }
        } finally {
            benchmark.stop();
        }
        assertEquals(400, counters.pages, "two pages per operation");
        assertTrue(counters.errors > 20, "failed tasks are counted apart: " + counters.errors);
    }
}
