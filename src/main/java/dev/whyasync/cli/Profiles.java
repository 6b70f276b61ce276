package dev.whyasync.cli;

import dev.whyasync.bench.ClientCpuProfiler;
import dev.whyasync.bench.FootprintProfiler;
import dev.whyasync.bench.JfrEventsProfiler;
import dev.whyasync.bench.LatencyProfiler;
import dev.whyasync.bench.ReportedMetricsProfiler;
import dev.whyasync.bench.SoakProfiler;
import dev.whyasync.bench.TaskLoopProfiler;
import dev.whyasync.fixture.JvmWarnings;
import org.openjdk.jmh.profile.AsyncProfiler;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.profile.Profiler;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The three benchmark suites {@code bench --profile} runs. A profile sets the forks of every
 * benchmark it includes; quick also shortens every iteration and its counts, full lengthens timed
 * iterations, and default keeps what each benchmark declares (the IO benchmark needs its longer
 * warm-up, a single-shot benchmark its twenty samples). It also sets the values of the parameters it names; the others keep their
 * {@code @Param} values. JMH ignores a parameter no benchmark declares, so the plan printed before a
 * run names such strays. {@code --only} and {@code -p} make a profile with other benchmarks or
 * values ({@link Profile#with}), {@code --jvm-args}, {@code --jfr} and {@code --flame} one with more
 * JVM options, the JFR profiler and async-profiler ({@link Profile#choosing}), and a run hands JMH one unit at a time
 * ({@link Profile#options}).
 *
 * <p>The budgets, on two cores: quick is for CI (about 7 minutes: 431 s measured, the threads unit
 * at C=1024 alone about 3), default is the first run on a new machine (about 23 minutes: 1,402 s
 * measured), full is the publication run (about 2 hours measured before C=1 joined it for claim
 * 17; the plan said 2.4 h then and says 3.0 h since), soak the leak
 * check (about 50 minutes, or 9 models x ({@code --minutes} + half a minute)).
 */
final class Profiles {

    /**
     * One suite: which benchmarks, how they are run, the parameter values it sweeps and the
     * profilers it attaches; {@code jvmArgsAppend} replaces each benchmark's own JVM options (the
     * soak's fixed heap) when not empty, and {@code jvmArgs}, the user's {@code --jvm-args}, come
     * after either; {@code flame}, when not null, is the engine of {@code --flame}'s CPU samples.
     */
    record Profile(String name, String summary, List<String> includes, RunSettings settings, Map<String, List<String>> params,
                   List<Class<? extends Profiler>> profilers, List<String> jvmArgsAppend, List<String> jvmArgs,
                   FlameEngine flame) {

        Profile {
            includes = List.copyOf(includes);
            params = Collections.unmodifiableMap(new TreeMap<>(params));
            profilers = List.copyOf(profilers);
            jvmArgsAppend = List.copyOf(jvmArgsAppend);
            jvmArgs = List.copyOf(jvmArgs);
        }

        Profile(String name, String summary, List<String> includes, RunSettings settings, Map<String, List<String>> params,
                List<Class<? extends Profiler>> profilers, List<String> jvmArgsAppend) {
            this(name, summary, includes, settings, params, profilers, jvmArgsAppend, List.of(), null);
        }

        /** A profile with the suite's profilers and each benchmark's own JVM arguments. */
        Profile(String name, String summary, List<String> includes, RunSettings settings, Map<String, List<String>> params) {
            this(name, summary, includes, settings, params, PROFILERS, List.of());
        }

        /** This profile's settings for other benchmarks and with some parameters' values replaced. */
        Profile with(List<String> otherIncludes, Map<String, List<String>> replacedParams) {
            Map<String, List<String>> merged = new TreeMap<>(params);
            merged.putAll(replacedParams);
            return new Profile(name, summary, otherIncludes, settings, merged, profilers, jvmArgsAppend, jvmArgs, flame);
        }

        /** This profile with each measurement iteration lasting {@code time} (the soak's {@code --minutes}). */
        Profile measuring(Duration time) {
            return new Profile(name, summary, includes, settings.withMeasurementTime(time), params, profilers, jvmArgsAppend,
                    jvmArgs, flame);
        }

        /**
         * This profile with the user's {@code --jvm-args} after every benchmark's own options and,
         * for {@code --jfr}, the JFR events profiler just outside the CPU profiler: its recording
         * starts before the CPU window opens and is stopped, written and read after it closes, and
         * the other profilers' work (the footprint's full GC, the histograms) stays out of its counts;
         * with a {@code flameEngine}, the units at a flame point are profiled with async-profiler.
         */
        Profile choosing(List<String> chosenJvmArgs, boolean jfr, FlameEngine flameEngine) {
            List<Class<? extends Profiler>> attached = new ArrayList<>(profilers);
            if (jfr && !attached.contains(JfrEventsProfiler.class)) {
                int cpu = attached.indexOf(ClientCpuProfiler.class);
                attached.add(cpu < 0 ? attached.size() : cpu, JfrEventsProfiler.class);
            }
            return new Profile(name, summary, includes, settings, params, attached, jvmArgsAppend, chosenJvmArgs, flameEngine);
        }

        /** Whether the runs record JFR events ({@code bench --jfr}). */
        boolean recordsJfr() {
            return profilers.contains(JfrEventsProfiler.class);
        }

        /** A benchmark's own {@code @Fork(jvmArgsAppend)}, {@code own}, or this profile's replacement of it. */
        List<String> benchmarkOptions(List<String> own) {
            return jvmArgsAppend.isEmpty() ? own : jvmArgsAppend;
        }

        /**
         * The options a run appends to the forks of a benchmark whose own are {@code own}: those,
         * or this profile's replacement, then {@code --jvm-args}, so that the user's {@code -Xmx4g}
         * comes last and wins. JMH puts them after its own and this JVM's options.
         */
        List<String> forkOptions(List<String> own) {
            List<String> options = new ArrayList<>(benchmarkOptions(own));
            options.addAll(jvmArgs);
            return options;
        }

        /** Whether the runs record flame graphs ({@code bench --flame}, and the full profile unless {@code --no-flame}). */
        boolean recordsFlames() {
            return flame != null;
        }

        ChainedOptionsBuilder options(RunUnit unit) {
            return options(unit, null, null);
        }

        /**
         * JMH options for one unit of this profile: its one benchmark and mode, each parameter
         * fixed to the unit's value, this profile's settings, profilers and JVM options; with
         * {@code --jfr}, the forks keep their recordings in {@code jfrDir}; with {@code asyncProfiler}
         * options ({@code --flame}), JMH's async-profiler sits just outside the CPU profiler, as the
         * JFR profiler does, so that starting it and writing its recording stay out of the CPU window.
         * The caller adds where the results go.
         */
        ChainedOptionsBuilder options(RunUnit unit, Path jfrDir, String asyncProfiler) {
            ChainedOptionsBuilder options = new OptionsBuilder().include(unit.pattern()).mode(unit.mode());
            settings.applyTo(options);
            unit.params().forEach((param, value) -> options.param(param, value));
            boolean flameAdded = asyncProfiler == null;
            for (Class<? extends Profiler> profiler : profilers) {
                if (!flameAdded && profiler == ClientCpuProfiler.class) {
                    options.addProfiler(AsyncProfiler.class, asyncProfiler);
                    flameAdded = true;
                }
                options.addProfiler(profiler);
            }
            if (!flameAdded) {
                options.addProfiler(AsyncProfiler.class, asyncProfiler);
            }
            // JMH's jvmArgsAppend replaces the benchmark's own list, so the own options are repeated here;
            // the forks run this JVM's java (bench never names another), so its version decides the quiet options
            List<String> append = new ArrayList<>(JvmWarnings.quietOptions(Runtime.version().feature()));
            append.addAll(forkOptions(unit.jvmArgsAppend()));
            if (jfrDir != null && recordsJfr()) {
                append.add("-D" + JfrEventsProfiler.DIR_PROPERTY + "=" + jfrDir.toAbsolutePath());
            }
            if (!append.isEmpty()) {
                options.jvmArgsAppend(append.toArray(String[]::new));
            }
            return options;
        }
    }

    /**
     * Every run collects the secondary metrics the report needs: memory, threads, latency, whether
     * the loop held its tasks, CPU and allocation. JMH starts profilers in this order and stops them
     * in reverse, so the CPU and allocation window comes last, innermost: no other profiler's work
     * (the footprint's full GC, the latency histograms) falls inside it.
     */
    static final List<Class<? extends Profiler>> PROFILERS = List.of(GCProfiler.class, FootprintProfiler.class,
            LatencyProfiler.class, ReportedMetricsProfiler.class, TaskLoopProfiler.class, ClientCpuProfiler.class);

    /** Every benchmark class of the suite lives in this package. */
    private static final String SUITE = "^dev\\.whyasync\\.bench\\.";

    /** The IO benchmark and the two quick single-shot ones: enough for the gate, within a CI step's budget. */
    private static final String QUICK_SUITE = SUITE + "(IoBenchmark|CancelBenchmark|InertBenchmark)\\.";

    /**
     * Every benchmark keeps its own warm-up, which is what it needs to reach steady state (the IO
     * benchmark's 8 x 2 s); quick measures fewer and shorter iterations, never fewer than three, so
     * that no score's error is undefined.
     */
    static final Profile QUICK = new Profile("quick", "CI check, about 7 min: the IO benchmark at one concurrency, cancel, inertness",
            List.of(QUICK_SUITE), new RunSettings(1, RunSettings.KEEP, null, 3, Duration.ofSeconds(1)),
            Map.of("concurrency", List.of("1024"), "size", List.of("1024"), "delay", List.of("20")));

    static final Profile DEFAULT = new Profile("default", "first run on a machine, about 23 min",
            List.of(SUITE), RunSettings.OWN,
            Map.of("concurrency", List.of("64", "1024"), "size", List.of("1024"), "delay", List.of("20"),
                    "tasks", List.of("10000")));

    static final Profile FULL = new Profile("full", "publication run, about 3 h: concurrencies, sizes, delays, 1 vs 2 runtime threads",
            List.of(SUITE), RunSettings.times(RunSettings.KEEP, Duration.ofSeconds(2)),
            Map.of("concurrency", List.of("1", "64", "1024", "8192"), "size", List.of("1024", "65536"),
                    "delay", List.of("0", "20"), "threads", List.of("1", "2"),
                    "tasks", List.of("1000", "10000", "100000", "1000000")));

    /** Minutes each model runs in the soak unless {@code --minutes} says otherwise. */
    static final int SOAK_MINUTES = 5;

    /**
     * The leak check: the IO benchmark for {@link #SOAK_MINUTES} minutes per model after a 30 s
     * warm-up, sampled by the soak profiler. The heap is fixed and touched up front, so that RSS
     * does not grow by the heap expanding, and growth of RSS means memory outside the heap.
     */
    static final Profile SOAK = new Profile("soak", "leak check, about 50 min: the IO benchmark for 5 min per model "
            + "(--minutes), sampling threads, open files, RSS and live heap",
            List.of(SUITE + "IoBenchmark\\."),
            new RunSettings(1, 1, Duration.ofSeconds(30), 1, Duration.ofMinutes(SOAK_MINUTES)),
            Map.of("model", List.of("sequential", "threads", "pool", "callbacks", "futures", "virtual", "actors",
                            "coroutines", "reactive"),
                    "concurrency", List.of("256"), "size", List.of("1024"), "delay", List.of("20")),
            List.of(SoakProfiler.class, ClientCpuProfiler.class), List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"));

    static final List<Profile> ALL = List.of(QUICK, DEFAULT, FULL, SOAK);

    /** The publication run records flame graphs unless {@code --no-flame} says otherwise; the others only with {@code --flame}. */
    static boolean flamesByDefault(String profile) {
        return FULL.name().equals(profile);
    }

    private Profiles() {
    }

    static Profile named(String name) {
        return ALL.stream().filter(profile -> profile.name().equals(name)).findFirst().orElseThrow(() -> {
            List<String> names = ALL.stream().map(Profile::name).toList();
            return new UsageException("unknown profile '" + name + "' for --profile" + Suggestion.didYouMean(name, names)
                    + " (choose " + String.join(", ", names) + ")");
        });
    }

    /** "quick|default|full", for help texts. */
    static String names() {
        return ALL.stream().map(Profile::name).collect(Collectors.joining("|"));
    }
}
