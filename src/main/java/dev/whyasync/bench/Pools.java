package dev.whyasync.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The fixed pools of platform threads the microbenchmarks use, and their orderly shutdown. */
final class Pools {
    private static final long TERMINATION_SECONDS = 30;

    private Pools() {
    }

    static ExecutorService fixed(int threads) {
        return Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("whyasync-micro-pool-", 1).daemon().factory());
    }

    /** Lets queued work finish, waits for the threads to end, and interrupts them if they do not. */
    static void shutdown(ExecutorService pool) {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(TERMINATION_SECONDS, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
