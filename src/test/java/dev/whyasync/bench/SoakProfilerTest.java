package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The soak profiler, attached to a real JMH run of a workload that leaks and one that does not. */
class SoakProfilerTest {
    private static final Map<String, Map<String, Result>> METRICS = new HashMap<>();

    @BeforeAll
    static void soakBoth() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(LeakingWork.class.getName())
                .forks(1)
                .warmupIterations(1).warmupTime(TimeValue.seconds(1))
                .measurementIterations(1).measurementTime(TimeValue.seconds(4))
                .addProfiler(SoakProfiler.class, "period=100;heapEvery=5")
                .build()).run();
        for (RunResult result : results) {
            METRICS.put(result.getParams().getParam("leak"), result.getSecondaryResults());
        }
        assertEquals(2, METRICS.size());
    }

    private static double score(String leak, String name) {
        Result result = METRICS.get(leak).get(name);
        assertNotNull(result, name + " missing; secondary metrics: " + METRICS.get(leak).keySet());
        return result.getScore();
    }

    @Test
    void aSteadyWorkloadShowsNoLeak() {
        assertEquals(0, score("false", "soak.leaks"), "growth (threads, fds, rss, heap): "
                + score("false", "soak.threads.growth") + ", " + score("false", "soak.fds.growth") + ", "
                + score("false", "soak.rss.growth") + ", " + score("false", "soak.heap.growth"));
        assertTrue(score("false", "soak.samples") >= 20, "one sample per 100 ms over 4 s");
        assertTrue(score("false", "soak.threads.start") >= 2);
    }

    @Test
    void leakedThreadsAndHeapAreCaught() {
        double threads = score("true", "soak.threads.growth");
        assertTrue(threads > score("true", "soak.threads.allowed"), "threads grew by " + threads);
        double heap = score("true", "soak.heap.growth");
        assertTrue(heap > score("true", "soak.heap.allowed"), "heap grew by " + heap);
        assertTrue(score("true", "soak.leaks") >= 2);
    }

    @Test
    void unknownOptionIsRefusedByName() {
        ProfilerException refused = assertThrows(ProfilerException.class, () -> new SoakProfiler("periode=5"));
        assertTrue(refused.getMessage().contains("periode"), refused.getMessage());
        assertThrows(ProfilerException.class, () -> new SoakProfiler("period=-1"));
    }
}
