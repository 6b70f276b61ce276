package dev.whyasync.bench;

import java.util.concurrent.ExecutorService;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The runtimes the per-model microbenchmarks share, as JMH states: each is started once per trial,
 * only for the benchmark methods that take it as an argument, and closed after the trial. Runtimes
 * that multiplex units onto threads get {@value #RUNTIME_THREADS} thread, so that a spawn or a switch
 * between their units never needs an OS wake-up and what is measured is the unit's own cost.
 */
public final class RuntimeStates {
    /** Threads of every runtime that multiplexes units onto threads: event loop, dispatchers, carriers. */
    public static final int RUNTIME_THREADS = 1;

    private RuntimeStates() {
    }

    /** The one event loop of callbacks, futures and reactive. */
    @State(Scope.Benchmark)
    public static class Loop {
        EventLoopRuntime runtime;

        @Setup
        public void start() {
            runtime = new EventLoopRuntime();
        }

        @TearDown
        public void stop() {
            runtime.close();
        }
    }

    /** A pool of one platform thread per core, as the pool model's default. */
    @State(Scope.Benchmark)
    public static class CorePool {
        final int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool;

        @Setup
        public void start() {
            pool = Pools.fixed(threads);
        }

        @TearDown
        public void stop() {
            Pools.shutdown(pool);
        }
    }

    @State(Scope.Benchmark)
    public static class Coroutines {
        CoroutineRuntime runtime;

        @Setup
        public void start() {
            runtime = new CoroutineRuntime(RUNTIME_THREADS);
        }

        @TearDown
        public void stop() {
            runtime.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Actors {
        ActorRuntime runtime;

        @Setup
        public void start() {
            runtime = new ActorRuntime(RUNTIME_THREADS);
        }

        @TearDown
        public void stop() {
            runtime.close();
        }
    }

    /**
     * One carrier thread for virtual threads. The JVM reads the setting when it creates its first
     * virtual thread, and each JMH fork runs one benchmark method, so setting it here is in time.
     */
    @State(Scope.Benchmark)
    public static class OneCarrier {
        @Setup
        public void start() {
            System.setProperty("jdk.virtualThreadScheduler.parallelism", Integer.toString(RUNTIME_THREADS));
        }
    }
}
