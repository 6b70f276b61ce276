package dev.whyasync.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How much does it cost to start a unit of concurrency that does nothing and wait for it to end?
 * One method per model, named after it; the score is nanoseconds per spawn+join, averaged over a
 * batch of {@value #BATCH} (see {@link SpawnJoins} for why the joins happen inside the model).
 * {@code sequential} is the baseline: the same empty work as a plain method call.
 *
 * <p>Every runtime that is not an OS thread per unit gets one thread ({@link RuntimeStates}: the
 * event loop shared by callbacks, futures and reactive, the coroutine dispatcher, the actor
 * dispatcher, one carrier for virtual threads), so that no spawn needs an OS wake-up and the number
 * is the unit's own cost; the pool has one thread per core, and its waiter is the benchmark's own
 * platform thread.
 *
 * <p>Claim 6 is supported if {@code threads} costs several times (5x, by the report's rule) the
 * cheapest other unit; it is refuted if virtual threads, coroutines, or event-loop tasks cost about
 * as much as an OS thread.
 */
@Claims(value = {6},
        question = "How long does it take to spawn a unit of concurrency that does nothing and join it, per model?",
        supportedIf = "a platform thread's spawn+join costs at least 5x the cheapest other model's unit "
                + "(sequential, a plain call, is the baseline and no rival)")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SpawnBenchmark {
    /** Spawn+joins per benchmark invocation. */
    static final int BATCH = 100;

    /** Not a unit of concurrency: the empty work called in place, the floor under every other number. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void sequential() {
        SpawnJoins.sequential(BATCH, SpawnJoins.NOTHING);
    }

    /** A platform thread started and joined: expected tens to hundreds of microseconds. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void threads() throws InterruptedException {
        SpawnJoins.threads(BATCH, SpawnJoins.NOTHING);
    }

    /** A task submitted to a pool of one thread per core, waited for with {@code get()}. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void pool(RuntimeStates.CorePool pool) throws InterruptedException, ExecutionException {
        SpawnJoins.pool(pool.pool, BATCH, SpawnJoins.NOTHING);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void callbacks(RuntimeStates.Loop loop) throws InterruptedException {
        SpawnJoins.callbacks(loop.runtime.loop(), BATCH, SpawnJoins.NOTHING);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void futures(RuntimeStates.Loop loop) {
        SpawnJoins.futures(loop.runtime.loop(), BATCH, SpawnJoins.NOTHING).join();
    }

    /** A virtual thread started and joined by a virtual thread: expected about a microsecond. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void virtual(RuntimeStates.OneCarrier carrier) throws InterruptedException {
        SpawnJoins.virtual(BATCH, SpawnJoins.NOTHING);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void actors(Parent parent) {
        SpawnJoins.actors(parent.ref, BATCH);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void coroutines(RuntimeStates.Coroutines coroutines) {
        SpawnJoins.coroutines(coroutines.runtime.scope(), BATCH, SpawnJoins.NOTHING);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void reactive(RuntimeStates.Loop loop) {
        SpawnJoins.reactive(loop.runtime.scheduler(), BATCH, SpawnJoins.NOTHING);
    }

    /** The parent actor lives for the whole trial; only its children are spawned per operation. */
    @State(Scope.Benchmark)
    public static class Parent {
        ActorRef<SpawnJoins.ParentMessage> ref;

        @Setup
        public void start(RuntimeStates.Actors actors) {
            ref = actors.runtime.spawn(SpawnJoins.parent(SpawnJoins.NOTHING)).join();
        }
    }
}
