package dev.whyasync.report.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.results.ResultReader;
import dev.whyasync.report.suite.SuiteData;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rule against inputs built to land on one side of its thresholds. */
class SeedClaimsTest {

    @TempDir
    Path dir;

    private final List<Map<String, Object>> results = new ArrayList<>();

    /** How far apart, relative to the score, the three iterations of every metric {@link #add} writes lie. */
    private double spread = 0.01;

    @Test
    void theClaimsAreNumberedInOrderEachWithARule() {
        List<Integer> numbers = new ArrayList<>(IntStream.rangeClosed(1, 15).boxed().toList());
        numbers.add(17);
        assertEquals(numbers, SeedClaims.ALL.stream().map(Claim::number).toList());
        SeedClaims.ALL.forEach(c -> assertTrue(c.rule().length() > 60 && c.text().endsWith("."), c.text()));
    }

    @Test
    void everyClaimIsNotMeasuredOnAForeignRun() throws Exception {
        add("org.example.Foo.bar", "thrpt", Map.of(), 10, Map.of());
        for (SeedClaims.Row row : SeedClaims.assess(data())) {
            assertEquals(Verdict.NOT_MEASURED, row.assessment().verdict(), row.claim().text());
            assertFalse(row.assessment().note().isEmpty(), "says what is missing: " + row.claim().number());
        }
    }

    @Test
    void threadOverheadIsSupportedOnlyWhenBothCpuAndMemoryAreLarge() throws Exception {
        load("threads", 40_000, 80_000, Map.of());
        load("callbacks", 10_000, 2_000, Map.of());
        load("futures", 12_000, 3_000, Map.of());
        assertEquals(Verdict.SUPPORTED, verdict(ThreadClaims.OVERHEAD));

        results.clear();
        load("threads", 11_000, 2_100, Map.of());
        load("callbacks", 10_000, 2_000, Map.of());
        assertEquals(Verdict.REFUTED, verdict(ThreadClaims.OVERHEAD));

        results.clear();
        load("threads", 40_000, 2_100, Map.of());
        load("callbacks", 10_000, 2_000, Map.of());
        Assessment mixed = ThreadClaims.OVERHEAD.assess(data());
        assertEquals(Verdict.MIXED, mixed.verdict());
        assertLine(mixed, "threads / callbacks = 4\u00d7 [");
    }

    @Test
    void asyncCostIsJudgedAgainstTheCheapestThreadBackedModelAndAgainstThreads() throws Exception {
        load("threads", 60_000, 90_000, Map.of());
        load("pool-200", 30_000, 30_000, Map.of());
        load("callbacks", 10_000, 10_000, Map.of());
        assertEquals(Verdict.SUPPORTED, verdict(AsyncClaims.LOWER_OVERHEAD));
        load("reactive", 25_000, 25_000, Map.of());
        Assessment a = AsyncClaims.LOWER_OVERHEAD.assess(data());
        assertEquals(Verdict.MIXED, a.verdict(), a.numbers().toString());
        assertLine(a, "reactive CPU per task \u2264 2/3 of pool-200's: no");
        assertLine(a, "reactive CPU per task \u2264 2/3 of threads': yes");

        results.clear();
        load("threads", 12_000, 12_000, Map.of());
        load("callbacks", 10_000, 10_000, Map.of());
        assertEquals(Verdict.REFUTED, verdict(AsyncClaims.LOWER_OVERHEAD), "10k against 12k is not 2/3");
    }

    @Test
    void threadsSuitAFewTasksWhenTheyKeepUpAtC1AndC64() throws Exception {
        for (int c : new int[] {1, 64}) {
            ioLatency("threads", c, 9_500, 21);
            ioLatency("callbacks", c, 10_000, 20);
        }
        assertEquals(Verdict.SUPPORTED, verdict(ThreadClaims.FEW_TASKS));
        results.clear();
        ioLatency("threads", 64, 5_000, 40);
        ioLatency("callbacks", 64, 10_000, 20);
        Assessment a = ThreadClaims.FEW_TASKS.assess(data());
        assertEquals(Verdict.UNDECIDED, a.verdict(), "C=64 refutes, C=1 is missing: " + a.numbers());
        assertLine(a, "threads throughput at C=64 \u2265 0.9x the best: no");
        assertTrue(a.note().contains("not measured: threads and another model at C=1"), a.note());
        ioLatency("threads", 1, 5_000, 40);
        ioLatency("callbacks", 1, 10_000, 20);
        assertEquals(Verdict.REFUTED, verdict(ThreadClaims.FEW_TASKS));
    }

