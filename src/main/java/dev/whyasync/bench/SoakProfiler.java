package dev.whyasync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * The leak check of a soak: during each measurement iteration it samples the client's platform
 * threads, open file descriptors and resident set size every period, and its live heap (used heap
 * right after a full GC) every {@code heapEvery} periods, then reports per resource the growth from
 * the first to the last fifth of the iteration, the growth allowed as noise ({@link SoakTrend}), and
 * {@code soak.leaks}, how many resources grew beyond it. Warm-up iterations are not sampled: the
 * soak measures a warmed-up client. The full GCs for the heap samples cost the benchmark some
 * throughput; a soak's tasks/s is therefore not the IO benchmark's figure. Virtual threads are
 * not platform threads: a leak of them shows in the heap, not in the thread count.
 *
 * <p>Usable as {@code -prof dev.whyasync.bench.SoakProfiler} or
 * {@code -prof "dev.whyasync.bench.SoakProfiler:period=1000;heapEvery=10"} (milliseconds, samples).
 */
public final class SoakProfiler implements InternalProfiler {
    private static final Path FDS = Path.of("/proc/self/fd");
    private static final long DEFAULT_PERIOD_MILLIS = 1000;
    private static final int DEFAULT_HEAP_EVERY = 10;
    private static final double MIB = 1024 * 1024;
    /** What each resource may grow by over a soak without counting as a leak, besides its noise. */
    private static final SoakTrend.Floor THREAD_FLOOR = new SoakTrend.Floor(2, 0.01);
    private static final SoakTrend.Floor FD_FLOOR = new SoakTrend.Floor(4, 0.01);
    private static final SoakTrend.Floor RSS_FLOOR = new SoakTrend.Floor(16 * MIB, 0.05);
    private static final SoakTrend.Floor HEAP_FLOOR = new SoakTrend.Floor(16 * MIB, 0.10);

    private final long periodMillis;
    private final int heapEvery;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private volatile Thread sampler;
    private volatile Series series;

    /** The samples of one iteration, written by the sampler thread only. */
    private static final class Series {
        final List<Double> threads = new ArrayList<>();
        final List<Double> fds = new ArrayList<>();
        final List<Double> rss = new ArrayList<>();
        final List<Double> heap = new ArrayList<>();
    }

    public SoakProfiler() {
        this.periodMillis = DEFAULT_PERIOD_MILLIS;
        this.heapEvery = DEFAULT_HEAP_EVERY;
    }

    /** JMH's constructor for {@code -prof SoakProfiler:period=<ms>;heapEvery=<samples>}. */
    public SoakProfiler(String options) throws ProfilerException {
        Map<String, String> given = options.isBlank() ? Map.of() : Stream.of(options.split(";"))
                .map(String::trim).map(option -> option.split("=", 2))
                .collect(Collectors.toMap(kv -> kv[0], kv -> kv.length > 1 ? kv[1] : ""));
        for (String name : given.keySet()) {
            if (!name.equals("period") && !name.equals("heapEvery")) {
                throw new ProfilerException("SoakProfiler has no option '" + name + "'; it takes period=<ms>;heapEvery=<samples>");
            }
        }
        this.periodMillis = positive(given, "period", DEFAULT_PERIOD_MILLIS);
        this.heapEvery = (int) positive(given, "heapEvery", DEFAULT_HEAP_EVERY);
    }

    @Override
    public String getDescription() {
        return "soak: growth of threads, open files, RSS and live heap during each measurement iteration (whyasync)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (iterationParams.getType() != IterationType.MEASUREMENT) {
            return;
        }
        Series samples = new Series();
        series = samples;
        sampler = Thread.ofPlatform().daemon().name("whyasync-soak-sampler").start(() -> sample(samples));
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        Thread running = sampler;
        if (running == null) {
            return List.of();
        }
        sampler = null;
        running.interrupt();
        try {
            running.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Series samples = series;
        List<SoakTrend> trends = new ArrayList<>();
        trends.add(SoakTrend.of("threads", "threads", array(samples.threads), THREAD_FLOOR));
        trends.add(SoakTrend.of("fds", "files", array(samples.fds), FD_FLOOR));
        trends.add(SoakTrend.of("rss", "bytes", array(samples.rss), RSS_FLOOR));
        if (!samples.heap.isEmpty()) {
            trends.add(SoakTrend.of("heap", "bytes", array(samples.heap), HEAP_FLOOR));
        }
        List<Result> results = new ArrayList<>();
        for (SoakTrend trend : trends) {
            String prefix = "soak." + trend.resource();
            results.add(new ScalarResult(prefix + ".start", trend.start(), trend.unit(), AggregationPolicy.AVG));
            results.add(new ScalarResult(prefix + ".growth", trend.growth(), trend.unit(), AggregationPolicy.MAX));
            results.add(new ScalarResult(prefix + ".allowed", trend.allowed(), trend.unit(), AggregationPolicy.MIN));
        }
        results.add(new ScalarResult("soak.leaks", trends.stream().filter(SoakTrend::grew).count(), "resources",
                AggregationPolicy.MAX));
        results.add(new ScalarResult("soak.samples", samples.rss.size(), "samples", AggregationPolicy.MIN));
        return results;
    }

    private void sample(Series samples) {
        for (long n = 0; !Thread.currentThread().isInterrupted(); n++) {
            samples.threads.add((double) threads.getThreadCount());
            samples.fds.add((double) openFiles());
            samples.rss.add((double) FootprintProfiler.rssBytes());
            if (n % heapEvery == heapEvery - 1) {
                System.gc();
                samples.heap.add((double) memory.getHeapMemoryUsage().getUsed());
            }
            try {
                Thread.sleep(periodMillis);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Open file descriptors of this process (the listing's own descriptor included, the same in every sample). */
    private static long openFiles() {
        try (Stream<Path> fds = Files.list(FDS)) {
            return fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + FDS + ": the soak needs Linux's /proc", e);
        }
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static long positive(Map<String, String> options, String name, long fallback) throws ProfilerException {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ProfilerException("SoakProfiler option " + name + " must be a positive whole number, was '" + value + "'");
    }
}
