package dev.whyasync.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Numbers a benchmark measures itself, in its tear-down, and reports with {@link #report}; this
 * profiler hands them to JMH at the end of each iteration as secondary metrics, averaged over the
 * iterations. It exists because JMH drops {@code @AuxCounters} in single-shot mode, the mode of the
 * idle-tasks and inertness benchmarks, and sums them over iterations in the others. Usable as
 * {@code -prof dev.whyasync.bench.ReportedMetricsProfiler}; without it the numbers are not recorded.
 */
public final class ReportedMetricsProfiler implements InternalProfiler {
    private static final Map<String, ScalarResult> REPORTED = new ConcurrentHashMap<>();

    /** Records one metric of the current iteration; a second report of the same name replaces the first. */
    static void report(String name, double value, String unit) {
        REPORTED.put(name, new ScalarResult(name, value, unit, AggregationPolicy.AVG));
    }

    @Override
    public String getDescription() {
        return "metrics the benchmark measures itself: idle tasks held and their memory, requests before await (whyasync)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        REPORTED.clear();
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH declares the profiler interface with the raw Result
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        List<ScalarResult> results = new ArrayList<>(REPORTED.values());
        REPORTED.clear();
        return results;
    }
}