    @Test
    void aHalfMeasuredClaimIsUndecidedAndNamesTheMissingPart() throws Exception {
        load("threads", 40_000, Double.NaN, Map.of());
        load("callbacks", 10_000, Double.NaN, Map.of());
        Assessment partial = ThreadClaims.OVERHEAD.assess(data());
        assertEquals(Verdict.UNDECIDED, partial.verdict(), "the CPU half holds, the memory half is missing");
        assertLine(partial, "threads CPU per task \u2265 2x cheapest: yes");
        assertTrue(partial.note().startsWith("not measured: threads memory"), partial.note());
    }

    @Test
    void aRatioWhoseIntervalStraddlesTheThresholdDecidesNothing() throws Exception {
        spread = 0.15;
        load("threads", 21_000, 80_000, Map.of());
        load("callbacks", 10_000, 2_000, Map.of());
        Assessment straddling = ThreadClaims.OVERHEAD.assess(data());
        assertEquals(Verdict.UNDECIDED, straddling.verdict(), straddling.numbers().toString());
        assertLine(straddling, "threads CPU per task \u2265 2x cheapest: undecided");
        assertTrue(straddling.note().startsWith("undecided: threads CPU per task"), straddling.note());

        results.clear();
        spread = 0.01;
        load("threads", 21_000, 80_000, Map.of());
        load("callbacks", 10_000, 2_000, Map.of());
        assertEquals(Verdict.SUPPORTED, verdict(ThreadClaims.OVERHEAD), "the same ratio, 2.1x, clears 2x when the iterations agree");
    }

    @Test
    void aRatioWithoutSamplesHasNoIntervalAndDecidesNothing() throws Exception {
        spread = Double.NaN;
        load("threads", 40_000, 80_000, Map.of());
        load("callbacks", 10_000, 2_000, Map.of());
        Assessment a = ThreadClaims.OVERHEAD.assess(data());
        assertEquals(Verdict.UNDECIDED, a.verdict());
        assertLine(a, "threads / callbacks = 4\u00d7 [no interval");
    }

    @Test
    void aGradedClaimIsUndecidedWhenItsIntervalCrossesALine() throws Exception {
        spread = 0.2;
        results.clear();
        model(SuiteLayout.FOOTPRINT, "threads", Map.of(SuiteLayout.IDLE_HELD, 10_000.0));
        model(SuiteLayout.FOOTPRINT, "callbacks", Map.of(SuiteLayout.IDLE_HELD, 1_050_000.0));
        Assessment a = AsyncClaims.MORE_TASKS.assess(data());
        assertEquals(Verdict.UNDECIDED, a.verdict(), a.numbers().toString());
        assertTrue(a.note().contains("crosses 100\u00d7"), a.note());
    }

    @Test
    void ordersOfMagnitudeAreGraded() throws Exception {
        assertEquals(Verdict.SUPPORTED, idleHeld(1_000_000, 5_000));
        assertEquals(Verdict.MIXED, idleHeld(1_000_000, 50_000));
        assertEquals(Verdict.REFUTED, idleHeld(1_000_000, 500_000));
        assertEquals(Verdict.NOT_MEASURED, idleHeld(10_000, 10_000), "a run that never reached threads' limit proves nothing");
    }

    @Test
    void cancellationIsJudgedPerModel() throws Exception {
        model(SuiteLayout.CANCEL, "futures", Map.of(SuiteLayout.CANCEL_READS, 3.0, SuiteLayout.CANCEL_CLOSE, 5000.0));
        model(SuiteLayout.CANCEL, "reactive", Map.of(SuiteLayout.CANCEL_READS, 0.0, SuiteLayout.CANCEL_CLOSE, 1.0));
        model(SuiteLayout.CANCEL, "threads", Map.of(SuiteLayout.CANCEL_READS, 9.0));
        Assessment a = FutureClaims.CANCEL_STOPS.assess(data());
        assertEquals(Verdict.MIXED, a.verdict());
        assertTrue(a.numbers().contains("futures stops when cancelled: no"), a.numbers().toString());
        assertTrue(a.numbers().contains("reactive stops when cancelled: yes"), a.numbers().toString());
        assertFalse(a.numbers().toString().contains("threads"), "blocking models are not futures");
    }

