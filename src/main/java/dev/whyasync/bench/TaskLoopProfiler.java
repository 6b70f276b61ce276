package dev.whyasync.bench;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * The checks that make a task loop's figures mean what they say, as secondary metrics of each
 * iteration:
 * <ul>
 *   <li>{@code inflight.mean} and {@code inflight.min}: tasks really in flight (time-weighted);
 *   <li>closed loop ({@code concurrency} = C): {@code inflight.check} is 1 when the mean is at least
 *       {@value #HELD} C, else 0 and the result is invalid (the sequential control runs one task at a
 *       time by design and is not checked);
 *   <li>open loop ({@code rate} = R): {@code load.offered}, {@code load.lag.ms} (how far the pacer is
 *       behind its schedule), {@code load.dropped} (tasks due while the backlog was full) and
 *       {@code load.saturated}: 1 when the model finished less than {@value #KEPT_UP} of R, the pacer
 *       fell more than {@value #LAG_LIMIT_MS} ms behind, or tasks were dropped.
 * </ul>
 * Usable as {@code -prof dev.whyasync.bench.TaskLoopProfiler} on the IO and load benchmarks.
 */
public final class TaskLoopProfiler implements InternalProfiler {
    /** The share of C that must really be in flight (Little's law check). */
    static final double HELD = 0.95;
    /** The share of the offered rate a model must finish to keep up. */
    static final double KEPT_UP = 0.95;
    static final long LAG_LIMIT_MS = 200;

    private static volatile OfferedLoad load;

    private InFlightGauge gauge;
    private InFlightGauge.Reading before;
    private long droppedBefore;

    /** The open loop of this JVM's benchmark, so that its pacer's figures are reported. */
    static void watch(OfferedLoad offered) {
        load = offered;
    }

    /** Little's law check of a closed loop: were at least {@value #HELD} of C tasks in flight on average? */
    static boolean held(double meanInFlight, int concurrency) {
        return meanInFlight >= HELD * concurrency;
    }

    /** Whether a model failed to keep up with the offered rate. */
    static boolean saturated(double offered, double achieved, double lagMillis, long dropped) {
        return achieved < KEPT_UP * offered || lagMillis > LAG_LIMIT_MS || dropped > 0;
    }

    @Override
    public String getDescription() {
        return "tasks in flight, whether C held, and the open loop's pacing (whyasync)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        OfferedLoad offered = load;
        droppedBefore = offered == null ? 0 : offered.dropped();
        gauge = InFlightGauge.current();
        if (gauge != null) {
            gauge.lowestSinceLastCall();
            before = gauge.read();
        }
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        List<Result> results = new ArrayList<>();
        if (gauge == null) {
            return results; // not a task loop
        }
        InFlightGauge.Window window = InFlightGauge.between(before, gauge.endOf(before), gauge.lowestSinceLastCall());
        results.add(new ScalarResult("inflight.mean", window.mean(), "tasks", AggregationPolicy.AVG));
        results.add(new ScalarResult("inflight.min", window.lowest(), "tasks", AggregationPolicy.MIN));
        String concurrency = benchmarkParams.getParam("concurrency");
        String model = benchmarkParams.getParam("model");
        if (concurrency != null && model != null && !model.startsWith("sequential")) {
            boolean held = held(window.mean(), Integer.parseInt(concurrency));
            results.add(new ScalarResult("inflight.check", held ? 1 : 0, "held", AggregationPolicy.MIN));
        }
        OfferedLoad offered = load;
        if (offered != null && benchmarkParams.getParam("rate") != null) {
            double achieved = result.getPrimaryResult().getScore();
            long dropped = offered.dropped() - droppedBefore;
            double lagMillis = offered.lagNanos() / 1e6;
            boolean saturated = saturated(offered.rate(), achieved, lagMillis, dropped);
            results.add(new ScalarResult("load.offered", offered.rate(), "tasks/s", AggregationPolicy.AVG));
            results.add(new ScalarResult("load.lag.ms", lagMillis, "ms", AggregationPolicy.MAX));
            results.add(new ScalarResult("load.dropped", dropped, "tasks", AggregationPolicy.SUM));
            results.add(new ScalarResult("load.saturated", saturated ? 1 : 0, "saturated", AggregationPolicy.MAX));
        }
        return results;
    }
}
