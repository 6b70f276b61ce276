package dev.whyasync.bench;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What does one switch between two tasks cost? Two units of a model play ping-pong for
 * {@value #ROUND_TRIPS} round trips per operation, and the score is nanoseconds per switch (two per
 * round trip). One method per model, named after it; {@code sequential} is absent, since a single
 * thread that calls functions has no second task to switch to. {@link PingPongs} says what a switch
 * is in each model; for reactive, the most honest equivalent is a signal handed between two
 * subscribers through the event loop.
 *
 * <p>Units that are not OS threads share one runtime thread ({@link RuntimeStates}: the event loop
 * for callbacks, futures and reactive, the coroutine and actor dispatchers, one virtual carrier), so
 * a switch between them never needs the kernel; the OS-thread models need two threads
 * by definition (the pool has two).
 *
 * <p>Claim 6 is supported if a platform-thread switch costs several times (5x, by the report's rule)
 * the cheapest other model's switch; refuted if they are of the same order.
 */
@Claims(value = {6},
        question = "How long does one switch between two tasks of a model take (ping-pong)?",
        supportedIf = "a switch between two platform threads costs at least 5x the cheapest other model's switch")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class SwitchBenchmark {
    static final int ROUND_TRIPS = 1000;
    private static final int SWITCHES = 2 * ROUND_TRIPS;

    /** Two platform threads parked and woken in turn: expected microseconds per switch. */
    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public long threads() throws InterruptedException {
        return PingPongs.threads(Thread.ofPlatform(), ROUND_TRIPS);
    }

    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public long pool(TwoThreadPool pool) throws InterruptedException, ExecutionException {
        return PingPongs.pool(pool.pool, ROUND_TRIPS);
    }

    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public long callbacks(RuntimeStates.Loop loop) throws InterruptedException {
        return PingPongs.callbacks(loop.runtime.loop(), ROUND_TRIPS);
    }

    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public long futures(RuntimeStates.Loop loop) {
        return PingPongs.futures(loop.runtime.loop(), ROUND_TRIPS);
    }

    /** The same code as {@code threads}, on virtual threads: a switch is an unmount and a mount, not a kernel call. */
    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public long virtual(RuntimeStates.OneCarrier carrier) throws InterruptedException {
        return PingPongs.threads(Thread.ofVirtual(), ROUND_TRIPS);
    }

    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public long actors(Players players) {
        return PingPongs.actors(players.ping, players.pong, ROUND_TRIPS);
    }

    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public long coroutines(RuntimeStates.Coroutines coroutines) {
        return PingPongs.coroutines(coroutines.runtime.scope(), ROUND_TRIPS);
    }

    @Benchmark
    @OperationsPerInvocation(SWITCHES)
    public long reactive(RuntimeStates.Loop loop) {
        return PingPongs.reactive(loop.runtime.scheduler(), ROUND_TRIPS);
    }

    @State(Scope.Benchmark)
    public static class TwoThreadPool {
        ExecutorService pool;

        @Setup
        public void start() {
            pool = Pools.fixed(2);
        }

        @TearDown
        public void stop() {
            Pools.shutdown(pool);
        }
    }

    /** The two players live for the whole trial. */
    @State(Scope.Benchmark)
    public static class Players {
        ActorRef<PingPongs.Ball> ping;
        ActorRef<PingPongs.Ball> pong;

        @Setup
        public void start(RuntimeStates.Actors actors) {
            ping = actors.runtime.spawn(PingPongs.player()).join();
            pong = actors.runtime.spawn(PingPongs.player()).join();
        }
    }
}