    @Test
    void inertnessNeedsNoRequestBeforeAwait() throws Exception {
        model(SuiteLayout.INERT, "reactive", Map.of(SuiteLayout.REQUESTS_BEFORE_AWAIT, 0.0));
        model(SuiteLayout.INERT, "coroutines", Map.of(SuiteLayout.REQUESTS_BEFORE_AWAIT, 0.0));
        assertEquals(Verdict.SUPPORTED, verdict(FutureClaims.INERT_FUTURES));
        model(SuiteLayout.INERT, "futures", Map.of(SuiteLayout.REQUESTS_BEFORE_AWAIT, 2.0));
        assertEquals(Verdict.MIXED, verdict(FutureClaims.INERT_FUTURES));
    }

    @Test
    void zeroCostComparesAllocationWithCallbacksOnTheSameTransport() throws Exception {
        ioAlloc("pool-200", 2000);
        ioAlloc("callbacks", 4000);
        ioAlloc("futures", 4100);
        ioAlloc("reactive", 9000);
        Assessment a = AsyncClaims.ZERO_COST.assess(data());
        assertEquals(Verdict.MIXED, a.verdict(), a.numbers().toString());
        assertTrue(a.numbers().contains("reactive extra allocation per task = 4.88 KiB"), a.numbers().toString());
        assertLine(a, "futures allocates no more than callbacks: yes");
        assertFalse(a.numbers().toString().contains("pool-200"), "a blocking model on another transport is no yardstick");
    }

    @Test
    void spawnAndSwitchCompareOsThreadsWithVirtualThreadsOnly() throws Exception {
        model(SuiteLayout.SPAWN, "threads", Map.of());
        model(SuiteLayout.SWITCH, "threads", Map.of());
        results.forEach(r -> r.put("primaryMetric", metric(60_000e-9, "s/op")));
        int cheap = results.size();
        model(SuiteLayout.SPAWN, "virtual", Map.of());
        model(SuiteLayout.SWITCH, "virtual", Map.of());
        model(SuiteLayout.SPAWN, "callbacks", Map.of());
        results.subList(cheap, results.size()).forEach(r -> r.put("primaryMetric", metric(10_000e-9, "s/op")));
        results.get(results.size() - 1).put("primaryMetric", metric(100e-9, "s/op"));
        Assessment a = ThreadClaims.SPAWN_SWITCH.assess(data());
        assertEquals(Verdict.SUPPORTED, a.verdict(), "6x virtual's cost; callbacks' empty call is no rival: " + a.numbers());
        assertLine(a, "threads / virtual = 6\u00d7 [");
    }

    @Test
    void aPoolsQueuedRunnablesAreNotIdleTasks() throws Exception {
        model(SuiteLayout.FOOTPRINT, "threads", Map.of(SuiteLayout.IDLE_HELD, 10_000.0, SuiteLayout.IDLE_BYTES, 60_000.0));
        model(SuiteLayout.FOOTPRINT, "pool", Map.of(SuiteLayout.IDLE_HELD, 1_000_000.0, SuiteLayout.IDLE_BYTES, 100.0));
        model(SuiteLayout.FOOTPRINT, "virtual", Map.of(SuiteLayout.IDLE_HELD, 40_000.0, SuiteLayout.IDLE_BYTES, 20_000.0));
        Assessment a = ThreadClaims.IDLE.assess(data());
        assertEquals(Verdict.REFUTED, a.verdict(), "against virtual: 3x the memory, 1/4 the tasks; " + a.numbers());
        assertFalse(a.numbers().toString().contains("pool"), a.numbers().toString());
    }

    @Test
    void inertnessIsJudgedOnEachLibrarysDefaultWithOptInVariantsShownBeside() throws Exception {
        model(SuiteLayout.INERT, "coroutines", Map.of(SuiteLayout.REQUESTS_BEFORE_AWAIT, 1.0));
        model(SuiteLayout.INERT, "coroutinesLazy", Map.of(SuiteLayout.REQUESTS_BEFORE_AWAIT, 0.0));
        model(SuiteLayout.INERT, "futures", Map.of(SuiteLayout.REQUESTS_BEFORE_AWAIT, 1.0));
        Assessment a = FutureClaims.INERT_FUTURES.assess(data());
        assertEquals(Verdict.REFUTED, a.verdict(), "async { } and CompletableFuture are eager; LAZY is opt-in: " + a.numbers());
        assertTrue(a.numbers().contains("coroutinesLazy (opt-in variant, not judged) requests before await = 0"), a.numbers().toString());
    }

