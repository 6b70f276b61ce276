package dev.whyasync.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * How many idle tasks can each model hold, and what does one cost while it waits? Each single shot
 * creates {@code tasks} units of one model, each waiting for an event of its own ({@link IdleTasks}),
 * and its time is how long that takes. The tear-down then compares the process's memory with the
 * figures before the shot ({@link SettledFootprint}) and reports, through
 * {@link ReportedMetricsProfiler} (which the run must attach), {@code idle.tasks.held},
 * {@code idle.bytes.per.task} (live heap plus resident memory outside the heap, per task) and
 * {@code idle.heap.bytes.per.task} (live heap alone); then it releases every task and waits until it
 * has finished and, for threads, until the OS has taken the thread back. {@code sequential} is absent: it has no unit that can wait.
 *
 * <p>Platform threads are refused, before any is created, above this machine's thread limit
 * ({@link MachineLimits}): the run fails fast with the limit's name and fix instead of crashing the
 * JVM halfway, and the report shows the largest count that fitted. A pool cannot hold idle tasks
 * running: its threads are made busy and its tasks are jobs queued behind them.
 *
 * <p>Claims 4, 7 and 9 are supported if platform threads cost several kilobytes of RSS each and stop
 * at the machine's limit while virtual threads, coroutines and the async models hold 10^6 idle tasks
 * at hundreds of bytes each; refuted if threads hold as many at a similar cost.
 */
@Claims(value = {4, 7, 9},
        question = "How many idle tasks can each model hold, and how many bytes does one idle task cost?",
        supportedIf = "platform threads cost at least 5x the memory per idle task of the cheapest model and stop at the "
                + "machine's thread limit, while virtual threads, coroutines and async models hold 10^6")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class IdleBenchmark {
    static final String HELD = "idle.tasks.held";
    static final String BYTES_PER_TASK = "idle.bytes.per.task";
    static final String HEAP_PER_TASK = "idle.heap.bytes.per.task";

    /** Idle tasks per shot. */
    @Param({"1000", "10000", "100000", "1000000"})
    public int tasks;

    /** OS threads the JVM may start or end by itself (compiler, GC) while a shot runs. */
    private static final long JVM_THREAD_SLACK = 16;
    private static final Duration THREAD_EXIT_PATIENCE = Duration.ofSeconds(60);

    private SettledFootprint before;
    private IdleTasks.Held held;

    @Setup(Level.Iteration)
    public void measureBefore() {
        before = SettledFootprint.measure();
    }

    /** A platform thread per task, parked on a latch: expected tens of kilobytes each. */
    @Benchmark
    public void threads(PlatformThreadLimit checked) {
        held = IdleTasks.threads(Thread.ofPlatform(), tasks);
    }

    /** Jobs queued behind a pool whose threads are all busy: the pool holds them, but none runs. */
    @Benchmark
    public void pool(RuntimeStates.CorePool pool) throws InterruptedException {
        held = IdleTasks.pool(pool.pool, pool.threads, tasks);
    }

    @Benchmark
    public void callbacks(RuntimeStates.Loop loop) {
        held = IdleTasks.callbacks(loop.runtime.loop(), tasks);
    }

    @Benchmark
    public void futures() {
        held = IdleTasks.futures(tasks);
    }

    /** A virtual thread per task, parked on a latch: its stack is a heap object of about a kilobyte. */
    @Benchmark
    public void virtual() {
        held = IdleTasks.threads(Thread.ofVirtual(), tasks);
    }

    @Benchmark
    public void actors(RuntimeStates.Actors actors) {
        held = IdleTasks.actors(actors.runtime, tasks);
    }

    @Benchmark
    public void coroutines(RuntimeStates.Coroutines coroutines) {
        held = IdleTasks.coroutines(coroutines.runtime.scope(), tasks);
    }

    @Benchmark
    public void reactive() {
        held = IdleTasks.reactive(tasks);
    }

    @TearDown(Level.Iteration)
    public void measureAndRelease() throws InterruptedException {
        if (held == null) {
            return;
        }
        try {
            SettledFootprint with = SettledFootprint.measure();
            ReportedMetricsProfiler.report(HELD, held.count(), "tasks");
            ReportedMetricsProfiler.report(BYTES_PER_TASK, (double) with.heldSince(before) / held.count(), "bytes");
            ReportedMetricsProfiler.report(HEAP_PER_TASK, (double) (with.heapBytes() - before.heapBytes()) / held.count(), "bytes");
        } finally {
            IdleTasks.Held releasing = held;
            held = null;
            releasing.release();
        }
        // the next shot's "before" must not count this one's threads, still ending after their join
        SettledFootprint.awaitOsThreadsAtMost(before.osThreads() + JVM_THREAD_SLACK, THREAD_EXIT_PATIENCE);
    }

    /** Refuses, before the trial starts, a count of platform threads this machine cannot hold. */
    @State(Scope.Benchmark)
    public static class PlatformThreadLimit {
        @Setup
        public void check(BenchmarkParams params) {
            refuseAboveLimit(MachineLimits.read(), Integer.parseInt(params.getParam("tasks")));
        }
    }

    /** @throws LimitExceededException when {@code tasks} platform threads are more than {@code limits} allow */
    static void refuseAboveLimit(MachineLimits limits, int tasks) {
        try {
            limits.checkConcurrency("threads", tasks, 1, 0);
        } catch (LimitExceededException e) {
            throw new LimitExceededException(e.limit(), e.needed(), e.available(), String.format(Locale.ROOT,
                    "%d idle platform threads are above this machine's limit of ~%d, set by %s; "
                            + "lower -p tasks to at most %d or raise %s",
                    tasks, e.available(), e.limit(), e.available(), e.limit()));
        }
    }
}
