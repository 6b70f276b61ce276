package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.ResultReader;
import dev.whyasync.report.results.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit whose JMH fork is killed, and one whose fixture JVM is killed, each in the middle of its
 * measurement, fail alone: the run goes on, every finished unit's result stays readable, the run
 * ends incomplete with status 1 and says how to resume it, and no fork or fixture outlives it.
 */
@Timeout(240)
class InterruptedRunTest {
    private static final String UNIT = "dev.whyasync.cli.PageFetchBenchmark.fetch page=";

    @Test
    void aKilledForkAndAKilledFixtureFailTheirUnitsAndTheRunGoesOn(@TempDir Path results) throws Exception {
        String output;
        // --verbose: JMH's output on the console too, so that the test sees a unit's warm-up begin
        try (BenchProcess bench = BenchProcess.start(results, "--profile", "quick", "--only", BenchProcess.SUITE, "--verbose")) {
            bench.awaitLine(line -> line.startsWith("[1/4] " + UNIT + "1 ... ") && line.contains(", done in "), "unit 1 done");
            bench.awaitLineStarting("[2/4] " + UNIT + "2 (about ");
            bench.awaitLineStarting("# Warmup Iteration");
            bench.descendant(BenchProcess.FORK).destroyForcibly();

            bench.awaitLineStarting("[3/4] " + UNIT + "3 (about ");
            bench.awaitLineStarting("# Warmup Iteration");
            bench.descendant(BenchProcess.FIXTURE).destroyForcibly();

            assertEquals(1, bench.awaitExit(Duration.ofSeconds(120)), bench.output());
            bench.assertNoProcessLeft(Duration.ofSeconds(10));
            output = bench.output();
        }
        String runId = onlyRunId(results);
        Run run = ResultReader.read(results.resolve(runId + ".json"));
        assertEquals(List.of("1", "4"), run.results().stream().map(result -> result.param("page").orElseThrow()).toList(),
                "units 1 and 4 finished and were kept, in order; the two struck units left nothing");
        for (BenchmarkResult result : run.results()) {
            assertTrue(result.primaryMetric().score() >= PageFetchBenchmark.DELAY_MS, "a shot waits for the page's delay");
        }
        RunMeta meta = RunMeta.read(results.resolve(runId + ".meta/meta.json"));
        assertEquals(RunMeta.INCOMPLETE, meta.status());
        assertNotNull(meta.end());

        Path log = results.resolve(runId + ".log");
        for (int unit : new int[] {2, 3}) {
            assertTrue(output.lines().anyMatch(line -> line.startsWith("whyasync: [" + unit + "/4] " + UNIT + unit + " failed after ")
                    && line.contains("; JMH's output is in " + log + "; going on with the next unit")), output);
        }
        assertTrue(output.lines().anyMatch(line -> line.startsWith("[4/4] " + UNIT + "4 ... ") && line.contains(" ms/op")
                && line.contains(", done in ")), output);
        assertTrue(Files.readString(log).contains("<forked VM failed with exit code"), "JMH's account of the killed fork is kept");
        assertTrue(output.contains("whyasync: run " + runId + " is incomplete: 2 of 4 units have no result; failed: "
                + UNIT + "2, " + UNIT + "3"), output);
        assertTrue(output.contains("java -jar target/benchmarks.jar bench --resume " + runId + " --results " + results),
                output);
        try (Stream<Path> files = Files.list(results)) {
            assertEquals(List.of(runId + ".json", runId + ".log", runId + ".meta"),
                    files.map(file -> file.getFileName().toString()).sorted().toList(), "no temporary file and no report is left");
        }
    }

    static String onlyRunId(Path results) throws Exception {
        List<String> ids = RunFiles.runIds(results);
        assertEquals(1, ids.size(), ids.toString());
        return ids.get(0);
    }
}