    @Test
    void largerCodeIsJudgedOnTaskBytecodeAndLoadedClassesApart() throws Exception {
        model(SuiteLayout.CODE, "sequential", Map.of(SuiteLayout.TASK_BYTECODE, 1000.0, SuiteLayout.CLASSES, 3000.0));
        model(SuiteLayout.CODE, "reactive", Map.of(SuiteLayout.TASK_BYTECODE, 3000.0, SuiteLayout.CLASSES, 3100.0));
        Assessment a = AsyncClaims.LARGER.assess(data());
        assertEquals(Verdict.MIXED, a.verdict(), a.numbers().toString());
        assertLine(a, "reactive task bytecode \u2265 1.2x sequential: yes");
        assertLine(a, "reactive classes loaded \u2265 1.2x sequential: no");
    }

    @Test
    void oneVersusManyThreadsNeedsEachToWinSomething() throws Exception {
        ioThreads("callbacks", "1", 9_000, 8_000);
        ioThreads("callbacks", "4", 12_000, 11_000);
        assertEquals(Verdict.SUPPORTED, verdict(RuntimeClaims.ONE_VERSUS_MANY));
        results.clear();
        ioThreads("callbacks", "1", 9_000, 12_000);
        ioThreads("callbacks", "4", 12_000, 11_000);
        assertEquals(Verdict.REFUTED, verdict(RuntimeClaims.ONE_VERSUS_MANY), "four threads win everything");
    }

    @Test
    void programmingModelCountsTheWholeTaskPathAgainstTheControl() throws Exception {
        model(SuiteLayout.CODE, "sequential", Map.of(SuiteLayout.SOURCE_LINES, 30.0, SuiteLayout.SHARED_SOURCE_LINES, 10.0));
        model(SuiteLayout.CODE, "threads", Map.of(SuiteLayout.SOURCE_LINES, 22.0, SuiteLayout.SHARED_SOURCE_LINES, 20.0));
        model(SuiteLayout.CODE, "virtual", Map.of(SuiteLayout.SOURCE_LINES, 35.0));
        model(SuiteLayout.CODE, "callbacks", Map.of(SuiteLayout.SOURCE_LINES, 75.0, SuiteLayout.SHARED_SOURCE_LINES, 10.0));
        model(SuiteLayout.CODE, "coroutines", Map.of(SuiteLayout.SOURCE_LINES, 90.0));
        Assessment a = ModelClaims.PROGRAMMING_MODEL.assess(data());
        assertEquals(Verdict.SUPPORTED, a.verdict(), "42, 35 and 85 lines against 40; coroutines are not judged: " + a.numbers());
        assertTrue(a.numbers().contains("coroutines (async, not judged) task path source lines = 90 lines"), a.numbers().toString());
        model(SuiteLayout.CODE, "threads", Map.of(SuiteLayout.SOURCE_LINES, 22.0, SuiteLayout.SHARED_SOURCE_LINES, 119.0));
        results.remove(1);
        assertEquals(Verdict.MIXED, verdict(ModelClaims.PROGRAMMING_MODEL), "threads' own 22 lines hide 119 shared ones");
    }

    @Test
    void aResultThatDidNotHoldCIsNotUsedAndTheClaimSaysSo() throws Exception {
        checkedIo("actors", 40_000, 80_000, Map.of());
        checkedIo("callbacks", 10_000, 2_000, Map.of());
        checkedIo("futures", 30_000, 3_000, Map.of());
        Assessment held = ModelClaims.ACTORS_EFFICIENT.assess(data());
        assertEquals(Verdict.MIXED, held.verdict(), "callbacks at C=1024 is the cheapest: 4x, above 2x");
        assertLine(held, "actors / callbacks = 4\u00d7 [");

        results.clear();
        checkedIo("actors", 40_000, 80_000, Map.of());
        checkedIo("callbacks", 10_000, 2_000, Map.of(SuiteLayout.INFLIGHT_CHECK, 0.0, SuiteLayout.INFLIGHT_MEAN, 700.0));
        checkedIo("futures", 30_000, 3_000, Map.of());
        Assessment notHeld = ModelClaims.ACTORS_EFFICIENT.assess(data());
        assertEquals(Verdict.SUPPORTED, notHeld.verdict(), "futures is the cheapest left at C=1024: 1.33x, within 2x");
        assertLine(notHeld, "actors / futures = 1.33\u00d7 [");
        assertFalse(notHeld.numbers().toString().contains("callbacks CPU"), notHeld.numbers().toString());
        assertTrue(notHeld.note().contains("not used, failed checks: callbacks C=1024 [c]"), notHeld.note());
        Assessment callbacks = ModelClaims.CALLBACKS_FAST.assess(data());
        assertTrue(callbacks.numbers().contains("callbacks throughput at C=64 = 10k tasks/s"),
                "claim 3 falls back to the highest C callbacks held: " + callbacks.numbers());
        assertFalse(AsyncClaims.MORE_TASKS.assess(data()).note().contains("not used"), "a claim that reads no IO results names none");
    }

