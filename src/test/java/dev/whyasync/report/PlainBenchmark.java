package dev.whyasync.report;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * A benchmark with no parameters and an allocation per call, so that the reporter meets the shape
 * of a foreign JMH project: no {@code params} object, and {@code -prof gc} secondary metrics.
 */
@State(Scope.Thread)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PlainBenchmark {

    private int counter;

    @Benchmark
    public long[] allocate() {
        long[] cells = new long[8];
        cells[counter++ & 7] = counter;
        return cells;
    }
}
