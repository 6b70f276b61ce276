package dev.whyasync.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time and heap allocation of the client process per operation, from a window that holds the
 * operations alone: {@code cpu.ns/op} (user + system time of every thread, from the OS, minus the
 * process's background CPU measured with the model idle: {@code cpu.background.cores}),
 * {@code cpu.cores} (the client's CPU over wall time) and {@code alloc.bytes/op} (bytes allocated by
 * every thread, including threads that ended during the iteration: the JVM's total counter, the one
 * {@code -prof gc} also reads on JDK 21+).
 *
 * <p>JMH starts profilers in the order they are given and stops them in reverse, so this profiler
 * must come <em>last</em> to be the innermost window: then no other profiler's work (a full GC for
 * the live heap, a histogram, a /proc read) falls inside it. The suite's profiles put it last.
 *
 * <p>When the benchmark started the fixture in its own JVM, that process's CPU over the same window
 * is {@code fixture.cpu.cores}, and {@code cpu.saturated} is 1 when client and fixture together use
 * {@value #SATURATED} or more of the machine's cores: the figures then rank CPU efficiency, not
 * concurrency. Usable as {@code -prof dev.whyasync.bench.ClientCpuProfiler}.
 */
public final class ClientCpuProfiler implements InternalProfiler {
    static final double SATURATED = 0.9;
    private static final Duration SETTLE_STEP = Duration.ofMillis(250);
    private static final int SETTLE_STEPS = 8;

    private static volatile double backgroundCores;
    private static volatile ProcessHandle fixture;

    private final OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private long cpuBefore;
    private long allocatedBefore;
    private long wallBefore;
    private long fixtureCpuBefore;

    /**
     * Measures this process's CPU while nothing runs in it but the JVM and an idle model, and keeps
     * it to subtract from every window. The JIT and the start-up's GC settle first: the figure is
     * taken when two windows of {@code SETTLE_STEP} agree within 20% (or after eight), so that
     * compiling the set-up code is not taken for background.
     *
     * @return the background, in cores
     */
    static double measureBackground() throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double previous = Double.NaN;
        double cores = 0;
        for (int step = 0; step < SETTLE_STEPS; step++) {
            long cpu = os.getProcessCpuTime();
            long wall = System.nanoTime();
            Thread.sleep(SETTLE_STEP);
            cores = (double) (os.getProcessCpuTime() - cpu) / (System.nanoTime() - wall);
            if (Math.abs(cores - previous) <= 0.2 * Math.max(previous, 1e-3)) {
                break;
            }
            previous = cores;
        }
        backgroundCores = cores;
        return cores;
    }

    /** The fixture process of this trial, whose CPU is recorded beside the client's. */
    static void watchFixture(ProcessHandle process) {
        fixture = process;
    }

    @Override
    public String getDescription() {
        return "client CPU ns and allocated bytes per operation, background subtracted; fixture CPU (whyasync)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        fixtureCpuBefore = fixtureCpuNanos();
        allocatedBefore = threads.getTotalThreadAllocatedBytes();
        cpuBefore = os.getProcessCpuTime();
        wallBefore = System.nanoTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long wall = System.nanoTime() - wallBefore;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        long allocated = threads.getTotalThreadAllocatedBytes() - allocatedBefore;
        long fixtureCpu = fixtureCpuNanos() - fixtureCpuBefore;
        long ops = result.getMetadata().getAllOps();
        List<Result> results = new ArrayList<>();
        if (ops <= 0 || wall <= 0) {
            return results;
        }
        double background = backgroundCores;
        double clientCores = (double) cpu / wall;
        double workCpu = Math.max(0, cpu - background * wall);
        results.add(new ScalarResult("cpu.ns/op", workCpu / ops, "ns/op", AggregationPolicy.AVG));
        results.add(new ScalarResult("cpu.cores", clientCores, "cores", AggregationPolicy.AVG));
        results.add(new ScalarResult("cpu.background.cores", background, "cores", AggregationPolicy.AVG));
        results.add(new ScalarResult("alloc.bytes/op", allocated < 0 ? Double.NaN : (double) allocated / ops, "B/op",
                AggregationPolicy.AVG));
        if (fixture != null) {
            double fixtureCores = (double) fixtureCpu / wall;
            boolean saturated = clientCores + fixtureCores >= SATURATED * Runtime.getRuntime().availableProcessors();
            results.add(new ScalarResult("fixture.cpu.cores", fixtureCores, "cores", AggregationPolicy.AVG));
            results.add(new ScalarResult("cpu.saturated", saturated ? 1 : 0, "saturated", AggregationPolicy.MAX));
        }
        return results;
    }

    private static long fixtureCpuNanos() {
        ProcessHandle process = fixture;
        if (process == null) {
            return 0;
        }
        Optional<Duration> cpu = process.info().totalCpuDuration();
        return cpu.map(Duration::toNanos).orElse(0L);
    }
}