    @Test
    void aCpuSaturatedIoResultStillRanksCapacity() throws Exception {
        checkedIo("threads", 40_000, 80_000, Map.of());
        checkedIo("callbacks", 10_000, 2_000, Map.of(SuiteLayout.CPU_SATURATED, 1.0, SuiteLayout.CPU_CORES, 1.5,
                SuiteLayout.FIXTURE_CPU, 0.4));
        checkedIo("futures", 30_000, 3_000, Map.of());
        Assessment callbacks = ModelClaims.CALLBACKS_FAST.assess(data());
        assertTrue(callbacks.numbers().contains("callbacks throughput at C=1024 = 10k tasks/s"),
                "throughput under saturation still ranks capacity: " + callbacks.numbers());
        assertTrue(callbacks.note().isEmpty(), callbacks.note());
    }

    @Test
    void aLoadResultThatFellBehindOrSaturatedTheCpuIsKeptFromTheCostClaims() throws Exception {
        load("threads", 40_000, 80_000, Map.of());
        load("callbacks", 10_000, 2_000, Map.of(SuiteLayout.LOAD_SATURATED, 1.0));
        load("futures", 12_000, 3_000, Map.of(SuiteLayout.CPU_SATURATED, 1.0));
        load("reactive", 16_000, 4_000, Map.of());
        Assessment a = ThreadClaims.OVERHEAD.assess(data());
        assertEquals(Verdict.SUPPORTED, a.verdict(), "reactive is the cheapest left: CPU 2.5x, memory 20x; " + a.numbers());
        assertLine(a, "threads / reactive = 2.5\u00d7 [");
        assertTrue(a.note().contains("callbacks at 2000 tasks/s [r]") && a.note().contains("futures at 2000 tasks/s [cpu]"), a.note());
    }

    @Test
    void aResultThatIsNotSteadyIsNotUsed() throws Exception {
        checkedIo("actors", 40_000, 80_000, Map.of());
        checkedIo("callbacks", 10_000, 2_000, Map.of());
        checkedIo("futures", 30_000, 3_000, Map.of());
        Map<String, Object> warmingUp = results.stream()
                .filter(r -> r.get("params").equals(Map.of("model", "callbacks", "concurrency", "1024"))).findFirst().orElseThrow();
        warmingUp.put("primaryMetric", Map.of("score", 35_667.0, "scoreUnit", "ops/s",
                "rawData", List.of(List.of(28_000.0, 38_000.0, 41_000.0))));
        Assessment a = ModelClaims.ACTORS_EFFICIENT.assess(data());
        assertEquals(Verdict.SUPPORTED, a.verdict(), "futures is the cheapest left");
        assertTrue(a.note().contains("callbacks C=1024 [t]"), a.note());
    }

    private Verdict idleHeld(double async, double threads) throws Exception {
        results.clear();
        model(SuiteLayout.FOOTPRINT, "threads", Map.of(SuiteLayout.IDLE_HELD, threads));
        model(SuiteLayout.FOOTPRINT, "callbacks", Map.of(SuiteLayout.IDLE_HELD, async));
        return verdict(AsyncClaims.MORE_TASKS);
    }

    private static void assertLine(Assessment a, String start) {
        assertTrue(a.numbers().stream().anyMatch(line -> line.startsWith(start)), "a line starting " + start + " in " + a.numbers());
    }

    private Verdict verdict(Claim claim) throws Exception {
        return claim.assess(data()).verdict();
    }

    /** A load result at 2,000 tasks/s offered that kept up with CPU to spare; {@code extra} overrides its flags. */
    private void load(String model, double cpuNs, double memPerTask, Map<String, Double> extra) {
        Map<String, Double> secondary = new LinkedHashMap<>(Map.of(SuiteLayout.CPU_PER_TASK, cpuNs,
                SuiteLayout.LOAD_SATURATED, 0.0, SuiteLayout.CPU_SATURATED, 0.0));
        if (!Double.isNaN(memPerTask)) {
            secondary.put(SuiteLayout.MEM_PER_TASK, memPerTask);
        }
        secondary.putAll(extra);
        add("bench.LoadBenchmark.tasks", "thrpt", Map.of("model", model, "rate", "2000", "pageDelay", "500"), 2000, secondary);
    }

