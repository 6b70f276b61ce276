package dev.whyasync.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Collection;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time and heap allocation of the whole client process per operation: {@code cpu.ns/op} (user +
 * system time of every thread, from the OS), {@code cpu.cores} (the same over wall time) and
 * {@code alloc.bytes/op} (bytes allocated by every thread, including threads that ended during the
 * iteration: the JVM's total counter, the one {@code -prof gc} also reads on JDK 21+, here in the same
 * profiler as the CPU figure so that one attachment gives both). The fixture runs in its own process,
 * so neither figure includes the server. Usable as {@code -prof dev.whyasync.bench.ClientCpuProfiler}.
 */
public final class ClientCpuProfiler implements InternalProfiler {
    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private long cpuBefore;
    private long allocatedBefore;
    private long wallBefore;

    @Override
    public String getDescription() {
        return "client process CPU ns and allocated bytes per operation (whyasync)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        allocatedBefore = threads.getTotalThreadAllocatedBytes();
        cpuBefore = os.getProcessCpuTime();
        wallBefore = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0) {
            return List.of();
        }
        return List.of(
                new ScalarResult("cpu.ns/op", (double) cpu / ops, "ns/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.cores", (double) cpu / Math.max(1, wall), "cores", AggregationPolicy.AVG),
                new ScalarResult("alloc.bytes/op", allocated < 0 ? Double.NaN : (double) allocated / ops, "B/op",
                        AggregationPolicy.AVG));
    }
}
