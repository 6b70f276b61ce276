package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;

/**
 * The runtimes the microbenchmark tests share (an event loop, a pool of two, a one-thread actor
 * system and coroutine dispatcher), and the check that closing them leaves none of their threads.
 */
record MicroRuntimes(EventLoopRuntime loop, ExecutorService pool, ActorRuntime actors, CoroutineRuntime coroutines)
        implements AutoCloseable {

    static MicroRuntimes start() {
        return new MicroRuntimes(new EventLoopRuntime(), Pools.fixed(2), new ActorRuntime(1), new CoroutineRuntime(1));
    }

    /** Closes every runtime, then checks that none of their threads is left. */
    @Override
    public void close() throws InterruptedException {
        loop.close();
        Pools.shutdown(pool);
        actors.close();
        coroutines.close();
        assertNoRuntimeThreadLeft();
    }

    /**
     * Every thread the microbenchmarks' runtimes started (all named {@code whyasync-micro...} or
     * {@code whyasync-spawned}) has ended; the JDK's own virtual-thread scheduler stays, as it should.
     */
    static void assertNoRuntimeThreadLeft() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> left;
        do {
            left = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                    .filter(name -> name.startsWith("whyasync-micro") || name.startsWith("whyasync-spawned")).sorted().toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertEquals(List.of(), left, "runtime threads left after close");
    }
}
