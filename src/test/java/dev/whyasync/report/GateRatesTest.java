package dev.whyasync.report;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.ResultFormatException;
import dev.whyasync.report.results.ResultReader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;

/**
 * The gate on fresh repeated runs of real code: how often two runs of the same code raise an alarm
 * (false-alarm rate) and how often a planted 20% slowdown of one model, made in the benchmark's
 * code, is caught (detection rate). Rates go to the test report.
 *
 * <p>Detection needs a machine quiet enough to see a 17% drop against a 10% threshold: the test
 * measures the run-to-run spread of the within-run ratio on the A/A runs and asserts detection only
 * when that spread is below {@link #MAX_NOISE}. On a shared machine under heavy load it reports the
 * spread and is skipped rather than failing on noise.
 */
class GateRatesTest {

    static final int BASELINE_RUNS = 4;
    static final int SLOWED_RUNS = 3;
    /** Standard deviation of ln(virtual / futures) across A/A runs above which 17% is not reliably visible. */
    static final double MAX_NOISE = 0.035;

    @Test
    void twoRunsOfTheSameCodeRarelyAlarm(TestReporter reporter) {
        List<Path> baselines = JmhRuns.baselines(BASELINE_RUNS);
        int alarms = 0;
        int pairs = 0;
        for (Path a : baselines) {
            for (Path b : baselines) {
                if (a != b) {
                    pairs++;
                    alarms += gate(a, b);
                }
            }
        }
        String rate = String.format(Locale.ROOT, "A/A false alarms: %d of %d ordered pairs of %d runs; run-to-run noise %.3f",
                alarms, pairs, BASELINE_RUNS, noise(baselines));
        record(reporter, rate);
        assertTrue(alarms <= pairs / 4, rate);
    }

    @Test
    void plantedSlowdownIsCaught(TestReporter reporter) {
        List<Path> baselines = JmhRuns.baselines(BASELINE_RUNS);
        int caught = 0;
        int pairs = 0;
        for (Path a : baselines) {
            for (Path b : JmhRuns.slowed(SLOWED_RUNS)) {
                pairs++;
                caught += gate(a, b);
            }
        }
        double noise = noise(baselines);
        String rate = String.format(Locale.ROOT, "planted %d%% slowdown caught: %d of %d pairs (%d x %d runs); run-to-run noise %.3f",
                JmhRuns.SLOWDOWN_PERCENT, caught, pairs, BASELINE_RUNS, SLOWED_RUNS, noise);
        record(reporter, rate);
        assumeTrue(noise <= MAX_NOISE, "machine too noisy to expect detection: " + rate);
        assertTrue(caught >= pairs * 3 / 4, rate);
    }

    /** The standard deviation across runs of ln(virtual / futures), the ratio the gate checks. */
    private static double noise(List<Path> runs) {
        double[] logs = runs.stream().mapToDouble(GateRatesTest::logRatio).toArray();
        double mean = Arrays.stream(logs).average().orElse(0);
        double squares = Arrays.stream(logs).map(v -> (v - mean) * (v - mean)).sum();
        return Math.sqrt(squares / (logs.length - 1));
    }

    private static double logRatio(Path run) {
        try {
            Map<String, Double> scores = ResultReader.read(run).results().stream().collect(Collectors.toMap(
                    r -> r.params().get("model"), (BenchmarkResult r) -> r.primaryMetric().value()));
            return Math.log(scores.get("virtual") / scores.get("futures"));
        } catch (ResultFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int gate(Path base, Path now) {
        CommandOutput output = CommandOutput.of(GateCommand::run, "--baseline", base.toString(), now.toString());
        assertTrue(output.code() == 0 || output.code() == 1, output.toString());
        return output.code();
    }

    private static void record(TestReporter reporter, String rate) {
        System.out.println("gate rates: " + rate);
        reporter.publishEntry("gate rates", rate);
    }
}
