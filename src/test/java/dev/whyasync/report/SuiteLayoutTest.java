package dev.whyasync.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.Direction;
import dev.whyasync.report.results.Metric;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuiteLayoutTest {

    @Test
    void findsBenchmarksUnderEitherSpelling() {
        assertEquals(Optional.of(SuiteLayout.FOOTPRINT), SuiteLayout.benchmarkOf("IdleBenchmark.virtual"));
        assertEquals(Optional.of(SuiteLayout.FOOTPRINT), SuiteLayout.benchmarkOf("FootprintBenchmark.idle"));
        assertEquals(Optional.of(SuiteLayout.IO), SuiteLayout.benchmarkOf("IoBenchmark.tasks"));
        assertEquals(Optional.empty(), SuiteLayout.benchmarkOf("IoBenchmark.other"));
        assertEquals(Optional.empty(), SuiteLayout.benchmarkOf("SlowdownBenchmark.task"));
        assertEquals(Optional.of(SuiteLayout.LOAD), SuiteLayout.benchmarkOf("LoadBenchmark.tasks"));
        assertEquals(Optional.of("pool"), SuiteLayout.modelOf(
                result("dev.whyasync.bench.LoadBenchmark.tasks", Map.of("model", "pool", "rate", "1000"))));
    }

    @Test
    void readsTheModelFromTheParameterOrTheMethod() {
        assertEquals(Optional.of("virtual"), SuiteLayout.modelOf(result("dev.whyasync.bench.SpawnBenchmark.virtual", Map.of())));
        assertEquals(Optional.of("futures"), SuiteLayout.modelOf(
                result("dev.whyasync.bench.SpawnBenchmark.spawnJoin", Map.of("model", "futures"))));
        assertEquals(Optional.empty(), SuiteLayout.modelOf(result("dev.whyasync.bench.IoBenchmark.tasks", Map.of())));
    }

    @Test
    void variantsBelongToTheirModel() {
        assertEquals("pool", SuiteLayout.baseModel("pool-200"));
        assertEquals("coroutines", SuiteLayout.baseModel("coroutinesLazy"));
        assertEquals("virtual", SuiteLayout.baseModel("virtualUnstarted"));
        assertEquals("threads", SuiteLayout.baseModel("threads"));
        assertEquals("poolside", SuiteLayout.baseModel("poolside"), "a longer word is not a variant");
        List<String> sorted = List.of("reactive", "pool-200", "fibers", "pool", "sequential").stream()
                .sorted(SuiteLayout.MODEL_ORDER).toList();
        assertEquals(List.of("sequential", "pool", "pool-200", "reactive", "fibers"), sorted);
    }

    @Test
    void secondaryDirectionsFollowTheSuiteNamesThenTheUnit() {
        assertEquals(Direction.HIGHER, SuiteLayout.secondaryDirection("idle.tasks.held", "tasks"));
        assertEquals(Direction.LOWER, SuiteLayout.secondaryDirection("\u00b7gc.alloc.rate.norm", "B/op"));
        assertEquals(Direction.LOWER, SuiteLayout.secondaryDirection("latency.p99", "ms"));
        assertTrue(SuiteLayout.secondaryDirection("custom.widgets", "widgets") == Direction.UNKNOWN);
    }

    private static BenchmarkResult result(String benchmark, Map<String, String> params) {
        return new BenchmarkResult(null, benchmark, "avgt", null, null, null, null, null, null, null, null, null, null,
                null, null, null, params, new Metric(1.0, null, null, null, "ns/op", null, null, null), null, null);
    }
}
