package dev.whyasync.report.suite;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.results.Metric;
import dev.whyasync.report.results.ScoreUnit;
import java.util.List;
import java.util.Set;

/** The measures the report and the claims read from the suite's benchmarks. */
public final class Measures {

    public static final Measure THROUGHPUT = Measure.primary("throughput", "tasks/s", ScoreUnit::toOpsPerSecond);
    public static final Measure PAGES = Measure.secondary(SuiteLayout.PAGES, "pages/s", ScoreUnit::toOpsPerSecond);
    public static final Measure CPU = Measure.secondary(SuiteLayout.CPU_PER_TASK, "ns", ScoreUnit::toNanos);
    /** The suite's own counter first (it is always attached), JMH's {@code -prof gc} figure otherwise. */
    public static final Measure ALLOC = Measure.secondary(SuiteLayout.ALLOC_PER_TASK_OWN, "B", Measure.AS_IS)
            .orElse(Measure.secondary(SuiteLayout.ALLOC_PER_TASK, "B", Measure.AS_IS));
    public static final Measure RSS = Measure.secondary(SuiteLayout.RSS, "B", Measure.AS_IS);
    public static final Measure HEAP = Measure.secondary(SuiteLayout.HEAP, "B", Measure.AS_IS);
    public static final Measure THREADS_PEAK = Measure.secondary(SuiteLayout.THREADS_PEAK, "", Measure.AS_IS);
    public static final Measure RUNTIME_THREADS = Measure.secondary(SuiteLayout.RUNTIME_THREADS, "", Measure.AS_IS);
    public static final Measure RSS_PER_TASK = Measure.secondary(SuiteLayout.RSS_PER_TASK, "B", Measure.AS_IS);
    /** Memory per task in flight: RSS above idle plus live heap above idle, where measured; RSS alone in older files. */
    public static final Measure MEM_PER_TASK = Measure.secondary(SuiteLayout.MEM_PER_TASK, "B", Measure.AS_IS).orElse(RSS_PER_TASK);
    public static final Measure INFLIGHT_MEAN = Measure.secondary(SuiteLayout.INFLIGHT_MEAN, "", Measure.AS_IS);
    public static final Measure INFLIGHT_MIN = Measure.secondary(SuiteLayout.INFLIGHT_MIN, "", Measure.AS_IS);
    public static final Measure INFLIGHT_CHECK = Measure.secondary(SuiteLayout.INFLIGHT_CHECK, "", Measure.AS_IS);
    public static final Measure CPU_CORES = Measure.secondary(SuiteLayout.CPU_CORES, "cores", Measure.AS_IS);
    public static final Measure FIXTURE_CPU = Measure.secondary(SuiteLayout.FIXTURE_CPU, "cores", Measure.AS_IS);
    public static final Measure MACHINE_CPU = Measure.secondary(SuiteLayout.MACHINE_CPU, "cores", Measure.AS_IS);
    public static final Measure CPU_SATURATED = Measure.secondary(SuiteLayout.CPU_SATURATED, "", Measure.AS_IS);
    /** The offered rate the pacer reports, else the load benchmark's {@code rate} parameter. */
    public static final Measure LOAD_OFFERED = Measure.secondary(SuiteLayout.LOAD_OFFERED, "tasks/s", Measures::perSecond)
            .orElse(new Measure(SuiteLayout.LOAD_OFFERED, "tasks/s", r -> r.param(SuiteLayout.RATE)
                    .map(rate -> new Metric(SuiteData.number(rate), null, null, null, "ops/s", null, null, null)),
                    Measures::perSecond, null));
    public static final Measure LOAD_LAG = Measure.secondary(SuiteLayout.LOAD_LAG, "ms", ScoreUnit::toMillis);
    public static final Measure LOAD_SATURATED = Measure.secondary(SuiteLayout.LOAD_SATURATED, "", Measure.AS_IS);
    public static final Measure ERRORS = Measure.secondary(SuiteLayout.ERRORS, "", Measure.AS_IS);
    public static final Measure RETRIES = Measure.secondary(SuiteLayout.RETRIES, "", Measure.AS_IS);
    public static final Measure SOAK_LEAKS = Measure.secondary(SuiteLayout.SOAK_LEAKS, "", Measure.AS_IS);
    public static final Measure P50 = Measure.secondary(SuiteLayout.LATENCY_P50, "ms", ScoreUnit::toMillis);
    public static final Measure P90 = Measure.secondary(SuiteLayout.LATENCY_P90, "ms", ScoreUnit::toMillis);
    public static final Measure P99 = Measure.secondary(SuiteLayout.LATENCY_P99, "ms", ScoreUnit::toMillis);
    public static final Measure P999 = Measure.secondary(SuiteLayout.LATENCY_P999, "ms", ScoreUnit::toMillis);
    public static final List<Measure> LATENCIES = List.of(P50, P90, P99, P999);

