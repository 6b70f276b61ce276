package dev.whyasync.bench;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.Aggregator;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.ScalarDerivativeResult;

/**
 * The latency of the tasks that succeeded, as the JMH secondary metric {@code latency} (ms): its
 * score is the mean and its statistics the whole distribution, so JMH's JSON gives it real
 * {@code scorePercentiles}. The surprising fact: JMH would average a plain scalar's per-iteration
 * p99s; this result's aggregator merges the histograms instead, and the percentiles ({@link #P50}
 * ... {@link #P999}) and {@link #COUNT} are JMH "derivatives", computed afresh from the result
 * they are read from: one iteration's histogram for that iteration's {@code rawData}, the merge of
 * every iteration of every fork for the score. p99.9 needs {@link #P999_MIN_SAMPLES} samples in
 * the histogram it is read from and is left out below that, so an iteration with fewer has no
 * entry in its {@code rawData}.
 */
public final class LatencyResult extends Result<LatencyResult> {
    @Serial
    private static final long serialVersionUID = 1L;

    public static final String LABEL = "latency";
    public static final String P50 = "latency.p50";
    public static final String P90 = "latency.p90";
    public static final String P99 = "latency.p99";
    public static final String P999 = "latency.p999";
    public static final String COUNT = "latency.count";
    /** Ten samples above the 99.9th percentile: fewer and p99.9 is the maximum under another name. */
    public static final long P999_MIN_SAMPLES = 10_000;
    static final String MILLIS = "ms";
    static final String TASKS = "tasks";

    public LatencyResult(LatencyHistogram successes) {
        super(ResultRole.SECONDARY, LABEL, successes, MILLIS, AggregationPolicy.AVG);
    }

    LatencyHistogram histogram() {
        return (LatencyHistogram) statistics;
    }

    @Override
    protected Aggregator<LatencyResult> getThreadAggregator() {
        return LatencyResult::merge;
    }

    @Override
    protected Aggregator<LatencyResult> getIterationAggregator() {
        return LatencyResult::merge;
    }

    private static LatencyResult merge(Collection<LatencyResult> results) {
        if (results.size() == 1) {
            return results.iterator().next();
        }
        return new LatencyResult(LatencyHistogram.merge(results.stream().map(LatencyResult::histogram).toList()));
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH declares derivatives with the raw Result
    protected Collection<? extends Result> getDerivativeResults() {
        List<Result> derived = new ArrayList<>();
        derived.add(percentile(P50, 50));
        derived.add(percentile(P90, 90));
        derived.add(percentile(P99, 99));
        if (statistics.getN() >= P999_MIN_SAMPLES) {
            derived.add(percentile(P999, 99.9));
        }
        derived.add(new ScalarDerivativeResult(COUNT, statistics.getN(), TASKS, AggregationPolicy.SUM));
        return derived;
    }

    private ScalarDerivativeResult percentile(String label, double rank) {
        return new ScalarDerivativeResult(label, statistics.getPercentile(rank), MILLIS, AggregationPolicy.AVG);
    }

    /** The text output's distribution block (N, mean, histogram, percentiles), as JMH's sample mode prints it. */
    @Override
    public String extendedInfo() {
        return distributionExtendedInfo();
    }
}
