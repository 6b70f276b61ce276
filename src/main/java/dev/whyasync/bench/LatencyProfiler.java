package dev.whyasync.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Per-task latency percentiles (p50, p90, p99, p99.9, in ms) as JMH secondary metrics, from what the
 * benchmark recorded in {@link TaskLatencies} during the iteration. JMH's own sample mode would time
 * the benchmark method, which in a throughput run with C tasks in flight is not a task's latency.
 * Usable from the plain JMH command line: {@code -prof dev.whyasync.bench.LatencyProfiler}.
 */
public final class LatencyProfiler implements InternalProfiler {
    private static final double[][] PERCENTILES = {{50, 0}, {90, 0}, {99, 0}, {99.9, 0}};
    private static final String[] NAMES = {"latency.p50", "latency.p90", "latency.p99", "latency.p999"};

    @Override
    public String getDescription() {
        return "per-task latency percentiles (whyasync benchmarks)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        TaskLatencies.takeInterval();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        Histogram interval = TaskLatencies.takeInterval();
        List<Result> results = new ArrayList<>();
        if (interval.getTotalCount() == 0) {
            return results;
        }
        for (int i = 0; i < NAMES.length; i++) {
            double millis = interval.getValueAtPercentile(PERCENTILES[i][0]) / 1e6;
            results.add(new ScalarResult(NAMES[i], millis, "ms", AggregationPolicy.AVG));
        }
        return results;
    }
}
