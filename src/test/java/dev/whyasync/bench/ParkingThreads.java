package dev.whyasync.bench;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A small real workload for the JFR profiler test: each operation starts a platform thread that
 * parks for {@value #PARK_MS} ms, above the profiler's 1 ms threshold, and joins it, so each
 * iteration has thread starts and parks to count, about one of each per operation.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParkingThreads {
    static final long PARK_MS = 3;

    /** A parameter, so that the kept recording's name carries one. */
    @Param({"platform"})
    public String model;

    @Benchmark
    public void startParkJoin() throws InterruptedException {
        Thread thread = Thread.ofPlatform().start(() -> LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PARK_MS)));
        thread.join();
    }
}
