package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.bench.ClientCpuProfiler;
import dev.whyasync.bench.JfrEventsProfiler;
import dev.whyasync.bench.SoakProfiler;
import dev.whyasync.fixture.JvmWarnings;
import dev.whyasync.cli.Profiles.Profile;
import dev.whyasync.cli.SuitePlan.Benchmark;
import dev.whyasync.report.results.BenchmarkKey;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.options.Options;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The plan printed before a run: runs counted as JMH counts them, settings merged, the estimate, the strays. */
class SuitePlanTest {
    private static final List<String> QUIET = JvmWarnings.quietOptions(Runtime.version().feature());
    private static final RunSettings DECLARED = new RunSettings(3, 5, Duration.ofSeconds(10), 20, Duration.ofSeconds(10));
    private static final Profile PROFILE = new Profile("test", "for tests", List.of("x"),
            new RunSettings(2, RunSettings.KEEP, Duration.ofSeconds(3), 2, null),
            Map.of("concurrency", List.of("1", "64"), "stray", List.of("a")));

    private static final Benchmark THROUGHPUT = new Benchmark("dev.whyasync.bench.Tasks.run", Mode.Throughput, DECLARED,
            Map.of("concurrency", List.of("1", "2", "3"), "model", List.of("a", "b", "c")));
    private static final Benchmark FOOTPRINT = new Benchmark("dev.whyasync.bench.Idle.hold", Mode.SingleShotTime, DECLARED, Map.of());
    private static final Benchmark EVERY_MODE = new Benchmark("dev.whyasync.bench.Spawn.join", Mode.All, DECLARED,
            Map.of("model", List.of("a", "b")));

    @Test
    void profileValuesReplaceDeclaredOnesAndOtherParamsKeepTheirs() {
        SuitePlan plan = SuitePlan.of(PROFILE, List.of(THROUGHPUT));
        assertEquals(Map.of("concurrency", List.of("1", "64"), "model", List.of("a", "b", "c")), plan.entries().get(0).values());
        assertEquals(6, plan.runs());
    }

    @Test
    void profileSettingsReplaceOnlyWhatTheProfileSets() {
        RunSettings merged = SuitePlan.of(PROFILE, List.of(THROUGHPUT)).entries().get(0).settings();
        assertEquals(new RunSettings(2, 5, Duration.ofSeconds(3), 2, Duration.ofSeconds(10)), merged);
    }

    @Test
    void runsCountEveryParameterSetAndEveryModeOfModeAll() {
        SuitePlan plan = SuitePlan.of(PROFILE, List.of(THROUGHPUT, FOOTPRINT, EVERY_MODE));
        assertEquals(List.of(6, 1, 8), plan.entries().stream().map(SuitePlan.Entry::runs).toList());
        assertEquals(15, plan.runs());
    }

    @Test
    void estimateCountsForksIterationsTheirOverheadAndForkStart() {
        SuitePlan plan = SuitePlan.of(PROFILE, List.of(THROUGHPUT, FOOTPRINT, EVERY_MODE));
        Duration start = SuitePlan.FORK_START;
        Duration overhead = SuitePlan.ITERATION_OVERHEAD;
        Duration timed = start.plus(Duration.ofSeconds(3).plus(overhead).multipliedBy(5))
                .plus(Duration.ofSeconds(10).plus(overhead).multipliedBy(2));
        Duration singleShot = start.plus(SuitePlan.SINGLE_SHOT.plus(overhead).multipliedBy(5 + 2));
        assertEquals(timed.multipliedBy(6 + 8).plus(singleShot).multipliedBy(2), plan.estimate());
    }

    @Test
    void describeNamesEveryBenchmarkItsValuesAndTheStrayParameter() {
        String text = SuitePlan.of(PROFILE, List.of(THROUGHPUT, FOOTPRINT)).describe();
        assertTrue(text.startsWith("profile test (for tests): 2 benchmarks, 7 runs; 2 forks, warmup own × 3 s, measurement 2 × own\n"),
                text);
        assertTrue(text.contains("  Tasks.run  thrpt     6 runs  2 forks, warmup 5 × 3 s, measurement 2 × 10 s\n"
                + "    concurrency=1,64 model=a,b,c\n"), text);
        assertTrue(text.contains("  Idle.hold  ss        1 runs  2 forks, 5 warmup and 2 measured single shots\n"), text);
        assertTrue(text.contains("profile parameters no benchmark declares (ignored): stray"), text);
        assertTrue(text.endsWith("estimated time: about 8 min\n"), text);
    }

