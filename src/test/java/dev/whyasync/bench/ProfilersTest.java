package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Each custom profiler, attached to a short real JMH run, puts its metrics into JMH's results. */
class ProfilersTest {
    private static Map<String, Result> metrics;

    @BeforeAll
    static void runProfiledWork() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ProfiledWork.class.getName())
                .forks(1)
                .warmupIterations(1).warmupTime(TimeValue.milliseconds(300))
                .measurementIterations(2).measurementTime(TimeValue.milliseconds(300))
                .addProfiler(ClientCpuProfiler.class)
                .addProfiler(LatencyProfiler.class)
                .addProfiler(FootprintProfiler.class)
                .build()).run();
        assertEquals(1, results.size());
        metrics = results.iterator().next().getSecondaryResults();
    }

    private static double score(String name) {
        Result result = metrics.get(name);
        assertNotNull(result, name + " missing; secondary metrics: " + metrics.keySet());
        return result.getScore();
    }

    @Test
    void cpuProfilerReportsCpuAndAllocationPerOperation() {
        double cpu = score("cpu.ns/op");
        assertTrue(cpu > 0 && cpu < 10_000_000, "cpu.ns/op " + cpu);
        double allocated = score("alloc.bytes/op");
        assertTrue(allocated >= 4096, "each op allocates a 4 KiB array, profiler says " + allocated);
        assertTrue(score("cpu.cores") > 0);
    }

    @Test
    void latencyProfilerReportsOrderedPercentiles() {
        double p50 = score("latency.p50");
        double p999 = score("latency.p999");
        assertTrue(p50 >= 1.0, "every recorded latency is at least 1 ms, p50 " + p50);
        assertTrue(p50 <= score("latency.p90") && score("latency.p90") <= score("latency.p99") && score("latency.p99") <= p999);
    }

    @Test
    void footprintProfilerReportsMemoryAndThreads() {
        double rss = score("rss.bytes");
        assertTrue(rss > 10_000_000, "a JVM has more than 10 MB resident, profiler says " + rss);
        assertTrue(score("heap.bytes") > 0);
        assertTrue(score("threads.peak") >= 2);
        assertEquals(rss / 16, score("rss.bytes/task"), rss / 16 * 0.5, "RSS per task in flight uses the concurrency param");
    }
}
