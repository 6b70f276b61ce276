package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.bench.MachineLimits;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.ResultReader;
import dev.whyasync.report.results.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C in the middle of a unit leaves the finished units' results readable, the meta file
 * incomplete and no process behind; {@code bench --resume} then runs only what is missing, with the
 * run's own --only and -p, and completes the run. A resume that cannot be done says why in one line.
 */
@Timeout(240)
class ResumeTest {
    private static final SuiteChoice SUITE = new SuiteChoice("quick", BenchProcess.SUITE, Map.of());

    @Test
    void ctrlCKeepsTheFinishedUnitAndResumeRunsOnlyTheMissingOne(@TempDir Path results) throws Exception {
        try (BenchProcess bench = BenchProcess.start(results, "--profile", "quick", "--only", BenchProcess.SUITE,
                "-p", "page=1,2", "--verbose")) {
            bench.awaitLineStarting("[2/2] dev.whyasync.cli.PageFetchBenchmark.fetch page=2 (about ");
            bench.awaitLineStarting("# Warmup Iteration");
            bench.interrupt();
            assertNotEquals(0, bench.awaitExit(Duration.ofSeconds(60)), bench.output());
            bench.assertNoProcessLeft(Duration.ofSeconds(10));
            String runId = InterruptedRunTest.onlyRunId(results);
            assertTrue(bench.output().contains("whyasync: stopped; run " + runId + " is incomplete, its finished units are in "
                    + results.resolve(runId + ".json") + "; to run what is missing: java -jar target/benchmarks.jar bench "
                    + "--resume " + runId + " --results " + results), bench.output());
        }
        String runId = InterruptedRunTest.onlyRunId(results);
        Path json = results.resolve(runId + ".json");
        assertEquals(List.of("1"), pages(ResultReader.read(json)));
        RunMeta stopped = RunMeta.read(results.resolve(runId + ".meta/meta.json"));
        assertEquals(RunMeta.INCOMPLETE, stopped.status());
        assertTrue(stopped.end() != null, "the stop is recorded");
        assertTrue(Files.notExists(results.resolve(runId + ".unit.tmp")));

        try (BenchProcess resumed = BenchProcess.start(results, "--resume", runId)) {
            resumed.awaitLineStarting("run " + runId + " (profile quick, --only " + BenchProcess.SUITE
                    + "): 1 of 2 units done; 1 to run");
            resumed.awaitLine(line -> line.startsWith("[2/2] dev.whyasync.cli.PageFetchBenchmark.fetch page=2 (about ")
                    && line.contains(", done in "), "the missing unit done, on one line");
            assertEquals(0, resumed.awaitExit(Duration.ofSeconds(120)), resumed.output());
            resumed.assertNoProcessLeft(Duration.ofSeconds(10));
            assertTrue(!resumed.output().contains("[1/2]"), "the finished unit is not run again: " + resumed.output());
        }
        assertEquals(List.of("1", "2"), pages(ResultReader.read(json)), "every unit once, none of page 3 or 4 (-p kept)");
        String log = Files.readString(results.resolve(runId + ".log"));
        assertEquals(2, log.split("# Parameters: \\(page = 2\\)", -1).length - 1,
                "the log keeps the stopped attempt at page 2 and appends the resumed one");
        RunMeta done = RunMeta.read(results.resolve(runId + ".meta/meta.json"));
        assertEquals(RunMeta.COMPLETE, done.status());
        assertEquals(stopped.start(), done.start());
        assertEquals(1, done.resumes().size());
        assertTrue(Files.exists(results.resolve(runId + ".md")) && Files.exists(results.resolve(runId + ".html")),
                "a completed resume writes the report as a complete run does");

        CommandLine again = CommandLine.run("bench", "--resume", runId, "--results", results.toString());
        assertEquals(0, again.status(), again.err());
        assertEquals("run " + runId + " is already complete: nothing to resume (" + json + ")\n", again.out());
    }

    @Test
    void anUnknownRunIdNamesTheFilesLookedForAndTheNearestRuns(@TempDir Path results) throws Exception {
        for (String id : List.of("20250101-120000-quick", "20250101-120001-quick", "20240101-000000-full", "x")) {
            Files.writeString(results.resolve(id + ".meta.json"), "{}");
        }
        CommandLine result = CommandLine.run("bench", "--resume", "20250101-120002-quick", "--results", results.toString());
        assertEquals(2, result.status());
        assertEquals(List.of("whyasync: no run '20250101-120002-quick' in " + results + ": looked for "
                + results.resolve("20250101-120002-quick.meta/meta.json") + " and " + results.resolve("20250101-120002-quick.json")
                + "; the nearest runs there: 20250101-120000-quick, 20250101-120001-quick, 20240101-000000-full"),
                result.errLines());
    }

