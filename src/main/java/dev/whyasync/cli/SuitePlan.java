package dev.whyasync.cli;

import dev.whyasync.cli.Profiles.Profile;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a profile will run, worked out before anything runs: each benchmark with the parameter
 * values it will get (the profile's where it names them, else the {@code @Param} values), the
 * number of runs (benchmark × parameter set × mode) and an estimate of the time, so that a run of
 * an hour is never a surprise.
 *
 * <p>How it is estimated: each fork costs {@link #FORK_START} (JVM start, JMH's set-up, the
 * benchmark's fixture and trial set-up, tear-down), then each iteration its time plus
 * {@link #ITERATION_OVERHEAD} (JMH's pause between iterations and the profilers' work around each:
 * a full GC and heap walk, histograms); a single shot is taken as {@link #SINGLE_SHOT}. Calibrated on
 * two real quick-profile runs on the two-core development machine (units timed by their console
 * lines): IoBenchmark units (8 x 2 s warm-up, 3 x 1 s measured) took 23-27 s against 24.7 s
 * estimated, single-shot units 2-6 s against 5-6 s. What it cannot know is a set-up that is slow on
 * one machine: there, the threads model's first 2 048 platform threads at C=1024 took 2-3 min to
 * start, so the quick profile took 7.2 min against "about 6 min".
 *
 * <p>A run goes unit by unit ({@link #units()}: one benchmark, one mode, one value per parameter),
 * so that each finished unit's result is saved before the next one starts.
 */
record SuitePlan(Profile profile, List<Entry> entries) {
    static final Duration FORK_START = Duration.ofSeconds(4);
    /** What each iteration adds to its own time; measured, see the class comment. */
    static final Duration ITERATION_OVERHEAD = Duration.ofMillis(150);
    /** A single-shot iteration is as long as its work, milliseconds for the suite's single-shot benchmarks. */
    static final Duration SINGLE_SHOT = Duration.ofMillis(100);
    private static final String BENCHMARK_LIST = "META-INF/BenchmarkList";
    private static final int TIMED_MODES = Mode.values().length - 1;

    /**
     * A benchmark as the jar declares it: its name, its mode, its run settings, the values of its
     * {@code @Param}s and the JVM options its {@code @Fork(jvmArgsAppend)} adds to its forks.
     */
    record Benchmark(String name, Mode mode, RunSettings declared, Map<String, List<String>> params, List<String> jvmArgsAppend) {

        Benchmark {
            jvmArgsAppend = List.copyOf(jvmArgsAppend);
        }

        Benchmark(String name, Mode mode, RunSettings declared, Map<String, List<String>> params) {
            this(name, mode, declared, params, List.of());
        }
    }

    /** A benchmark as this plan runs it: its settings, the values each parameter takes, and how many runs that makes. */
    record Entry(Benchmark benchmark, RunSettings settings, Map<String, List<String>> values, int runs) {
    }

    static SuitePlan of(Profile profile, List<Benchmark> benchmarks) {
        List<Entry> entries = benchmarks.stream().map(benchmark -> {
            Map<String, List<String>> values = new TreeMap<>();
            benchmark.params().forEach((name, declared) -> values.put(name, profile.params().getOrDefault(name, declared)));
            int sets = values.values().stream().mapToInt(List::size).reduce(1, Math::multiplyExact);
            int modes = benchmark.mode() == Mode.All ? TIMED_MODES : 1;
            return new Entry(benchmark, profile.settings().over(benchmark.declared()), values, sets * modes);
        }).toList();
        return new SuitePlan(profile, entries);
    }

    /** The benchmarks of this jar that the profile includes; refuses a jar that has none. */
    static List<Benchmark> inJar(Profile profile) {
        return inJar(profile, null);
    }

    /** The same, where {@code selection} (such as "--only X") names what chose the benchmarks when the profile did not. */
    static List<Benchmark> inJar(Profile profile, String selection) {
        requireBenchmarkList();
        PrintStream silent = new PrintStream(OutputStream.nullOutputStream());
        List<Benchmark> found = BenchmarkList.defaultList()
                .find(OutputFormatFactory.createFormatInstance(silent, VerboseMode.SILENT), profile.includes(), List.of())
                .stream().map(SuitePlan::benchmark).toList();
        if (found.isEmpty()) {
            throw new UsageException("no benchmarks in this build match "
                    + (selection == null ? "profile " + profile.name() + " " + profile.includes() : selection)
                    + "; 'whyasync jmh -l' lists the benchmarks the jar has");
        }
        return found;
    }

    /** JMH's list of the jar's benchmarks, written by its annotation processor; without it JMH can only fail. */
    static void requireBenchmarkList() {
        if (SuitePlan.class.getClassLoader().getResource(BENCHMARK_LIST) == null) {
            throw new UsageException("no benchmarks in this build: the jar has no " + BENCHMARK_LIST
                    + "; add @Benchmark classes under src/main/java/dev/whyasync/bench and rebuild (./mvnw package)");
        }
    }

    private static Benchmark benchmark(BenchmarkListEntry entry) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        entry.getParams().orElse(Map.of()).forEach((name, values) -> params.put(name, Arrays.asList(values)));
        return new Benchmark(entry.getUsername(), entry.getMode(), RunSettings.declaredBy(entry), params,
                List.copyOf(entry.getJvmArgsAppend().orElse(List.of())));
    }

    int runs() {
        return entries.stream().mapToInt(Entry::runs).sum();
    }

    /** Profile parameters that no included benchmark declares: JMH would ignore them silently. */
    List<String> strayParams() {
        return profile.params().keySet().stream()
                .filter(name -> entries.stream().noneMatch(entry -> entry.values().containsKey(name)))
                .toList();
    }

    Duration estimate() {
        Duration total = Duration.ZERO;
        for (Entry entry : entries) {
            total = total.plus(perRun(entry).multipliedBy(entry.runs()));
        }
        return total;
    }

    /** The time of one run of an entry: its forks, each starting a JVM and running its iterations. */
    private static Duration perRun(Entry entry) {
        RunSettings run = entry.settings();
        boolean singleShot = entry.benchmark().mode() == Mode.SingleShotTime;
        Duration fork = FORK_START
                .plus((singleShot ? SINGLE_SHOT : run.warmupTime()).plus(ITERATION_OVERHEAD).multipliedBy(run.warmupIterations()))
                .plus((singleShot ? SINGLE_SHOT : run.measurementTime()).plus(ITERATION_OVERHEAD)
                        .multipliedBy(run.measurementIterations()));
        return fork.multipliedBy(Math.max(1, run.forks()));
    }

    /**
     * Every run of the plan as a unit of its own, in the order of the plan: benchmark by benchmark,
     * each mode of a {@code Mode.All} benchmark, then each parameter set.
     */
    List<RunUnit> units() {
        return entries.stream().flatMap(entry -> RunUnit.of(entry, perRun(entry)).stream()).toList();
    }

    /** The plan as printed before a run. */
    String describe() {
        StringBuilder text = new StringBuilder("profile " + profile.name() + " (" + profile.summary() + "): "
                + entries.size() + (entries.size() == 1 ? " benchmark, " : " benchmarks, ") + runs() + " runs; "
                + profile.settings().describe() + "\n");
        int width = entries.stream().mapToInt(entry -> shortName(entry).length()).max().orElse(0);
        for (Entry entry : entries) {
            text.append(String.format(Locale.ROOT, "  %s  %-6s %4d runs  %s\n", Command.pad(shortName(entry), width),
                    entry.benchmark().mode().shortLabel(), entry.runs(), settings(entry)));
            if (!entry.values().isEmpty()) {
                text.append("    ").append(entry.values().entrySet().stream().map(SuitePlan::showValues)
                        .collect(Collectors.joining(" "))).append('\n');
            }
        }
        if (!strayParams().isEmpty()) {
            text.append("  profile parameters no benchmark declares (ignored): ")
                    .append(String.join(", ", strayParams())).append('\n');
        }
        if (!profile.jvmArgs().isEmpty()) {
            text.append("JVM options of every fork, after the benchmark's own (--jvm-args): ")
                    .append(String.join(" ", profile.jvmArgs())).append('\n');
        }
        if (profile.recordsJfr()) {
            text.append("JFR in every iteration (--jfr): pinned virtual threads, thread starts, parks and GC pauses\n");
        }
        if (profile.recordsFlames()) {
            List<RunUnit> profiled = units().stream().filter(RunUnit::flamePoint).toList();
            text.append("flame graphs (--flame) of ").append(profiled.size()).append(profiled.size() == 1 ? " unit" : " units")
                    .append(profiled.isEmpty() ? " (no chosen benchmark has a flame point)" : ": " + profiled.stream()
                            .map(RunUnit::label).collect(Collectors.joining(", ")))
                    .append("\n  CPU engine ").append(profile.flame().event()).append(": ").append(profile.flame().reason())
                    .append('\n');
        }
        return text.append("estimated time: about ").append(minutes(estimate())).append('\n').toString();
    }

    /** A single-shot benchmark ignores iteration times: it says how many shots instead. */
    private static String settings(Entry entry) {
        RunSettings run = entry.settings();
        if (entry.benchmark().mode() != Mode.SingleShotTime) {
            return run.describe();
        }
        return run.forks() + (run.forks() == 1 ? " fork, " : " forks, ") + run.warmupIterations() + " warmup and "
                + run.measurementIterations() + " measured single shots";
    }

    /** The benchmark's name without the suite's package, which every suite benchmark shares. */
    static String shortName(Entry entry) {
        return entry.benchmark().name().replaceFirst("^dev\\.whyasync\\.bench\\.", "");
    }

    private static String showValues(Map.Entry<String, List<String>> param) {
        return param.getKey() + "=" + String.join(",", param.getValue());
    }

    static String minutes(Duration time) {
        long minutes = Math.round(time.toSeconds() / 60.0);
        if (minutes < 1) {
            return time.toSeconds() + " s";
        }
        return minutes < 90 ? minutes + " min" : String.format(Locale.ROOT, "%.1f h", time.toSeconds() / 3600.0);
    }
}