    /**
     * IO results at C=64 and C=1024 with the benchmark's checks (C held, CPU not saturated) and
     * three flat iterations; {@code atTop} overrides secondaries at C=1024.
     */
    private void checkedIo(String model, double cpuNs, double rssPerTask, Map<String, Double> atTop) {
        double[][] wobble = {{1.0, 0.99, 1.01}, {0.995, 1.01, 0.995}};
        for (int c : new int[] {64, 1024}) {
            Map<String, Double> secondary = new LinkedHashMap<>(Map.of(SuiteLayout.CPU_PER_TASK, cpuNs,
                    SuiteLayout.RSS, 50e6 + c * rssPerTask, SuiteLayout.INFLIGHT_MEAN, (double) c,
                    SuiteLayout.INFLIGHT_CHECK, 1.0, SuiteLayout.CPU_SATURATED, 0.0));
            if (c == 1024) {
                secondary.putAll(atTop);
            }
            double[] w = wobble[c == 64 ? 0 : 1];
            add("bench.IoBenchmark.tasks", "thrpt", Map.of("model", model, "concurrency", String.valueOf(c)), 10_000, secondary);
            Map<String, Object> last = results.get(results.size() - 1);
            last.put("primaryMetric", Map.of("score", 10_000.0, "scoreUnit", "ops/s",
                    "rawData", List.of(List.of(10_000 * w[0], 10_000 * w[1], 10_000 * w[2]))));
        }
    }

    private void ioLatency(String model, int concurrency, double throughput, double p99Ms) {
        add("bench.IoBenchmark.tasks", "thrpt", Map.of("model", model, "concurrency", String.valueOf(concurrency)),
                throughput, Map.of(SuiteLayout.LATENCY_P99, p99Ms));
    }

    private void ioAlloc(String model, double bytes) {
        add("bench.IoBenchmark.tasks", "thrpt", Map.of("model", model, "concurrency", "1"), 100,
                Map.of(SuiteLayout.ALLOC_PER_TASK, bytes));
    }

    private void ioThreads(String model, String threads, double throughput, double cpuNs) {
        add("bench.IoBenchmark.tasks", "thrpt", Map.of("model", model, "concurrency", "1024", "threads", threads),
                throughput, Map.of(SuiteLayout.CPU_PER_TASK, cpuNs));
    }

    /** As the suite names them: one method per model for idle, spawn, switch and inert; a model parameter otherwise. */
    private void model(String benchmark, String model, Map<String, Double> secondary) {
        if (benchmark.equals(SuiteLayout.CANCEL) || benchmark.equals(SuiteLayout.CODE)) {
            add("bench." + benchmark, "ss", Map.of("model", model), 1, secondary);
        } else {
            add("bench." + benchmark + "." + model, "ss", Map.of(), 1, secondary);
        }
    }

    private void add(String benchmark, String mode, Map<String, String> params, double score, Map<String, Double> secondary) {
        Map<String, Object> metrics = new LinkedHashMap<>();
        secondary.forEach((k, v) -> metrics.put(k, metric(v, unit(k))));
        results.add(new LinkedHashMap<>(Map.of("benchmark", benchmark, "mode", mode, "params", params,
                "primaryMetric", metric(score, mode.equals("thrpt") ? "ops/s" : "s/op"),
                "secondaryMetrics", metrics)));
    }

    /** A metric with three iterations {@link #spread} apart around the score, in no trend; none when the spread is NaN. */
    private Map<String, Object> metric(double score, String unit) {
        Map<String, Object> metric = new LinkedHashMap<>(Map.of("score", score, "scoreUnit", unit));
        if (!Double.isNaN(spread)) {
            metric.put("rawData", List.of(List.of(score * (1 + spread), score * (1 - spread), score)));
        }
        return metric;
    }

    private static String unit(String metric) {
        return metric.equals(SuiteLayout.CPU_PER_TASK) ? "ns/op" : metric.equals(SuiteLayout.ALLOC_PER_TASK) ? "B/op"
                : metric.startsWith("latency.") ? "ms"
                : metric.endsWith(".ms") ? "ms" : metric.contains("bytes") ? "B" : "#";
    }

    private SuiteData data() throws Exception {
        Path file = dir.resolve("run-" + System.nanoTime() + ".json");
        new ObjectMapper().writeValue(file.toFile(), results);
        return new SuiteData(ResultReader.read(file));
    }
}
