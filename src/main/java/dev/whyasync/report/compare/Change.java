package dev.whyasync.report.compare;

import dev.whyasync.report.results.BenchmarkKey;
import dev.whyasync.report.results.Direction;
import dev.whyasync.report.stats.RatioEstimate;
import dev.whyasync.report.stats.Samples;

/**
 * One metric of one benchmark and parameter set, before and after: both scores (in the first
 * run's unit), their samples, the ratio after/before with its interval, and what it amounts to.
 */
public record Change(BenchmarkKey key, String metric, String unit, Direction direction,
                     Samples before, Samples after, RatioEstimate ratio, Outcome outcome) {

    public static final String PRIMARY = "score";
}