    @Test
    void aResultFileThatIsNotValidJsonIsNamedWithItsParseError(@TempDir Path results) throws Exception {
        RunFiles files = started(results);
        Files.writeString(files.results(), "[" + ResultFileTest.element(ResultFileTest.BENCHMARK, "ss", "1", "700.0"));
        CommandLine result = CommandLine.run("bench", "--resume", files.runId(), "--results", results.toString());
        assertEquals(2, result.status());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("whyasync: cannot resume " + files.runId() + ": " + files.results() + ":"), result.err());
        assertTrue(result.err().contains("truncated JSON"), result.err());
    }

    @Test
    void resultsOfABenchmarkThisBuildDoesNotHaveAreNamed(@TempDir Path results) throws Exception {
        RunFiles files = started(results);
        Files.writeString(files.results(), "[" + ResultFileTest.element(ResultFileTest.BENCHMARK, "ss", "1", "700.0") + ","
                + ResultFileTest.element("dev.whyasync.cli.GoneBenchmark.run", "ss", "1", "1.0") + "]");
        CommandLine result = CommandLine.run("bench", "--resume", files.runId(), "--results", results.toString());
        assertEquals(2, result.status());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("whyasync: cannot resume " + files.runId() + ": its results have benchmarks this "
                + "build does not have: dev.whyasync.cli.GoneBenchmark.run; resume it with the build that started it"),
                result.err());
    }

    @Test
    void aResumeDryRunListsTheMissingUnitsAndRunsNothing(@TempDir Path results) throws Exception {
        RunFiles files = started(results);
        Files.writeString(files.results(), "[" + ResultFileTest.element(ResultFileTest.BENCHMARK, "ss", "3", "700.0") + "]");
        CommandLine result = CommandLine.run("bench", "--resume", files.runId(), "--results", results.toString(), "--dry-run");
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("1 of 4 units done; 3 to run"), result.out());
        assertEquals(List.of("1", "2", "4"), result.out().lines().filter(line -> line.startsWith("  "))
                .map(line -> line.substring(line.indexOf("page=") + 5)).toList());
        assertEquals(RunMeta.INCOMPLETE, RunMeta.read(files.meta()).status());
    }

    @Test
    void aResumeTakesNoProfileOfItsOwn(@TempDir Path results) {
        CommandLine result = CommandLine.run("bench", "--resume", "r", "--profile", "quick", "-p", "page=1");
        assertEquals(2, result.status());
        assertEquals(List.of("whyasync: --resume takes the profile, --only, -p, --minutes, --jvm-args, --jfr and --flame of the "
                + "run it resumes; drop --profile and -p (see 'bench --help')"), result.errLines());
        CommandLine jvm = CommandLine.run("bench", "--resume", "r", "--jvm-args", "-Xmx1g", "--jfr");
        assertEquals(List.of("whyasync: --resume takes the profile, --only, -p, --minutes, --jvm-args, --jfr and --flame of the "
                + "run it resumes; drop --jvm-args and --jfr (see 'bench --help')"), jvm.errLines());
        CommandLine flame = CommandLine.run("bench", "--resume", "r", "--flame-engine", "itimer", "--no-flame");
        assertEquals(List.of("whyasync: --resume takes the profile, --only, -p, --minutes, --jvm-args, --jfr and --flame of the "
                + "run it resumes; drop --flame-engine and --no-flame (see 'bench --help')"), flame.errLines());
    }

    /**
     * A run's --jvm-args reach the forks of the units its resume runs, after the benchmark's own
     * options (so that its -Xmx wins), stay in the meta file, and show in the report.
     */
    @Test
    void aResumeRunsTheMissingUnitWithTheRunsJvmArgs(@TempDir Path results) throws Exception {
        List<String> jvmArgs = List.of("-Xmx200m", "-Dwhyasync.test=resumed");
        RunFiles files = RunFiles.reserve(results, "quick", java.time.LocalDateTime.of(2025, 1, 1, 12, 0));
        SuiteChoice choice = new SuiteChoice("quick", BenchProcess.SUITE, Map.of("page", List.of("1", "2")), null, jvmArgs, false);
        RunMeta.started(files.runId(), choice, List.of(), MachineLimits.read()).write(files.meta());
        Files.writeString(files.results(), "[" + ResultFileTest.element(ResultFileTest.BENCHMARK, "ss", "1", "700.0") + "]");

        try (BenchProcess resumed = BenchProcess.start(results, "--resume", files.runId())) {
            resumed.awaitLineStarting("run " + files.runId() + " (profile quick, --only " + BenchProcess.SUITE
                    + ", --jvm-args '-Xmx200m -Dwhyasync.test=resumed'): 1 of 2 units done; 1 to run");
            assertEquals(0, resumed.awaitExit(Duration.ofSeconds(120)), resumed.output());
        }
        BenchmarkResult page2 = ResultReader.read(files.results()).results().get(1);
        assertEquals("2", page2.param("page").orElseThrow());
        List<String> forkArgs = page2.jvmArgs();
        assertEquals(jvmArgs, forkArgs.subList(forkArgs.size() - 2, forkArgs.size()), "the run's options come last: " + forkArgs);
        assertTrue(forkArgs.indexOf("-Xmx128m") >= 0 && forkArgs.indexOf("-Xmx128m") < forkArgs.indexOf("-Xmx200m"),
                "after the benchmark's own -Xmx128m, so that they win: " + forkArgs);
        RunMeta done = RunMeta.read(files.meta());
        assertEquals(RunMeta.COMPLETE, done.status());
        assertEquals(jvmArgs, done.jvmArgs());
        assertEquals(choice, done.choice());
        String report = Files.readString(results.resolve(files.runId() + ".md"));
        assertTrue(report.lines().anyMatch(line -> line.startsWith("| jvmArgs ") && line.contains("-Xmx200m -Dwhyasync.test=resumed")),
                report);
    }

    /** The files of an incomplete run of the test suite, as a run leaves them before its first unit. */
    private static RunFiles started(Path results) throws Exception {
        RunFiles files = RunFiles.reserve(results, "quick", java.time.LocalDateTime.of(2025, 1, 1, 12, 0));
        RunMeta.started(files.runId(), SUITE, List.of(), MachineLimits.read()).write(files.meta());
        return files;
    }

    private static List<String> pages(Run run) {
        return run.results().stream().map(result -> result.param("page").orElseThrow()).toList();
    }
}
