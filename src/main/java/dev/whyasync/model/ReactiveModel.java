package dev.whyasync.model;

import dev.whyasync.http.NettyTransport;
import dev.whyasync.http.Page;
import dev.whyasync.http.PageCall;
import dev.whyasync.http.PageCallback;
import dev.whyasync.http.PageDownloadException;
import dev.whyasync.http.PageRequest;
import reactor.core.Disposable;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Project Reactor: a task is {@code Mono.zip(page(first), page(second), combine)}, where each page
 * is a {@link Mono} over the shared Netty transport (not reactor-netty, so every model parses with
 * the same codec). Subscribing starts both downloads at once; zip joins them and, when one fails,
 * cancels the other, whose {@code onCancel} closes its connection. Disposing the subscription
 * cancels both the same way. Everything runs on the transport's event loops: nothing blocks, so no
 * Reactor scheduler is used and none of its threads is ever created.
 * <p>
 * The surprising fact: a Mono is cold and inert like a Rust future. Building the zip downloads
 * nothing; only {@code subscribe} does, and disposing the subscription is the analog of dropping a
 * future. A disposed Mono emits nothing at all, not even an error, so the model tells the listener
 * itself with a {@code doOnCancel} hook; Reactor's subscriber lets exactly one of "dispose" and
 * "result" win, so the listener still hears exactly one outcome.
 * <p>
 * A retry is Reactor's own operator: {@code retryWhen} with a {@link Retry} spec that counts, filters
 * the curable failures and, once the count is spent, hands on the last failure itself rather than
 * Reactor's "retries exhausted" wrapper. It resubscribes the cold page Mono, which downloads again.
 * Without retries the operator is left out, so a task is the zip of the two page Monos and nothing more.
 */
public final class ReactiveModel implements ConcurrencyModel {
    private final NettyTransport transport;
    private final ModelConfig config;

    public ReactiveModel(ModelConfig config) {
        this.transport = new NettyTransport(config.client(), config.threadsOrCores());
        this.config = config;
    }

    @Override
    public String name() {
        return "reactive";
    }

    @Override
    public TaskRun start(Task task, TaskListener listener) {
        Mono<Page> first = page(transport, task.first());
        Mono<Page> second = page(transport, task.second());
        if (config.retries() > 0) {
            Retry retry = retry(listener);
            first = first.retryWhen(retry);
            second = second.retryWhen(retry);
        }
        Disposable subscription = Mono.zip(first, second, (a, b) -> TaskResult.combine(task.id(), a, b))
                .doOnCancel(() -> listener.onFailure(
                        new PageDownloadException("task " + task.id(), PageDownloadException.Reason.CANCELLED, "task cancelled")))
                .subscribe(listener::onSuccess, error -> listener.onFailure(Exceptions.unwrap(error)));
        return subscription::dispose;
    }

    /** Up to {@code retries} more subscriptions to a page after curable failures, each one told to the listener. */
    private Retry retry(TaskListener listener) {
        return Retry.max(config.retries()).filter(ModelConfig::curable)
                .doBeforeRetry(signal -> listener.onRetry(signal.failure()))
                .onRetryExhaustedThrow((spec, signal) -> signal.failure());
    }

    /**
     * One page, cold: the download starts when the Mono is subscribed and is cancelled with it. The
     * inertness benchmark measures this very Mono.
     */
    public static Mono<Page> page(NettyTransport transport, PageRequest request) {
        return Mono.create(sink -> {
            PageCall call = transport.get(request, new PageCallback() {
                @Override
                public void onPage(Page page) {
                    sink.success(page);
                }

                @Override
                public void onError(PageDownloadException error) {
                    sink.error(error);
                }
            });
            sink.onCancel(call::cancel);
        });
    }

    @Override
    public void close() {
        transport.close();
    }
}
