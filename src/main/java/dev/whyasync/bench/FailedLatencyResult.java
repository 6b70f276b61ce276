package dev.whyasync.bench;

import java.io.Serial;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.Aggregator;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.ScalarDerivativeResult;

/**
 * The tasks that failed, as the JMH secondary metric {@code latency.failed.count}, and the p99 of
 * their latency as {@code latency.failed.p99} when there were any. Failures are kept out of
 * {@link LatencyResult} because a failure is often fast (a refused connection) and would pull the
 * percentiles of the work down. The score is a count, not a latency, so that the metric is there,
 * as 0, in every run that recorded a task; like {@link LatencyResult}, iterations and forks are
 * merged sample by sample.
 */
public final class FailedLatencyResult extends Result<FailedLatencyResult> {
    @Serial
    private static final long serialVersionUID = 1L;

    public static final String COUNT = "latency.failed.count";
    public static final String P99 = "latency.failed.p99";

    private final LatencyHistogram failures;

    public FailedLatencyResult(LatencyHistogram failures) {
        super(ResultRole.SECONDARY, COUNT, of(failures.getN()), LatencyResult.TASKS, AggregationPolicy.SUM);
        this.failures = failures;
    }

    LatencyHistogram histogram() {
        return failures;
    }

    @Override
    protected Aggregator<FailedLatencyResult> getThreadAggregator() {
        return FailedLatencyResult::merge;
    }

    @Override
    protected Aggregator<FailedLatencyResult> getIterationAggregator() {
        return FailedLatencyResult::merge;
    }

    private static FailedLatencyResult merge(Collection<FailedLatencyResult> results) {
        if (results.size() == 1) {
            return results.iterator().next();
        }
        return new FailedLatencyResult(LatencyHistogram.merge(results.stream().map(r -> r.failures).toList()));
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH declares derivatives with the raw Result
    protected Collection<? extends Result> getDerivativeResults() {
        if (failures.getN() == 0) {
            return List.of();
        }
        return List.of(new ScalarDerivativeResult(P99, failures.getPercentile(99), LatencyResult.MILLIS,
                AggregationPolicy.AVG));
    }
}
