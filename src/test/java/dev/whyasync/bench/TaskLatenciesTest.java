package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recorders behind {@link LatencyProfiler}: successes and failures apart, intervals without garbage histograms. */
class TaskLatenciesTest {
    private static final long MS = 1_000_000;

    @BeforeEach
    void forgetEarlierTasks() {
        TaskLatencies.discardInterval();
    }

    @Test
    void failuresStayOutOfTheSuccessHistogram() {
        for (int i = 0; i < 100; i++) {
            TaskLatencies.recordSuccess(5 * MS);
        }
        for (int i = 0; i < 10; i++) {
            TaskLatencies.recordFailure(50 * MS);
        }
        TaskLatencies.Interval interval = TaskLatencies.takeInterval(LatencyLog.NONE);
        assertEquals(100, interval.successes().getN());
        assertEquals(5, interval.successes().getMax(), 5e-3);
        assertEquals(10, interval.failures().getN());
        assertEquals(50, interval.failures().getMin(), 50e-3);

        TaskLatencies.Interval next = TaskLatencies.takeInterval(LatencyLog.NONE);
        assertEquals(0, next.count(), "an interval holds only what was recorded since the previous take");
    }

    @Test
    void takingAnIntervalAllocatesNoHistogram() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().threadId();
        for (int i = 0; i < 5; i++) { // the recorders' second histograms and encoding buffers are made once
            recordSome(i);
            TaskLatencies.takeInterval(LatencyLog.NONE);
        }
        int takes = 20;
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < takes; i++) {
            recordSome(i);
            TaskLatencies.takeInterval(LatencyLog.NONE);
        }
        long perTake = (threads.getThreadAllocatedBytes(thread) - before) / takes;
        assertTrue(perTake < 64 * 1024, "one take allocated " + perTake + " bytes; a histogram is about 270 KB");
    }

    @Test
    void measuredIntervalsGoToTheHistogramLogTaggedByOutcome(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latency.hlog");
        LatencyLog log = new LatencyLog(file, "[test]");
        TaskLatencies.recordSuccess(2 * MS);
        TaskLatencies.recordSuccess(3 * MS);
        TaskLatencies.recordFailure(9 * MS);
        TaskLatencies.takeInterval(log);
        TaskLatencies.takeInterval(log); // nothing recorded: nothing written
        TaskLatencies.recordSuccess(4 * MS);
        TaskLatencies.takeInterval(log);

        assertTrue(Files.readString(file).startsWith("#[test]\n"));
        Map<String, Long> counts = new HashMap<>();
        int lines = 0;
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; lines++) {
                counts.merge(h.getTag(), ((org.HdrHistogram.Histogram) h).getTotalCount(), Long::sum);
            }
        }
        assertEquals(4, lines, "two measured intervals, a success and a failure line each");
        assertEquals(Map.of("success", 3L, "failure", 1L), counts);
        assertEquals(1, Files.readString(file).split("#\\[test]", -1).length - 1, "one header per JVM");
    }

    private static void recordSome(int seed) {
        for (int i = 0; i < 1000; i++) {
            TaskLatencies.recordSuccess((i + seed) * 10_000L);
        }
        TaskLatencies.recordFailure(seed * MS);
    }
}
