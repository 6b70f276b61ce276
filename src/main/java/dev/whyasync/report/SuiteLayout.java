package dev.whyasync.report;

import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.Direction;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where the report finds the suite's numbers: benchmark names, parameter keys, metric names, the
 * model families the claims talk about. This is the one place that knows the benchmark suite's
 * naming; everything else asks here. Benchmarks are matched by {@code Class.method} without the
 * package, so a move of the suite's classes does not blind the report.
 *
 * <p>The one surprising fact: the suite names a model in two ways. Benchmarks that share set-up
 * across models take a {@code model} parameter; those whose set-up differs per model have one
 * benchmark method per model, named after it. {@link #modelOf} reads both.
 */
public final class SuiteLayout {

    /** The suite's benchmarks, by the names the report and claims use for them. */
    public static final String IO = "IoBenchmark.tasks";
    public static final String FOOTPRINT = "IdleBenchmark";
    public static final String SPAWN = "SpawnBenchmark";
    public static final String SWITCH = "SwitchBenchmark";
    public static final String CODE = "CodeFootprintBenchmark.load";
    public static final String CANCEL = "CancelBenchmark.cancel";
    public static final String INERT = "InertBenchmark";
    /** The open loop: tasks started at an offered rate, whatever earlier ones are doing ("cost at a fixed load"). */
    public static final String LOAD = "LoadBenchmark.tasks";
    public static final List<String> BENCHMARKS = List.of(IO, LOAD, FOOTPRINT, SPAWN, SWITCH, CODE, CANCEL, INERT);
    /** The benchmarks whose results carry the in-flight, CPU-headroom and steadiness checks (DESIGN §5a). */
    public static final List<String> CHECKED = List.of(IO, LOAD);

    /**
     * Where each benchmark's results are found, as {@code Class.method} without the package. A
     * method of {@code *} means one benchmark method per model, the method named after the model
     * ({@code SpawnBenchmark.threads}); otherwise the model is the {@code model} parameter. Older
     * spellings stay listed so that earlier result files still read.
     */
    private static final Map<String, List<String>> SOURCES = Map.of(
            IO, List.of("IoBenchmark.tasks"),
            LOAD, List.of("LoadBenchmark.tasks"),
            FOOTPRINT, List.of("IdleBenchmark.*", "FootprintBenchmark.idle"),
            SPAWN, List.of("SpawnBenchmark.*", "SpawnBenchmark.spawnJoin"),
            SWITCH, List.of("SwitchBenchmark.*", "SwitchBenchmark.pingPong"),
            CODE, List.of("CodeFootprintBenchmark.load"),
            CANCEL, List.of("CancelBenchmark.cancel"),
            INERT, List.of("InertBenchmark.*", "InertBenchmark.inert"));

    public static final String MODEL = "model";
    public static final String CONCURRENCY = "concurrency";
    public static final String SIZE = "size";
    public static final String DELAY = "delay";
    /** The fixed-load benchmark's server delay per page: named apart, so that a profile's {@code delay} does not reach it. */
    public static final String PAGE_DELAY = "pageDelay";
    public static final String REUSE = "reuse";
    public static final String THREADS = "threads";
    public static final String TASKS = "tasks";
    /** Share of page requests, in percent, on which the fixture plays a fault. */
    public static final String FAULTS = "faults";
    /** Retries per page after a failed attempt. */
    public static final String RETRY = "retry";
    /** Network delay each way between client and server, ms (a proxy or netem, not the server). */
    public static final String NET_DELAY = "netDelay";
    /** Bandwidth cap of the network path, bytes/s; 0 = none. */
    public static final String BANDWIDTH = "bandwidth";
    /** The server the IO benchmark downloads from; empty = the fixture in its own JVM on loopback. */
    public static final String TARGET = "target";
    /** The load benchmark's offered rate, tasks started per second. */
    public static final String RATE = "rate";

    public static final String PAGES = "pages";
    public static final String LATENCY_P50 = "latency.p50";
    public static final String LATENCY_P90 = "latency.p90";
    public static final String LATENCY_P99 = "latency.p99";
    public static final String LATENCY_P999 = "latency.p999";
    public static final String CPU_PER_TASK = "cpu.ns/op";
    public static final String ALLOC_PER_TASK = "gc.alloc.rate.norm";
    /** The suite's own per-task allocation counter (ClientCpuProfiler), preferred because every profile attaches it. */
    public static final String ALLOC_PER_TASK_OWN = "alloc.bytes/op";
    public static final String RSS = "rss.bytes";
    public static final String HEAP = "heap.bytes";
    public static final String THREADS_PEAK = "threads.peak";
    /** Platform threads the model's runtime added (event loops, pools, carriers, dispatchers). */
    public static final String RUNTIME_THREADS = "runtime.threads";
    /** RSS above the idle level over the mean tasks in flight; live heap likewise. */
    public static final String RSS_PER_TASK = "rss.bytes/task";
    public static final String MEM_PER_TASK = "mem.bytes/task";
    public static final String HEAP_PER_TASK = "heap.bytes/task";
    /** Time-weighted tasks in flight over each iteration: mean and lowest. */
    public static final String INFLIGHT_MEAN = "inflight.mean";
    public static final String INFLIGHT_MIN = "inflight.min";
    /** 1 in an iteration whose mean in flight reached 0.95 C (or the model runs one task at a time by design), else 0. */
    public static final String INFLIGHT_CHECK = "inflight.check";
    /** CPU of the client (background subtracted) and of the fixture's JVM, in cores. */
    public static final String CPU_CORES = "cpu.cores";
    public static final String CPU_BACKGROUND = "cpu.background.cores";
    public static final String FIXTURE_CPU = "fixture.cpu.cores";
    public static final String MACHINE_CPU = "machine.cpu.cores";
    /** 1 in an iteration in which client and fixture together used 90% or more of the cores, else 0. */
    public static final String CPU_SATURATED = "cpu.saturated";
    public static final String LATENCY_COUNT = "latency.count";
    public static final String LATENCY_FAILED = "latency.failed.count";
    /** The load benchmark's offered rate as the pacer measured it, tasks/s. */
    public static final String LOAD_OFFERED = "load.offered";
    /** How far the pacer was behind its schedule at the end of an iteration, ms. */
    public static final String LOAD_LAG = "load.lag.ms";
    /** 1 in an iteration in which the model could not keep up with the offered rate, else 0. */
    public static final String LOAD_SATURATED = "load.saturated";
    public static final String ERRORS = "errors";
    public static final String RETRIES = "retries";
    /** How many resources (threads, open files, RSS, live heap) grew beyond noise during a soak. */
    public static final String SOAK_LEAKS = "soak.leaks";
    /** Soak resources: each reports {@code soak.<resource>.start}, {@code .growth} and {@code .allowed}. */
    public static final List<String> SOAK_RESOURCES = List.of("threads", "fds", "rss", "heap");
    public static final String IDLE_HELD = "idle.tasks.held";
    public static final String IDLE_BYTES = "idle.bytes.per.task";
    public static final String CLASSES = "classes.loaded";
    public static final String METASPACE = "metaspace.bytes";
    public static final String TASK_BYTECODE = "task.bytecode.bytes";
    public static final String RUNTIME_JAR = "runtime.jar.bytes";
    public static final String SOURCE_LINES = "task.source.lines";
    /** Source lines of the package-private classes a model's task shares with others (its plumbing). */
    public static final String SHARED_SOURCE_LINES = "shared.source.lines";
    public static final String CANCEL_CLOSE = "cancel.close.ms";
    public static final String CANCEL_READS = "cancel.reads.after";
    public static final String REQUESTS_BEFORE_AWAIT = "requests.before.await";
    /** How long the inertness benchmark watched for a request, and the eager control's time to arrive. */
    public static final String INERT_WAITED = "inert.wait.ms";
    public static final String INERT_CONTROL = "inert.control.ms";
    /** JFR events per iteration ({@code bench --jfr}): pins and parks count from 1 ms up. */
    public static final String JFR_PINNED = "jfr.pinned.count";
    public static final String JFR_PINNED_MS = "jfr.pinned.ms";
    public static final String JFR_THREAD_STARTS = "jfr.threadStart.count";
    public static final String JFR_PARKS = "jfr.park.count";
    public static final String JFR_PARK_MS = "jfr.park.ms";
    public static final String JFR_GCS = "jfr.gc.count";
    public static final String JFR_GC_PAUSE_MS = "jfr.gc.pause.ms";
    public static final List<String> JFR_METRICS = List.of(JFR_PINNED, JFR_PINNED_MS, JFR_THREAD_STARTS, JFR_PARKS,
            JFR_PARK_MS, JFR_GCS, JFR_GC_PAUSE_MS);

    /** The models in the order the design lists them; reports and legends keep this order. */
    public static final List<String> MODELS = List.of(
            "sequential", "threads", "pool", "callbacks", "futures", "virtual", "actors", "coroutines", "reactive");
    /** One OS thread per blocked page. */
    public static final String OS_THREADS = "threads";
    public static final String POOL = "pool";
    public static final String VIRTUAL = "virtual";
    public static final String CALLBACKS = "callbacks";
    public static final String ACTORS = "actors";
    public static final String CONTROL = "sequential";
    /** "Async" in the claims' sense: tasks that never block a thread while they wait. */
    public static final Set<String> ASYNC = Set.of("callbacks", "futures", "coroutines", "reactive");
    /** Models that never block a thread: async plus actors. */
    public static final Set<String> NON_BLOCKING = Set.of("callbacks", "futures", "coroutines", "reactive", "actors");
    /** Models whose thread count the {@code threads} parameter does not change: one per task, none, or a fixed 200. */
    public static final Set<String> FIXED_THREADS = Set.of("sequential", "threads", "pool-200");
    /**
     * Models whose task code is straight-line blocking code, like the control's: OS threads and the
     * JVM's stackful coroutines, virtual threads. Kotlin coroutines are async here (suspend functions
     * compiled to state machines, the JVM's kin of async/await), in claim 15 as in 8 to 10 and 14.
     */
    public static final Set<String> LINEAR_CODE = Set.of("threads", "virtual");

    /** Workload parameters that pick the report's headline case: IO-bound, small pages, keep-alive. */
    public static final String PREFERRED_REUSE = "true";

    private static final Map<String, Direction> SECONDARY_DIRECTIONS = Map.ofEntries(
            Map.entry(PAGES, Direction.HIGHER),
            Map.entry(IDLE_HELD, Direction.HIGHER),
            Map.entry(REQUESTS_BEFORE_AWAIT, Direction.UNKNOWN),
            Map.entry(INERT_WAITED, Direction.UNKNOWN),
            Map.entry(INERT_CONTROL, Direction.UNKNOWN),
            Map.entry("gc.alloc.rate", Direction.UNKNOWN),
            Map.entry("gc.count", Direction.LOWER),
            Map.entry("gc.time", Direction.LOWER),
            Map.entry(RSS, Direction.LOWER),
            Map.entry(HEAP, Direction.LOWER),
            Map.entry(THREADS_PEAK, Direction.LOWER),
            Map.entry(RUNTIME_THREADS, Direction.LOWER),
            Map.entry(RSS_PER_TASK, Direction.LOWER),
            Map.entry(MEM_PER_TASK, Direction.LOWER),
            Map.entry(HEAP_PER_TASK, Direction.LOWER),
            Map.entry(INFLIGHT_MEAN, Direction.UNKNOWN),
            Map.entry(INFLIGHT_MIN, Direction.UNKNOWN),
            Map.entry(INFLIGHT_CHECK, Direction.HIGHER),
            Map.entry(CPU_CORES, Direction.UNKNOWN),
            Map.entry(CPU_BACKGROUND, Direction.UNKNOWN),
            Map.entry(FIXTURE_CPU, Direction.UNKNOWN),
            Map.entry(MACHINE_CPU, Direction.UNKNOWN),
            Map.entry(CPU_SATURATED, Direction.LOWER),
            Map.entry(LATENCY_COUNT, Direction.UNKNOWN),
            Map.entry(LATENCY_FAILED, Direction.LOWER),
            Map.entry(LOAD_OFFERED, Direction.UNKNOWN),
            Map.entry(LOAD_LAG, Direction.LOWER),
            Map.entry(LOAD_SATURATED, Direction.LOWER),
            Map.entry(ERRORS, Direction.LOWER),
            Map.entry(RETRIES, Direction.LOWER),
            Map.entry(SOAK_LEAKS, Direction.LOWER),
            Map.entry(ALLOC_PER_TASK_OWN, Direction.LOWER),
            Map.entry(IDLE_BYTES, Direction.LOWER),
            Map.entry(CLASSES, Direction.LOWER),
            Map.entry(METASPACE, Direction.LOWER),
            Map.entry(TASK_BYTECODE, Direction.LOWER),
            Map.entry(RUNTIME_JAR, Direction.LOWER),
            Map.entry(SOURCE_LINES, Direction.LOWER),
            Map.entry(SHARED_SOURCE_LINES, Direction.LOWER),
            Map.entry(CANCEL_READS, Direction.LOWER),
            Map.entry(JFR_PINNED, Direction.LOWER),
            Map.entry(JFR_PINNED_MS, Direction.LOWER),
            Map.entry(JFR_THREAD_STARTS, Direction.LOWER),
            // a blocking model parks by design: fewer parks is not better in itself
            Map.entry(JFR_PARKS, Direction.UNKNOWN),
            Map.entry(JFR_PARK_MS, Direction.UNKNOWN),
            Map.entry(JFR_GCS, Direction.LOWER),
            Map.entry(JFR_GC_PAUSE_MS, Direction.LOWER));

    private SuiteLayout() {
    }

    /** Which suite benchmark a result belongs to, from its {@code Class.method}; empty for others. */
    public static Optional<String> benchmarkOf(String shortName) {
        String type = shortName.contains(".") ? shortName.substring(0, shortName.lastIndexOf('.')) : shortName;
        return SOURCES.entrySet().stream()
                .filter(e -> e.getValue().contains(shortName) || e.getValue().contains(type + ".*"))
                .map(Map.Entry::getKey).findFirst();
    }

    /** The spellings a benchmark is looked for under, for "not measured" messages. */
    public static String describe(String benchmark) {
        return String.join(" or ", SOURCES.getOrDefault(benchmark, List.of(benchmark)));
    }

    /**
     * A result's model: its {@code model} parameter, else, for a benchmark with one method per
     * model, the method's name; empty when neither applies.
     */
    public static Optional<String> modelOf(BenchmarkResult result) {
        return modelOf(result.benchmark(), result.params());
    }

    /** The model of a benchmark (full or {@code Class.method} name) with these parameters. */
    public static Optional<String> modelOf(String benchmark, Map<String, String> params) {
        if (params.containsKey(MODEL)) {
            return Optional.of(params.get(MODEL));
        }
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        String owner = benchmark.contains(".") ? benchmark.substring(0, benchmark.lastIndexOf('.')) : "";
        String type = owner.substring(owner.lastIndexOf('.') + 1);
        boolean perMethod = SOURCES.values().stream().anyMatch(s -> s.contains(type + ".*"));
        return perMethod ? Optional.of(method) : Optional.empty();
    }

    /**
     * The suite model a name is a variant of: {@code pool-200} and {@code coroutinesLazy} are
     * variants of {@code pool} and {@code coroutines}; a model is its own base.
     */
    public static String baseModel(String model) {
        return MODELS.stream()
                .filter(m -> model.equals(m) || model.startsWith(m) && model.length() > m.length()
                        && (model.charAt(m.length()) == '-' || Character.isUpperCase(model.charAt(m.length()))))
                .max(Comparator.comparingInt(String::length)).orElse(model);
    }

    /** Which way a secondary metric improves: known names first, then the unit. */
    public static Direction secondaryDirection(String name, String unit) {
        String bare = name.startsWith("\u00b7") ? name.substring(1) : name;
        return SECONDARY_DIRECTIONS.getOrDefault(bare, Direction.ofUnit(unit));
    }

    /** Orders model names as {@link #MODELS} does, variants after their model; unknown names last. */
    public static final Comparator<String> MODEL_ORDER = Comparator
            .comparingInt((String m) -> MODELS.contains(baseModel(m)) ? MODELS.indexOf(baseModel(m)) : MODELS.size())
            .thenComparing(Comparator.naturalOrder());
}
