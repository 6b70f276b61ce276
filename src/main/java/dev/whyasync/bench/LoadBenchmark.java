package dev.whyasync.bench;

import dev.whyasync.model.ModelKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost at a fixed load: what the same work costs each model when tasks arrive at a fixed rate R
 * (an open loop, {@link OfferedLoad}) and the server answers each page after a long delay, so that
 * many tasks wait at once while the cores stay far from full. By Little's law, 2,000 tasks/s with
 * 500 ms pages keep about 1,000 tasks in flight and 4,000 pages/s. This is where the seed's "CPU and
 * memory overhead for many IO-bound tasks" is measured: CPU per task, memory per task in flight,
 * allocation per task and latency above the server's delay, at the same work for every model.
 *
 * <p>The score is the achieved rate of successful tasks; a model that cannot keep up (the
 * sequential control, a pool whose threads all wait) finishes less than R, falls behind, or fills
 * its backlog, and is marked saturated at R ({@code load.saturated}); its costs are then those of
 * an overloaded model and are not compared.
 */
@Claims(value = {1, 2, 8},
        question = "At the same offered load of IO-bound tasks, what CPU, memory and latency does each model spend per task?",
        supportedIf = "at a fixed rate with many tasks waiting, threads and pools spend clearly more CPU and memory per task "
                + "than the async models, or cannot keep up")
// bench --flame profiles each model at the fixed load the default profile reports
@FlamePoint("rate=2000")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// a fixed, pre-touched heap, as in IoBenchmark: RSS above idle is the tasks' native memory
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
// the backlog builds within the first delay and the rate is flat from the second warm-up iteration
// on; measured iterations hold 1,500 to 6,000 tasks each
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 3, time = 3)
public class LoadBenchmark {
    /** A model name, optionally with its runtime threads, as in {@link IoBenchmark}. */
    @Param({"sequential", "threads", "pool", "pool-200", "callbacks", "futures", "virtual", "actors", "coroutines", "reactive"})
    public String model;

    /**
     * Offered rate, tasks started per second: at 500 (about 250 in flight) every thread-backed model
     * but the small pool keeps up on two cores, so their costs compare at the same work; at 2,000
     * (about 1,000 in flight) spawning three platform threads per task is more than the threads
     * model can do here.
     */
    @Param({"500", "2000"})
    public double rate;

    /**
     * Server-side delay per page, ms: long, so that many tasks wait at once. Named apart from the IO
     * benchmark's {@code delay}, so that a profile's 20 ms does not reach it.
     */
    @Param({"500"})
    public int pageDelay;

    /** Page size in bytes. */
    @Param({"1024"})
    public int size;

    /** The model's runtime threads; 0 = the model's default (see {@link IoBenchmark#threads}). */
    @Param({"0"})
    public int threads;

    private IoTrial trial;
    private OfferedLoad load;

    /** Pages and failed tasks, reported next to successful tasks/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long pages;
        public long errors;
    }

    @Setup(Level.Trial)
    public void start() throws InterruptedException {
        MachineLimits limits = MachineLimits.read();
        int backlog = backlog(ModelChoice.parse(model, threads).kind(), limits);
        trial = IoTrial.open(new IoTrial.Setting(model, threads, size, pageDelay, true, 0, 0, "", 0, 0), backlog, limits);
        load = new OfferedLoad(trial.starts(), rate, backlog);
        TaskLoopProfiler.watch(load);
        load.begin();
    }

    /**
     * The most tasks the pacer lets wait: four times what Little's law expects at this rate and
     * delay (a model that keeps up never comes near it), and never more than the machine's threads
     * and open files allow this model.
     */
    private int backlog(ModelKind kind, MachineLimits limits) {
        long expected = (long) Math.ceil(rate * (pageDelay + 50) / 1000.0);
        long bound = 4 * expected + 64;
        if (kind.platformThreadsPerTask() > 0) {
            bound = Math.min(bound, limits.maxPlatformThreads() / kind.platformThreadsPerTask());
        }
        if (kind.connectionsPerTask() > 0) {
            bound = Math.min(bound, limits.maxConnections() / kind.connectionsPerTask());
        }
        return (int) Math.max(1, Math.min(bound, Integer.MAX_VALUE));
    }

    /** The loop runs on between iterations: what finished in the pause is no iteration's. */
    @Setup(Level.Iteration)
    public void beginIteration() {
        trial.beginIteration();
    }

    /** Ends the iteration's measurement windows before a trial's tear-down can fall into them. */
    @TearDown(Level.Iteration)
    public void endIteration() {
        trial.endIteration();
    }

    /** One successfully finished task; failures are counted as errors. */
    @Benchmark
    public TaskStarts.Outcome tasks(Counters counters) throws InterruptedException {
        TaskStarts.Outcome outcome;
        while ((outcome = trial.starts().next()).error() != null) {
            counters.errors++;
            trial.requireServersAlive(outcome.error());
        }
        counters.pages += 2;
        return outcome;
    }

    @TearDown(Level.Trial)
    public void stop() {
        TaskLoopProfiler.watch(null);
        if (load != null) {
            load.close();
        }
        if (trial != null) {
            trial.close();
        }
    }
}
