package dev.whyasync.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A small real workload for the profiler tests: it burns CPU, allocates a known amount per
 * operation and records a task latency, so each profiler has something to report. Latencies are
 * spread over 1 to 4.2 ms so that their percentiles differ, every 16th task is recorded as a
 * failure, and each iteration reports how many of each it recorded, for the test to compare with
 * what the latency profiler counted.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProfiledWork {
    static final String SUCCESSES = "test.successes";
    static final String FAILURES = "test.failures";

    /** Named like the IO benchmark's: a nominal concurrency that no profiler may divide by, since no task loop measured what was in flight. */
    @Param({"16"})
    public int concurrency;

    private long successes;
    private long failures;

    @Setup(Level.Iteration)
    public void startCounting() {
        successes = 0;
        failures = 0;
    }

    @Benchmark
    public byte[] work() {
        long start = System.nanoTime();
        byte[] block = new byte[4096];
        for (int i = 0; i < block.length; i += 64) {
            block[i] = (byte) (i * 31);
        }
        long task = successes + failures;
        long nanos = System.nanoTime() - start + 1_000_000 + (task % 64) * 50_000;
        if (task % 16 == 15) {
            TaskLatencies.recordFailure(nanos);
            failures++;
        } else {
            TaskLatencies.recordSuccess(nanos);
            successes++;
        }
        return block;
    }

    @TearDown(Level.Iteration)
    public void reportCounts() {
        ReportedMetricsProfiler.report(SUCCESSES, successes, "tasks");
        ReportedMetricsProfiler.report(FAILURES, failures, "tasks");
    }
}
