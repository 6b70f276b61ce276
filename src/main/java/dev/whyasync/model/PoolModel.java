package dev.whyasync.model;

import dev.whyasync.http.BlockingCall;
import dev.whyasync.http.BlockingTransport;
import dev.whyasync.http.Page;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A fixed pool of platform threads (the core count, or 200 as a servlet container would use) runs
 * every page download; no thread is created per task. Each page is its own pool job and the one that
 * finishes last completes the task, so no pool thread ever blocks waiting for a sibling (which would
 * deadlock a small pool). With more pages in flight than threads, pages wait in the pool's queue:
 * the pool caps concurrency at its size, which is what the seed's second claim is about. A failed
 * page is retried in a loop around the blocking call, on the same pool thread, which stays busy
 * for every attempt.
 */
public final class PoolModel implements ConcurrencyModel {
    private final BlockingTransport transport;
    private final ModelConfig config;
    private final ExecutorService pool;

    public PoolModel(ModelConfig config) {
        this.transport = new BlockingTransport(config.client());
        this.config = config;
        this.pool = Executors.newFixedThreadPool(config.threadsOrCores(),
                Thread.ofPlatform().name("whyasync-pool-", 1).factory());
    }

    @Override
    public String name() {
        return "pool";
    }

    @Override
    public TaskRun start(Task task, TaskListener listener) {
        PagePair pair = new PagePair(task, listener);
        BlockingCall first = transport.call(task.first());
        BlockingCall second = transport.call(task.second());
        pair.onStop(() -> {
            first.abort();
            second.abort();
        });
        pool.execute(() -> download(first, pair, listener, pair::firstDone));
        pool.execute(() -> download(second, pair, listener, pair::secondDone));
        return pair::cancel;
    }

    /** Runs on a pool thread, which blocks for the whole download, retries included. */
    private void download(BlockingCall call, PagePair pair, TaskListener listener, Consumer<Page> done) {
        Page page = null;
        for (int retries = 0; page == null; retries++) {
            try {
                page = call.execute();
            } catch (RuntimeException e) {
                if (pair.stopped() || !config.mayRetry(retries, e)) {
                    pair.failed(e);
                    return;
                }
                listener.onRetry(e);
            }
        }
        done.accept(page);
    }

    /** Aborts downloads in flight, drops queued ones and waits for the pool's threads to end. */
    @Override
    public void close() {
        transport.close();
        pool.shutdown();
        try {
            if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
