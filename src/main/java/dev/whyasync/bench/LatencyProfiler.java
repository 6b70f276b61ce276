package dev.whyasync.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.runner.IterationType;

/**
 * Per-task latency as JMH secondary metrics, from what the benchmark recorded in
 * {@link TaskLatencies} during each iteration: {@link LatencyResult} for the tasks that succeeded,
 * {@link FailedLatencyResult} for those that failed. JMH's own sample mode would time the
 * benchmark method, which in a throughput run with C tasks in flight is not a task's latency.
 * Usable from the plain JMH command line: {@code -prof dev.whyasync.bench.LatencyProfiler};
 * {@code -Dwhyasync.hlog=path} also appends the interval histograms to an HdrHistogram log
 * ({@link LatencyLog}).
 */
public final class LatencyProfiler implements InternalProfiler {
    private LatencyLog log;

    public LatencyProfiler() throws ProfilerException {
        Path file = LatencyLog.configuredFile();
        Path dir = file == null ? null : file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new ProfilerException("-D" + LatencyLog.PROPERTY + "=" + file + ": directory " + dir
                    + " does not exist; create it or name a file in an existing directory");
        }
    }

    @Override
    public String getDescription() {
        return "per-task latency percentiles, merged over iterations and forks (whyasync benchmarks)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        TaskLatencies.discardInterval();
    }

    @Override
    @SuppressWarnings("rawtypes") // JMH declares the profiler interface with the raw Result
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        if (log == null) {
            log = LatencyLog.named(benchmarkParams);
        }
        boolean measured = iterationParams.getType() == IterationType.MEASUREMENT;
        TaskLatencies.Interval interval = TaskLatencies.takeInterval(measured ? log : LatencyLog.NONE);
        List<Result> results = new ArrayList<>();
        if (interval.count() == 0) {
            return results;
        }
        if (interval.successes().getN() > 0) {
            results.add(new LatencyResult(interval.successes()));
        }
        results.add(new FailedLatencyResult(interval.failures()));
        return results;
    }
}
