package dev.whyasync.report.compare;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.results.BenchmarkKey;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.Direction;
import dev.whyasync.report.results.Metric;
import dev.whyasync.report.results.Run;
import dev.whyasync.report.results.ScoreUnit;
import dev.whyasync.report.stats.RatioEstimate;
import dev.whyasync.report.stats.Samples;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two runs matched benchmark by benchmark: same benchmark, mode and parameters. Scores are put in
 * the first run's unit when the second used another time unit ({@code -tu}), so a ratio never
 * mixes ms and us.
 */
public record RunComparison(Run before, Run after, double thresholdPercent, List<Change> changes,
                            List<BenchmarkKey> onlyBefore, List<BenchmarkKey> onlyAfter) {

    public static RunComparison of(Run before, Run after, double thresholdPercent, boolean secondary)
            throws MismatchedRunsException {
        Map<BenchmarkKey, BenchmarkResult> a = byKey(before);
        Map<BenchmarkKey, BenchmarkResult> b = byKey(after);
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<BenchmarkKey, BenchmarkResult> entry : a.entrySet()) {
            BenchmarkResult other = b.get(entry.getKey());
            if (other == null) {
                continue;
            }
            BenchmarkResult one = entry.getValue();
            Direction primary = Direction.ofPrimary(one.mode(), one.primaryMetric().scoreUnit());
            changes.add(change(entry.getKey(), Change.PRIMARY, primary, one.primaryMetric(), other.primaryMetric(), thresholdPercent));
            if (secondary) {
                for (Map.Entry<String, Metric> m : one.secondaryMetrics().entrySet()) {
                    Metric then = other.secondaryMetrics().get(m.getKey());
                    if (then != null) {
                        Direction d = SuiteLayout.secondaryDirection(m.getKey(), m.getValue().scoreUnit());
                        changes.add(change(entry.getKey(), m.getKey(), d, m.getValue(), then, thresholdPercent));
                    }
                }
            }
        }
        if (changes.isEmpty()) {
            throw new MismatchedRunsException("no benchmark in common: " + before.file() + " has " + describe(a)
                    + ", " + after.file() + " has " + describe(b));
        }
        List<BenchmarkKey> onlyBefore = a.keySet().stream().filter(k -> !b.containsKey(k)).toList();
        List<BenchmarkKey> onlyAfter = b.keySet().stream().filter(k -> !a.containsKey(k)).toList();
        return new RunComparison(before, after, thresholdPercent, changes, onlyBefore, onlyAfter);
    }

    /** Compares one metric; the second run's samples are rescaled to the first run's unit. */
    static Change change(BenchmarkKey key, String name, Direction direction, Metric before, Metric after, double threshold) {
        double scale = unitScale(after.scoreUnit(), before.scoreUnit());
        Samples a = Samples.of(before.value(), before.iterationSamples());
        Samples b = Samples.of(after.value() * scale, after.iterationSamples().stream().map(v -> v * scale).toList());
        RatioEstimate ratio = RatioEstimate.of(b, a);
        return new Change(key, name, before.scoreUnit(), direction, a, b, ratio, Outcome.of(ratio, direction, threshold));
    }

    /** The factor that turns a value in {@code from} into {@code to}; NaN when they do not convert. */
    static double unitScale(String from, String to) {
        if (from.equals(to)) {
            return 1;
        }
        double time = ScoreUnit.toNanos(1, from) / ScoreUnit.toNanos(1, to);
        if (Double.isFinite(time)) {
            return time;
        }
        return ScoreUnit.toOpsPerSecond(1, from) / ScoreUnit.toOpsPerSecond(1, to);
    }

    private static Map<BenchmarkKey, BenchmarkResult> byKey(Run run) {
        Map<BenchmarkKey, BenchmarkResult> map = new LinkedHashMap<>();
        run.results().forEach(r -> map.putIfAbsent(r.key(), r));
        return map;
    }

    private static String describe(Map<BenchmarkKey, BenchmarkResult> results) {
        return results.size() + " result" + (results.size() == 1 ? "" : "s")
                + results.keySet().stream().findFirst().map(k -> " (e.g. " + k.label() + ")").orElse("");
    }
}
