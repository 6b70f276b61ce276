package dev.whyasync.bench;

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
 * Capacity: how many "download two pages" tasks per second each model finishes with C tasks in
 * flight against the fixture, which runs in its own JVM so that the client's CPU, memory and threads
 * are measured alone (claims 1-5, 8, 9, 12). A closed loop ({@link InFlightTasks}) holds C; the
 * {@link TaskLoopProfiler} measures what was really in flight and marks a result below 95% of C
 * invalid. The cost of the same work at a fixed load is {@link LoadBenchmark}'s question, not this
 * one's: on two cores shared with the fixture, a fast model here is bound by CPU (see
 * {@code cpu.saturated}), and its tasks/s then rank CPU efficiency, not concurrency.
 *
 * <p>Expected if the seed is right: at delay 20 ms and large C, threads fall behind or hit the
 * machine's thread limit, a small pool caps throughput at pool size / 40 ms, and the non-blocking
 * models and virtual threads scale with C at a lower CPU and memory cost per task
 * ({@code -prof dev.whyasync.bench.ClientCpuProfiler}, {@code FootprintProfiler}, {@code LatencyProfiler}).
 * At delay 0 the bench is CPU-bound and measures each model's overhead per task.
 */
@Claims(value = {1, 2, 3, 4, 5, 8, 9, 12},
        question = "How many two-page tasks per second does each model finish with C tasks in flight, at what CPU, memory and latency?",
        supportedIf = "at 20 ms delay and large C, non-blocking models and virtual threads reach higher tasks/s than threads and pools, "
                + "with less CPU and RSS per task")
// bench --flame profiles each model at one concurrency of the IO-bound case
@FlamePoint({"concurrency=1024", "delay=20", "size=1024"})
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
// a fixed, pre-touched heap: RSS does not grow with the heap, so RSS above idle is the tasks' native memory
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
// the first seconds open C x 2 connections and compile Netty's hot paths: at C=1024 the fast models
// still rise through 3 x 2 s of warm-up and are flat after 8 x 2 s
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 3, time = 2)
public class IoBenchmark {
    /** A model name, optionally with its runtime threads: {@code pool-200}, {@code callbacks-1}, {@code virtual-1}. */
    @Param({"sequential", "threads", "pool", "pool-200", "callbacks", "futures", "virtual", "actors", "coroutines", "reactive"})
    public String model;

    /** Tasks in flight. */
    @Param({"64"})
    public int concurrency;

    /** Page size in bytes. */
    @Param({"1024"})
    public int size;

    /** Server-side delay per page, ms. */
    @Param({"20"})
    public int delay;

    /** Keep-alive lanes (true) or a fresh connection per page (false). */
    @Param({"true"})
    public boolean reuse;

    /**
     * The model's runtime threads: pool size, event loops, dispatcher threads, virtual-thread
     * carriers; 0 = the number of cores.
     */
    @Param({"0"})
    public int threads;

    /** Another server to download from (http://host:port); empty = start the fixture in its own JVM. */
    @Param({""})
    public String target;

    /**
     * Percent of page requests the fixture answers with a fault it draws (500, reset, stall,
     * truncate, drip); 0 = none. Above 0 the request timeout drops from 10 s to 2 s
     * ({@code FAULT_TIMEOUT}), so that a stalled or dripping page holds its slot of the closed loop
     * for 2 s, not 10; failed tasks count as {@code errors}, page retries as {@code retries}.
     */
    @Param({"0"})
    public double faults;

    /** Retries per page after a curable failure, each model in its own idiom; 0 = none. */
    @Param({"0"})
    public int retry;

    /**
     * Network delay each way between client and server, ms: a delay proxy (NetCrusher, in its own
     * JVM) runs in front of the fixture or the target; 0 = direct.
     */
    @Param({"0"})
    public int netDelay;

    /** Bandwidth cap of each direction through the delay proxy, bytes/s, shared by all connections; 0 = none. */
    @Param({"0"})
    public long bandwidth;

    private IoTrial trial;
    private InFlightTasks tasks;

    /** Pages, failed tasks and page retries, reported by JMH next to successful tasks/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long pages;
        public long errors;
        public long retries;
    }

    @Setup(Level.Trial)
    public void start() throws InterruptedException {
        trial = IoTrial.open(new IoTrial.Setting(model, threads, size, delay, reuse, faults, retry, target, netDelay, bandwidth),
                concurrency);
        tasks = new InFlightTasks(trial.starts(), concurrency);
        tasks.fill();
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

    /**
     * One successfully finished task (its replacement was started where it finished). Failed tasks
     * are counted as errors and do not end the operation, so that a model that fails fast does not
     * look fast.
     */
    @Benchmark
    public TaskStarts.Outcome tasks(Counters counters) throws InterruptedException {
        TaskStarts.Outcome outcome;
        while ((outcome = tasks.next()).error() != null) {
            counters.errors++;
            counters.retries += outcome.retries();
            trial.requireServersAlive(outcome.error());
        }
        counters.pages += 2;
        counters.retries += outcome.retries();
        return outcome;
    }

    @TearDown(Level.Trial)
    public void stop() {
        if (tasks != null) {
            tasks.close();
        }
        if (trial != null) {
            trial.close();
        }
    }
}
