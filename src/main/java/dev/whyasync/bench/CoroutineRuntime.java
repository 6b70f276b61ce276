package dev.whyasync.bench;

import dev.whyasync.model.CoroutinePrimitives;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import kotlinx.coroutines.CoroutineScope;

/**
 * A coroutine scope on a fixed dispatcher of {@code threads} platform threads, as the coroutines model
 * builds it; closing it cancels and joins every coroutine, then stops the threads.
 */
final class CoroutineRuntime implements AutoCloseable {
    private final ExecutorService executor;
    private final CoroutineScope scope;

    CoroutineRuntime(int threads) {
        executor = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("whyasync-micro-coroutines-", 1).daemon().factory());
        scope = CoroutinePrimitives.scope(executor);
    }

    CoroutineScope scope() {
        return scope;
    }

    @Override
    public void close() {
        try {
            CoroutinePrimitives.cancelAndJoin(scope);
        } finally {
            Pools.shutdown(executor);
        }
    }
}
