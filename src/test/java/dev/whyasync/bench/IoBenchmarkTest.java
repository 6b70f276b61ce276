package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The IO benchmark against the fixture in its own JVM: its operation driven directly, and a short real JMH run with the suite's profilers. */
class IoBenchmarkTest {

    @Test
    void aShortRunReportsEveryCheckAndPerTaskFigureInEveryMeasuredIteration(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("io.json");
        new Runner(new OptionsBuilder()
                .include(IoBenchmark.class.getName())
                .param("model", "futures").param("concurrency", "64")
                .forks(1)
                .warmupIterations(1).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1))
                // the suite's order: JMH stops them in reverse, so the CPU window is innermost
                .addProfiler(FootprintProfiler.class).addProfiler(LatencyProfiler.class)
                .addProfiler(TaskLoopProfiler.class).addProfiler(ClientCpuProfiler.class)
                .result(json.toString()).resultFormat(ResultFormatType.JSON)
                .output(dir.resolve("io.txt").toString())
                .build()).run();
        JsonNode metrics = new ObjectMapper().readTree(json.toFile()).get(0).get("secondaryMetrics");
        for (String name : List.of("inflight.mean", "inflight.check", "cpu.ns/op", "cpu.background.cores", "fixture.cpu.cores",
                "machine.cpu.cores", "cpu.saturated", "alloc.bytes/op", "rss.bytes/task", "heap.bytes/task", "mem.bytes/task", "runtime.threads")) {
            JsonNode metric = metrics.get(name);
            assertNotNull(metric, name + " missing: " + metrics.fieldNames());
            // a figure missing from one iteration would be averaged in as 0 by JMH
            assertEquals(3, metric.get("rawData").get(0).size(), name + " in each of the 3 iterations, the last one too");
        }
        assertEquals(64, metrics.get("inflight.mean").get("score").asDouble(), 64 * 0.05);
        assertEquals(1, metrics.get("inflight.check").get("score").asDouble(), "C held in every iteration, the last one too");
        assertTrue(metrics.get("fixture.cpu.cores").get("score").asDouble() > 0);
        assertTrue(metrics.get("cpu.ns/op").get("score").asDouble() > 0);
        assertEquals(0, metrics.get("latency.failed.count").get("score").asDouble(),
                "the trial's tear-down cancels tasks in flight; none of them is timed as a failure");
    }

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
