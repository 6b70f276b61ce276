package dev.whyasync.bench;

import java.util.ArrayList;
import java.util.List;
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
 * A workload for the soak profiler's test: every operation waits 20 ms, and with {@code leak=true}
 * also leaves behind a parked thread and 256 KiB of reachable heap, the two kinds of leak a soak
 * must catch; with {@code leak=false} it holds nothing.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LeakingWork {
    @Param({"false", "true"})
    public boolean leak;

    private final List<byte[]> kept = new ArrayList<>();

    @Benchmark
    public int operation() {
        LockSupport.parkNanos(20_000_000);
        if (leak) {
            Thread.ofPlatform().daemon().start(() -> LockSupport.parkNanos(Long.MAX_VALUE));
            kept.add(new byte[256 * 1024]);
        }
        return kept.size();
    }
}
