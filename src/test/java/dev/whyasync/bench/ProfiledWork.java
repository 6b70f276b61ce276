package dev.whyasync.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A small real workload for the profiler tests: it burns CPU, allocates a known amount per
 * operation and records a task latency, so each profiler has something to report.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ProfiledWork {
    /** Read by the footprint profiler to report RSS per task in flight. */
    @Param({"16"})
    public int concurrency;

    @Benchmark
    public byte[] work() {
        long start = System.nanoTime();
        byte[] block = new byte[4096];
        for (int i = 0; i < block.length; i += 64) {
            block[i] = (byte) (i * 31);
        }
        TaskLatencies.record(System.nanoTime() - start + 1_000_000);
        return block;
    }
}