    @Test
    void unitsAreEachParameterSetOfEachModeInPlanOrder() {
        List<RunUnit> units = SuitePlan.of(PROFILE, List.of(THROUGHPUT, FOOTPRINT, EVERY_MODE)).units();
        assertEquals(SuitePlan.of(PROFILE, List.of(THROUGHPUT, FOOTPRINT, EVERY_MODE)).runs(), units.size());
        assertEquals(units.size(), units.stream().map(RunUnit::key).distinct().count(), "no two units share a key");
        Duration iterations = Duration.ofSeconds(5 * 3 + 2 * 10).plus(SuitePlan.ITERATION_OVERHEAD.multipliedBy(5 + 2));
        assertEquals(new RunUnit("dev.whyasync.bench.Tasks.run", Mode.Throughput, Map.of("concurrency", "1", "model", "a"),
                "Tasks.run concurrency=1 model=a", SuitePlan.FORK_START.plus(iterations).multipliedBy(2)), units.get(0));
        assertEquals("Tasks.run concurrency=1 model=b", units.get(1).label());
        assertEquals("Tasks.run concurrency=64 model=c", units.get(5).label());
        assertEquals("Idle.hold", units.get(6).label());
        assertEquals(Map.of(), units.get(6).params());
        assertEquals(List.of(Mode.Throughput, Mode.Throughput, Mode.AverageTime, Mode.AverageTime, Mode.SampleTime,
                Mode.SampleTime, Mode.SingleShotTime, Mode.SingleShotTime), units.subList(7, 15).stream().map(RunUnit::mode).toList());
        assertEquals("Spawn.join [ss] model=b", units.get(14).label());
        assertEquals(new BenchmarkKey("dev.whyasync.bench.Spawn.join", "ss", Map.of("model", "b")), units.get(14).key());
    }

    @Test
    void aParameterWithOneValueIsLeftOutOfTheLabelButNotOutOfTheUnit() {
        Profile one = PROFILE.with(PROFILE.includes(), Map.of("concurrency", List.of("64")));
        RunUnit unit = SuitePlan.of(one, List.of(THROUGHPUT)).units().get(2);
        assertEquals("Tasks.run model=c", unit.label());
        assertEquals(Map.of("concurrency", "64", "model", "c"), unit.params());
    }

    @Test
    void eachProfileBuildsJmhOptionsForOneUnitWithItsSettings() {
        for (Profile profile : Profiles.ALL) {
            RunUnit unit = SuitePlan.of(profile, List.of(THROUGHPUT)).units().get(1);
            Options options = profile.options(unit).build();
            assertEquals(List.of("^\\Qdev.whyasync.bench.Tasks.run\\E$"), options.getIncludes());
            assertTrue(java.util.regex.Pattern.compile(options.getIncludes().get(0)).matcher(unit.benchmark()).find());
            assertEquals(java.util.Set.of(unit.mode()), options.getBenchModes());
            unit.params().forEach((name, value) -> assertEquals(List.of(value), List.copyOf(options.getParameter(name).get())));
            assertEquals(profile.settings().forks() != RunSettings.KEEP, options.getForkCount().hasValue(), profile.name());
            if (options.getForkCount().hasValue()) {
                assertEquals(profile.settings().forks(), options.getForkCount().get());
            }
            Duration time = profile.settings().measurementTime();
            assertEquals(time != null, options.getMeasurementTime().hasValue(), profile.name());
            if (time != null) {
                assertEquals(time.toMillis(), options.getMeasurementTime().get().convertTo(java.util.concurrent.TimeUnit.MILLISECONDS));
            }
            assertEquals(profile.settings().measurementIterations() != RunSettings.KEEP, options.getMeasurementIterations().hasValue());
            assertEquals(profile.profilers().size(), options.getProfilers().size());
            assertEquals(!profile.jvmArgsAppend().isEmpty() || !QUIET.isEmpty(), options.getJvmArgsAppend().hasValue(),
                    profile.name());
        }
    }

    @Test
    void soakRunsEachModelForTheChosenMinutesWithAFixedHeap() {
        Profile soak = new SuiteChoice("soak", null, Map.of(), 7).resolve();
        assertEquals(Duration.ofMinutes(7), soak.settings().measurementTime());
        Options options = soak.options(SuitePlan.of(soak, List.of(THROUGHPUT)).units().get(0)).build();
        assertTrue(options.getProfilers().stream().anyMatch(p -> p.getKlass().equals(SoakProfiler.class.getName())),
                "the soak profiler samples the run");
        assertEquals(quiet("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch"), List.copyOf(options.getJvmArgsAppend().get()));
        assertEquals(Duration.ofMinutes(Profiles.SOAK_MINUTES), new SuiteChoice("soak", null, Map.of()).resolve()
                .settings().measurementTime());
        UsageException refused = assertThrows(UsageException.class, () -> new SuiteChoice("quick", null, Map.of(), 7));
        assertTrue(refused.getMessage().contains("--profile soak"), refused.getMessage());
    }