    public static final Measure IDLE_HELD = Measure.secondary(SuiteLayout.IDLE_HELD, "", Measure.AS_IS);
    public static final Measure IDLE_BYTES = Measure.secondary(SuiteLayout.IDLE_BYTES, "B", Measure.AS_IS);
    public static final Measure SPAWN = Measure.primary("spawn+join", "ns", ScoreUnit::toNanos);
    public static final Measure SWITCH = Measure.primary("switch", "ns", ScoreUnit::toNanos);

    public static final Measure CLASSES = Measure.secondary(SuiteLayout.CLASSES, "", Measure.AS_IS);
    public static final Measure METASPACE = Measure.secondary(SuiteLayout.METASPACE, "B", Measure.AS_IS);
    public static final Measure TASK_BYTECODE = Measure.secondary(SuiteLayout.TASK_BYTECODE, "B", Measure.AS_IS);
    public static final Measure RUNTIME_JAR = Measure.secondary(SuiteLayout.RUNTIME_JAR, "B", Measure.AS_IS);
    public static final Measure SOURCE_LINES = Measure.secondary(SuiteLayout.SOURCE_LINES, "lines", Measure.AS_IS);
    public static final Measure SHARED_SOURCE_LINES = Measure.secondary(SuiteLayout.SHARED_SOURCE_LINES, "lines", Measure.AS_IS);
    public static final List<Measure> CODE = List.of(CLASSES, METASPACE, TASK_BYTECODE, RUNTIME_JAR, SOURCE_LINES);

    /** Counts of code, not timings: the same on every run of one build, so exact without samples. */
    public static final Set<Measure> EXACT = Set.of(CLASSES, TASK_BYTECODE, RUNTIME_JAR, SOURCE_LINES, SHARED_SOURCE_LINES);

    /** Time from cancel until the fixture saw the connections close: a secondary metric, or the shot itself. */
    public static final Measure CANCEL_CLOSE = Measure.secondary(SuiteLayout.CANCEL_CLOSE, "ms", ScoreUnit::toMillis)
            .orElse(Measure.primary(SuiteLayout.CANCEL_CLOSE, "ms", ScoreUnit::toMillis));
    public static final Measure CANCEL_READS = Measure.secondary(SuiteLayout.CANCEL_READS, "", Measure.AS_IS);
    public static final Measure REQUESTS_BEFORE_AWAIT = Measure.secondary(SuiteLayout.REQUESTS_BEFORE_AWAIT, "", Measure.AS_IS);
    public static final Measure INERT_WAITED = Measure.secondary(SuiteLayout.INERT_WAITED, "ms", ScoreUnit::toMillis);
    public static final Measure INERT_CONTROL = Measure.secondary(SuiteLayout.INERT_CONTROL, "ms", ScoreUnit::toMillis);

    private Measures() {
    }

    /** A rate in any unit per time ({@code ops/s}, {@code tasks/ms}) per second; a unit without a time is kept as is. */
    private static double perSecond(double value, String unit) {
        int slash = unit.lastIndexOf('/');
        double seconds = slash < 0 ? -1 : ScoreUnit.secondsIn(unit.substring(slash + 1));
        return seconds > 0 ? value / seconds : value;
    }
}
