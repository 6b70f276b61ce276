package dev.whyasync.model;

import dev.whyasync.http.NettyTransport;
import dev.whyasync.http.Page;
import dev.whyasync.http.PageCall;
import dev.whyasync.http.PageCallback;
import dev.whyasync.http.PageDownloadException;
import dev.whyasync.http.PageRequest;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * {@link CompletableFuture} composition over the Netty transport, the JDK's own async style: each
 * page is a future completed by the event loop, the task is {@code first.thenCombine(second, ...)}, and
 * when it fails the sibling's future is cancelled.
 * Unlike a Rust future, a CompletableFuture is eager (the download starts when it is created) and
 * dropping it stops nothing; only {@code cancel} does, and here cancelling a page's future closes its
 * connection.
 */
public final class FuturesModel implements ConcurrencyModel {
    private final NettyTransport transport;

    public FuturesModel(ModelConfig config) {
        this.transport = new NettyTransport(config.client(), config.threadsOrCores());
    }

    @Override
    public String name() {
        return "futures";
    }

    @Override
    public TaskRun start(Task task, TaskListener listener) {
        CompletableFuture<Page> first = download(task.first());
        CompletableFuture<Page> second = download(task.second());
        CompletableFuture<TaskResult> both = first.thenCombine(second, (a, b) -> TaskResult.combine(task.id(), a, b));
        both.whenComplete((result, error) -> {
            if (error == null) {
                listener.onSuccess(result);
            } else {
                first.cancel(false);
                second.cancel(false);
                listener.onFailure(unwrap(task, error));
            }
        });
        return () -> {
            first.cancel(false);
            second.cancel(false);
        };
    }

    /** A future for one page; cancelling it cancels the download. */
    private CompletableFuture<Page> download(PageRequest request) {
        CompletableFuture<Page> page = new CompletableFuture<>();
        PageCall call = transport.get(request, PageCallback.completing(page));
        page.whenComplete((p, error) -> {
            if (page.isCancelled()) {
                call.cancel();
            }
        });
        return page;
    }

    private static Throwable unwrap(Task task, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof CancellationException) {
            return new PageDownloadException("task " + task.id(), PageDownloadException.Reason.CANCELLED, "task cancelled");
        }
        return cause;
    }

    @Override
    public void close() {
        transport.close();
    }
}
