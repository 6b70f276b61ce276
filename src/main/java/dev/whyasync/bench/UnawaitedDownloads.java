package dev.whyasync.bench;

import dev.whyasync.http.BlockingTransport;
import dev.whyasync.http.NettyTransport;
import dev.whyasync.http.Page;
import dev.whyasync.http.PageCallback;
import dev.whyasync.http.PageDownloadException;
import dev.whyasync.http.PageRequest;
import dev.whyasync.model.CoroutinePrimitives;
import dev.whyasync.model.ReactiveModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import kotlinx.coroutines.CoroutineScope;
import kotlinx.coroutines.Deferred;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import reactor.core.publisher.Mono;

/**
 * One page download written in each model's idiom and handed back unawaited: whether the request
 * leaves before {@link Unawaited#await()} is what the inertness benchmark counts at the fixture. The
 * handle is the model's own (a thread, a future, a deferred, a Mono), so that "await" means what it
 * means in that model, starting the download where the model is lazy.
 */
final class UnawaitedDownloads {

    private UnawaitedDownloads() {
    }

    /** A download not awaited yet; {@link #await()} waits for its page, starting it first if it is inert. */
    interface Unawaited {
        Page await() throws Exception;
    }

    static Unawaited thread(Thread.Builder threads, BlockingTransport transport, PageRequest request) {
        FutureTask<Page> download = new FutureTask<>(() -> transport.get(request));
        threads.start(download);
        return download::get;
    }

    /** A thread built but not started, the one inert thread: joining it would not start it, so awaiting starts it. */
    static Unawaited unstartedThread(Thread.Builder threads, BlockingTransport transport, PageRequest request) {
        FutureTask<Page> download = new FutureTask<>(() -> transport.get(request));
        Thread thread = threads.unstarted(download);
        return () -> {
            thread.start();
            return download.get();
        };
    }

    static Unawaited pool(ExecutorService pool, BlockingTransport transport, PageRequest request) {
        Future<Page> download = pool.submit(() -> transport.get(request));
        return download::get;
    }

    /** {@code transport.get} with a callback: the request is sent by the call itself. */
    static Unawaited callback(NettyTransport transport, PageRequest request) {
        CompletableFuture<Page> heard = new CompletableFuture<>();
        transport.get(request, PageCallback.completing(heard));
        return heard::join;
    }

    /** A {@link CompletableFuture} of the page, made as the futures model makes it. */
    static Unawaited future(NettyTransport transport, PageRequest request) {
        CompletableFuture<Page> page = new CompletableFuture<>();
        transport.get(request, PageCallback.completing(page));
        return page::join;
    }

    /** A downloader actor spawned with its request; it starts the download when it starts. */
    static Unawaited actor(ActorRuntime actors, NettyTransport transport, PageRequest request) {
        CompletableFuture<Page> page = new CompletableFuture<>();
        actors.spawn(downloader(transport, request, page));
        return page::join;
    }

    private static Behavior<Page> downloader(NettyTransport transport, PageRequest request, CompletableFuture<Page> page) {
        return Behaviors.setup(context -> {
            ActorRef<Page> self = context.getSelf();
            transport.get(request, new PageCallback() {
                @Override
                public void onPage(Page arrived) {
                    self.tell(arrived);
                }

                @Override
                public void onError(PageDownloadException error) {
                    page.completeExceptionally(error);
                }
            });
            return Behaviors.receiveMessage(arrived -> {
                page.complete(arrived);
                return Behaviors.stopped();
            });
        });
    }

    /** {@code async { }}: eager unless {@code lazy}, which is {@code async(start = CoroutineStart.LAZY)}. */
    static Unawaited coroutine(CoroutineScope scope, NettyTransport transport, PageRequest request, boolean lazy) {
        Deferred<Page> download = CoroutinePrimitives.download(scope, transport, request, lazy);
        return () -> CoroutinePrimitives.await(download);
    }

    /** A cold Mono, assembled and not subscribed; {@code block()} subscribes. */
    static Unawaited mono(NettyTransport transport, PageRequest request) {
        Mono<Page> page = ReactiveModel.page(transport, request);
        return page::block;
    }
}
