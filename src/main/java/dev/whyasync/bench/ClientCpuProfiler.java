package dev.whyasync.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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
    private static final int SETTLE_STEPS = 6;
    /** Long enough for the process CPU clock, which moves in 10 ms ticks here, to resolve 1% of a core. */
    private static final Duration BACKGROUND_WINDOW = Duration.ofSeconds(1);

    private static volatile double backgroundCores;
    private static volatile ProcessHandle fixture;
    private static volatile Counters endMark;

    /** The counters the window is read from, at one moment. */
    private record Counters(long wall, long cpu, long allocated, long fixtureCpu) {
        static Counters now() {
            long fixtureCpu = fixtureCpuNanos();
            long allocated = THREADS.getTotalThreadAllocatedBytes();
            return new Counters(System.nanoTime(), OS.getProcessCpuTime(), allocated, fixtureCpu);
        }
    }

    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Counters before;

    /**
     * Measures this process's CPU while nothing runs in it but the JVM and an idle model, and keeps
     * it to subtract from every window. The JIT and the start-up's GC settle first (until two
     * windows of {@code SETTLE_STEP} agree within a clock tick or 20%, at most six), so that
     * compiling the set-up code is not taken for background; then one second is measured.
     *
     * @return the background, in cores
     */
    static double measureBackground() throws InterruptedException {
        long tick = TimeUnit.MILLISECONDS.toNanos(10);
        long previous = Long.MIN_VALUE;
        for (int step = 0; step < SETTLE_STEPS; step++) {
            long cpu = OS.getProcessCpuTime();
            Thread.sleep(SETTLE_STEP);
            long used = OS.getProcessCpuTime() - cpu;
            if (Math.abs(used - previous) <= Math.max(tick, previous / 5)) {
                break;
            }
            previous = used;
        }
        long cpu = OS.getProcessCpuTime();
        long wall = System.nanoTime();
        Thread.sleep(BACKGROUND_WINDOW);
        double cores = (double) (OS.getProcessCpuTime() - cpu) / (System.nanoTime() - wall);
        backgroundCores = cores;
        return cores;
    }

    /**
     * Ends this iteration's window now: the benchmark calls it in its iteration tear-down, so that
     * the last iteration's window does not hold the trial's tear-down (closing the model and the
     * fixture), which JMH runs before it stops the profilers.
     */
    static void markIterationEnd() {
        endMark = Counters.now();
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
        endMark = null;
        before = Counters.now();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        Counters mark = endMark;
        Counters end = mark != null && mark.wall() > before.wall() ? mark : Counters.now();
        long wall = end.wall() - before.wall();
        long cpu = end.cpu() - before.cpu();
        long allocated = end.allocated() - before.allocated();
        long fixtureCpu = end.fixtureCpu() - before.fixtureCpu();
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
        if (before.fixtureCpu() >= 0 && end.fixtureCpu() >= 0) {
            double fixtureCores = (double) fixtureCpu / wall;
            boolean saturated = clientCores + fixtureCores >= SATURATED * Runtime.getRuntime().availableProcessors();
            results.add(new ScalarResult("fixture.cpu.cores", fixtureCores, "cores", AggregationPolicy.AVG));
            results.add(new ScalarResult("cpu.saturated", saturated ? 1 : 0, "saturated", AggregationPolicy.MAX));
        }
        return results;
    }

    /** The watched fixture's CPU so far, or -1 when there is none or it has gone. */
    private static long fixtureCpuNanos() {
        ProcessHandle process = fixture;
        if (process == null) {
            return -1;
        }
        Optional<Duration> cpu = process.info().totalCpuDuration();
        return cpu.map(Duration::toNanos).orElse(-1L);
    }
}