    @Test
    void jvmArgsComeAfterTheBenchmarksOwnOrTheProfilesReplacement() {
        Benchmark ownHeap = new Benchmark("dev.whyasync.bench.Tasks.run", Mode.Throughput, DECLARED, Map.of(), List.of("-Xmx2g"));
        Profile chosen = new SuiteChoice("quick", null, Map.of(), null, List.of("-Xmx4g", "-XX:+UseZGC"), false).resolve();
        RunUnit unit = SuitePlan.of(chosen, List.of(ownHeap)).units().get(0);
        assertEquals(quiet("-Xmx2g", "-Xmx4g", "-XX:+UseZGC"), List.copyOf(chosen.options(unit).build().getJvmArgsAppend().get()));
        Profile soak = new SuiteChoice("soak", null, Map.of(), null, List.of("-Xmx4g"), false).resolve();
        assertEquals(quiet("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch", "-Xmx4g"),
                List.copyOf(soak.options(SuitePlan.of(soak, List.of(ownHeap)).units().get(0)).build().getJvmArgsAppend().get()));
        RunUnit plain = SuitePlan.of(Profiles.QUICK, List.of(ownHeap)).units().get(0);
        assertEquals(quiet("-Xmx2g"), List.copyOf(Profiles.QUICK.options(plain).build().getJvmArgsAppend().get()),
                "the benchmark's own options stay when the run adds none");
    }

    @Test
    void jfrGoesJustOutsideTheCpuWindowAndKeepsItsRecordingsWhereTheRunSays() {
        for (Profile named : Profiles.ALL) {
            Profile jfr = new SuiteChoice(named.name(), null, Map.of(), null, List.of(), true).resolve();
            List<Class<? extends org.openjdk.jmh.profile.Profiler>> profilers = jfr.profilers();
            assertEquals(profilers.indexOf(ClientCpuProfiler.class) - 1, profilers.indexOf(JfrEventsProfiler.class), named.name());
            assertEquals(named.profilers().size() + 1, profilers.size());
            assertTrue(jfr.recordsJfr() && !named.recordsJfr());
            RunUnit unit = SuitePlan.of(jfr, List.of(THROUGHPUT)).units().get(0);
            List<String> append = List.copyOf(jfr.options(unit, Path.of("results/r.jfr"), null).build().getJvmArgsAppend().get());
            assertEquals("-D" + JfrEventsProfiler.DIR_PROPERTY + "=" + Path.of("results/r.jfr").toAbsolutePath(),
                    append.get(append.size() - 1));
        }
    }

    @Test
    void profilesGrowFromQuickToFull() {
        List<Benchmark> suite = List.of(new Benchmark("dev.whyasync.bench.Tasks.run", Mode.Throughput,
                new RunSettings(1, 2, Duration.ofSeconds(2), 3, Duration.ofSeconds(3)),
                Map.of("model", List.of("1", "2", "3", "4", "5", "6", "7", "8", "9"), "concurrency", List.of("1"))));
        Duration quick = SuitePlan.of(Profiles.QUICK, suite).estimate();
        Duration standard = SuitePlan.of(Profiles.DEFAULT, suite).estimate();
        Duration full = SuitePlan.of(Profiles.FULL, suite).estimate();
        assertTrue(quick.compareTo(standard) < 0 && standard.compareTo(full) < 0, quick + " " + standard + " " + full);
    }

    /** The forks' options as a run gives them: the flag that silences the Unsafe warning first, on JDK 24 and later. */
    private static List<String> quiet(String... options) {
        List<String> all = new java.util.ArrayList<>(QUIET);
        all.addAll(List.of(options));
        return all;
    }

    @Test
    void minutesAreRoundedForPeople() {
        assertEquals("10 s", SuitePlan.minutes(Duration.ofSeconds(10)));
        assertEquals("1 min", SuitePlan.minutes(Duration.ofSeconds(40)));
        assertEquals("10 min", SuitePlan.minutes(Duration.ofSeconds(610)));
        assertEquals("1.5 h", SuitePlan.minutes(Duration.ofMinutes(90)));
    }
}
