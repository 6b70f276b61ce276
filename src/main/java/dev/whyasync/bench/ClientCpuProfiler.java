package dev.whyasync.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * is {@code fixture.cpu.cores}, the whole machine's busy CPU is {@code machine.cpu.cores}, and
 * {@code cpu.saturated} is 1 when client and fixture together, or the machine as a whole, use
 * {@value #SATURATED} or more of the cores: the figures then rank CPU efficiency, not concurrency. Usable as {@code -prof dev.whyasync.bench.ClientCpuProfiler}.
 */
public final class ClientCpuProfiler implements InternalProfiler {
    static final double SATURATED = 0.9;
    private static final Path PROC_STAT = Path.of("/proc/stat");
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final Duration SETTLE_STEP = Duration.ofMillis(250);
    private static final int SETTLE_STEPS = 6;
    /** Long enough for the process CPU clock, which moves in 10 ms ticks here, to resolve 1% of a core. */
    private static final Duration BACKGROUND_WINDOW = Duration.ofSeconds(1);

    private static volatile double backgroundCores;
    private static volatile ProcessHandle fixture;
    private static volatile Counters endMark;

    /**
     * The counters the window is read from, at one moment. The client's own CPU and allocation are
     * read innermost: last when a window opens, first when it closes, so that reading the other
     * processes' figures (which allocates) falls outside it.
     */
    private record Counters(long wall, long cpu, long allocated, long fixtureCpu, long machineBusy) {
        static Counters opening() {
            long fixtureCpu = fixtureCpuNanos();
            long machineBusy = machineBusyNanos();
            long allocated = THREADS.getTotalThreadAllocatedBytes();
            return new Counters(System.nanoTime(), OS.getProcessCpuTime(), allocated, fixtureCpu, machineBusy);
        }

        static Counters closing() {
            long cpu = OS.getProcessCpuTime();
            long wall = System.nanoTime();
            long allocated = THREADS.getTotalThreadAllocatedBytes();
            return new Counters(wall, cpu, allocated, fixtureCpuNanos(), machineBusyNanos());
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
        long previous = Long.MIN_VALUE;
        for (int step = 0; step < SETTLE_STEPS; step++) {
            long cpu = OS.getProcessCpuTime();
            Thread.sleep(SETTLE_STEP);
            long used = OS.getProcessCpuTime() - cpu;
            if (Math.abs(used - previous) <= Math.max(TICK_NANOS, previous / 5)) {
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
        endMark = Counters.closing();
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
        before = Counters.opening();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        Counters mark = endMark;
        Counters end = mark != null && mark.wall() > before.wall() ? mark : Counters.closing();
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
        double machineCores = before.machineBusy() >= 0 && end.machineBusy() >= 0
                ? (double) (end.machineBusy() - before.machineBusy()) / wall : 0;
        if (machineCores > 0) {
            results.add(new ScalarResult("machine.cpu.cores", machineCores, "cores", AggregationPolicy.AVG));
        }
        if (before.fixtureCpu() >= 0 && end.fixtureCpu() >= 0) {
            double fixtureCores = (double) fixtureCpu / wall;
            results.add(new ScalarResult("fixture.cpu.cores", fixtureCores, "cores", AggregationPolicy.AVG));
            results.add(new ScalarResult("cpu.saturated", saturated(clientCores + fixtureCores, machineCores) ? 1 : 0,
                    "saturated", AggregationPolicy.MAX));
        }
        return results;
    }

    /**
     * Whether the cores were (nearly) all busy: client and fixture together, or the machine as a
     * whole. The second matters where other processes run beside the benchmark: they take cores
     * the client and fixture then go without, and client + fixture alone would read as headroom.
     */
    static boolean saturated(double clientAndFixtureCores, double machineCores) {
        return Math.max(clientAndFixtureCores, machineCores) >= SATURATED * Runtime.getRuntime().availableProcessors();
    }

    /**
     * Busy CPU time of the whole machine so far (every field of /proc/stat's first line but idle and
     * iowait, in USER_HZ ticks of 10 ms), or -1 where /proc/stat is not there.
     */
    static long machineBusyNanos() {
        try (BufferedReader reader = Files.newBufferedReader(PROC_STAT)) {
            return busyNanos(reader.readLine());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The busy time in the "cpu ..." line of /proc/stat, or -1 when the line is not one. */
    static long busyNanos(String cpuLine) {
        if (cpuLine == null || !cpuLine.startsWith("cpu ")) {
            return -1;
        }
        String[] fields = cpuLine.trim().split("\\s+");
        long busy = 0;
        // user nice system idle iowait irq softirq steal (guest time is inside user and nice already)
        for (int i = 1; i < Math.min(fields.length, 9); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(fields[i]);
            }
        }
        return busy * TICK_NANOS;
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
