package dev.whyasync.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * Memory and threads of the client while its tasks are in flight: peak resident set size (sampled
 * every 50 ms from /proc/self/statm, into a buffer read again and again, so that the sampler
 * allocates nothing inside the CPU and allocation window), live heap after a full GC at the
 * iteration's end, peak platform-thread count, and the platform threads the model's runtime added
 * ({@code runtime.threads}). Virtual threads are not platform threads and do not appear in the
 * thread counts.
 *
 * <p>Per task in flight, when a task loop ran and its benchmark recorded the idle levels
 * ({@link #measureIdle}): {@code rss.bytes/task} is the RSS above the idle RSS, {@code heap.bytes/task}
 * the live heap above the idle live heap, and {@code mem.bytes/task} their sum, each divided by the
 * tasks <em>measured</em> in flight ({@link InFlightGauge}), not the nominal C. The IO and load
 * benchmarks run on a fixed, pre-touched heap, so the RSS does not grow with the heap and the two
 * parts do not overlap: RSS above idle is thread stacks and native memory, the heap part the tasks'
 * objects. Usable as {@code -prof dev.whyasync.bench.FootprintProfiler}.
 */
public final class FootprintProfiler implements InternalProfiler {
    private static final Path STATM = Path.of("/proc/self/statm");
    private static final long SAMPLE_MILLIS = 50;
    private static final long PAGE_BYTES = 4096;

    private static volatile Idle idle;
    private static volatile Settled endMark;

    /** Live heap after a full GC and live platform threads, at one moment. */
    private record Settled(long at, long liveHeap, int threads) {
        static Settled now() {
            int threads = ManagementFactory.getThreadMXBean().getThreadCount();
            System.gc();
            return new Settled(System.nanoTime(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), threads);
        }
    }

    /**
     * Settles the heap and counts threads at the end of the iteration's work, before the trial's
     * tear-down closes the model (see {@link ClientCpuProfiler#markIterationEnd}; call that first,
     * so that this full GC is outside the CPU window).
     */
    static void markIterationEnd() {
        endMark = Settled.now();
    }

    /** The client at rest before its tasks start: RSS, live heap and platform threads. */
    record Idle(long rss, long liveHeap, int threads) {
    }

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakRss = new AtomicLong();
    private volatile Thread sampler;
    private InFlightGauge gauge;
    private long startedAt;
    private InFlightGauge.Reading before;

    /**
     * Records the idle levels the per-task figures are measured from: call it when the model is
     * built and no task has started, after a full GC.
     */
    static Idle measureIdle(int threadsBeforeModel) {
        System.gc();
        Idle measured = new Idle(rssBytes(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), threadsBeforeModel);
        idle = measured;
        return measured;
    }

    @Override
    public String getDescription() {
        return "peak RSS, live heap, platform threads, memory per task measured in flight (whyasync)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        endMark = null;
        startedAt = System.nanoTime();
        threads.resetPeakThreadCount();
        peakRss.set(rssBytes());
        sampler = Thread.ofPlatform().daemon().name("whyasync-rss-sampler").start(() -> {
            RssReader reader = new RssReader();
            while (!Thread.currentThread().isInterrupted()) {
                peakRss.accumulateAndGet(reader.read(), Math::max);
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            reader.close();
        });
        gauge = InFlightGauge.current();
        before = gauge == null ? null : gauge.read();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        Thread s = sampler;
        s.interrupt();
        try {
            s.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double inFlight = gauge == null ? 0 : InFlightGauge.between(before, gauge.endOf(before), 0).mean();
        long rss = Math.max(peakRss.get(), rssBytes());
        int peakThreads = threads.getPeakThreadCount();
        Settled mark = endMark;
        Settled settled = mark != null && mark.at() > startedAt ? mark : Settled.now();
        int liveThreads = settled.threads();
        long liveHeap = settled.liveHeap();
        List<Result> results = new ArrayList<>();
        results.add(new ScalarResult("rss.bytes", rss, "bytes", AggregationPolicy.MAX));
        results.add(new ScalarResult("heap.bytes", liveHeap, "bytes", AggregationPolicy.AVG));
        results.add(new ScalarResult("threads.peak", peakThreads, "threads", AggregationPolicy.MAX));
        Idle rest = idle;
        if (rest != null) {
            results.add(new ScalarResult("runtime.threads", liveThreads - rest.threads(), "threads", AggregationPolicy.AVG));
            if (inFlight >= 1) {
                double rssPerTask = (rss - rest.rss()) / inFlight;
                double heapPerTask = (liveHeap - rest.liveHeap()) / inFlight;
                results.add(new ScalarResult("rss.bytes/task", rssPerTask, "bytes", AggregationPolicy.AVG));
                results.add(new ScalarResult("heap.bytes/task", heapPerTask, "bytes", AggregationPolicy.AVG));
                results.add(new ScalarResult("mem.bytes/task", rssPerTask + heapPerTask, "bytes", AggregationPolicy.AVG));
            }
        }
        return results;
    }

    /** Reads this process's RSS from /proc/self/statm into one buffer, again and again, allocating nothing. */
    private static final class RssReader {
        private final byte[] buffer = new byte[256];
        private RandomAccessFile file;

        long read() {
            try {
                if (file == null) {
                    file = new RandomAccessFile(STATM.toFile(), "r");
                }
                file.seek(0);
                int length = file.read(buffer);
                // statm: size resident shared ... in pages; the second field is the resident set
                int i = 0;
                while (i < length && buffer[i] != ' ') {
                    i++;
                }
                long pages = 0;
                for (i++; i < length && buffer[i] >= '0' && buffer[i] <= '9'; i++) {
                    pages = pages * 10 + (buffer[i] - '0');
                }
                return pages * PAGE_BYTES;
            } catch (IOException e) {
                return 0;
            }
        }

        void close() {
            try {
                if (file != null) {
                    file.close();
                }
            } catch (IOException e) {
                // a /proc file: nothing to flush
            }
        }
    }

    /** Resident set size of this process, or 0 where /proc is not there. */
    static long rssBytes() {
        RssReader reader = new RssReader();
        try {
            return reader.read();
        } finally {
            reader.close();
        }
    }
}
