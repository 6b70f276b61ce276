package dev.whyasync.model;

import dev.whyasync.http.NettyTransport;
import dev.whyasync.http.Page;
import dev.whyasync.http.PageCall;
import dev.whyasync.http.PageCallback;
import dev.whyasync.http.PageRequest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link CompletableFuture} composition over the Netty transport, the JDK's own async style: each
 * page is a future completed by the event loop, and the task is {@code first.thenCombine(second, ...)}.
 * Unlike a Rust future, a CompletableFuture is eager (the download starts when it is created) and
 * dropping it stops nothing; cancelling the task cancels the two downloads themselves.
 * <p>
 * With retries, a retry is the same download composed onto a failed one with
 * {@code exceptionallyCompose}. The surprising fact: cancelling a composed future does not reach
 * upstream; {@code cancel} completes that future alone while the attempt it waits for runs on. So a
 * retrying task carries a {@code stop} future of its own, and completing it cancels every attempt in
 * flight and forbids new ones; cancelling the task completes it. Without retries none of this is
 * built: a task is two futures, their combination, and the two calls that a cancel reaches.
 */
public final class FuturesModel implements ConcurrencyModel {
    private final NettyTransport transport;
    private final ModelConfig config;

    public FuturesModel(ModelConfig config) {
        this.transport = new NettyTransport(config.client(), config.threadsOrCores());
        this.config = config;
    }

    @Override
    public String name() {
        return "futures";
    }

    @Override
    public TaskRun start(Task task, TaskListener listener) {
        return config.retries() > 0 ? startRetrying(task, listener) : startOnce(task, listener);
    }

    /** One attempt per page: cancelling the task cancels the two downloads. */
    private TaskRun startOnce(Task task, TaskListener listener) {
        CompletableFuture<Page> first = new CompletableFuture<>();
        CompletableFuture<Page> second = new CompletableFuture<>();
        PageCall firstCall = transport.get(task.first(), PageCallback.completing(first));
        PageCall secondCall = transport.get(task.second(), PageCallback.completing(second));
        join(task, first, second, listener);
        return () -> {
            firstCall.cancel();
            secondCall.cancel();
        };
    }

    private TaskRun startRetrying(Task task, TaskListener listener) {
        CompletableFuture<Void> stop = new CompletableFuture<>();
        CompletableFuture<Page> first = download(task.first(), 0, stop, listener);
        CompletableFuture<Page> second = download(task.second(), 0, stop, listener);
        join(task, first, second, listener);
        return () -> stop.complete(null);
    }

    /** Tells the listener the task's outcome once both pages have theirs. */
    private static void join(Task task, CompletableFuture<Page> first, CompletableFuture<Page> second, TaskListener listener) {
        first.thenCombine(second, (a, b) -> TaskResult.combine(task.id(), a, b)).whenComplete((result, error) -> {
            if (error == null) {
                listener.onSuccess(result);
            } else {
                listener.onFailure(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            }
        });
    }

    /** One page: an attempt, and after a curable failure the next attempt composed onto it. */
    private CompletableFuture<Page> download(PageRequest request, int retriesMade, CompletableFuture<Void> stop,
                                             TaskListener listener) {
        CompletableFuture<Page> attempt = new CompletableFuture<>();
        PageCall call = transport.get(request, PageCallback.completing(attempt));
        stop.thenRun(call::cancel);
        return attempt.exceptionallyCompose(error -> {
            if (stop.isDone() || !config.mayRetry(retriesMade, error)) {
                return CompletableFuture.failedFuture(error);
            }
            listener.onRetry(error);
            return download(request, retriesMade + 1, stop, listener);
        });
    }

    @Override
    public void close() {
        transport.close();
    }
}
