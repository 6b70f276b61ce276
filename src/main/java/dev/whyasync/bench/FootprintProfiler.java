package dev.whyasync.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
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
 * every 50 ms from /proc/self/status), live heap after a full GC at the iteration's end, peak
 * platform-thread count, and RSS per task in flight when the benchmark has a {@code concurrency}
 * parameter. Virtual threads are not platform threads and do not appear in the thread count.
 * Usable as {@code -prof dev.whyasync.bench.FootprintProfiler}.
 */
public final class FootprintProfiler implements InternalProfiler {
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final long SAMPLE_MILLIS = 50;

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final AtomicLong peakRss = new AtomicLong();
    private volatile Thread sampler;

    @Override
    public String getDescription() {
        return "peak RSS, live heap, peak platform threads, RSS per task in flight (whyasync)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        threads.resetPeakThreadCount();
        peakRss.set(rssBytes());
        sampler = Thread.ofPlatform().daemon().name("whyasync-rss-sampler").start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakRss.accumulateAndGet(rssBytes(), Math::max);
                try {
                    Thread.sleep(SAMPLE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
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
        long rss = Math.max(peakRss.get(), rssBytes());
        int peakThreads = threads.getPeakThreadCount();
        System.gc();
        long liveHeap = memory.getHeapMemoryUsage().getUsed();
        List<Result> results = new ArrayList<>();
        results.add(new ScalarResult("rss.bytes", rss, "bytes", AggregationPolicy.MAX));
        results.add(new ScalarResult("heap.bytes", liveHeap, "bytes", AggregationPolicy.AVG));
        results.add(new ScalarResult("threads.peak", peakThreads, "threads", AggregationPolicy.MAX));
        String concurrency = benchmarkParams.getParam("concurrency");
        if (concurrency != null) {
            results.add(new ScalarResult("rss.bytes/task", (double) rss / Integer.parseInt(concurrency), "bytes",
                    AggregationPolicy.MAX));
        }
        return results;
    }

    /** Resident set size of this process, or 0 where /proc is not there. */
    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
