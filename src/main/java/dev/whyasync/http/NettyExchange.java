package dev.whyasync.http;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One request/response on a Netty channel, from acquiring a connection to hearing the outcome. Every
 * path to the end (the page, a codec error, a closed or reset connection, the timeout, a cancel)
 * goes through {@link #succeed} or {@link #fail}, and only the first one counts.
 * <p>
 * All of it runs on the one event loop the transport gave the page: the timeout, the connection and
 * the request start in a single task on that loop, so a page started from any other thread wakes one
 * loop once. Only a cancel comes from elsewhere. The timeout still counts from {@link #start}, as the
 * blocking transport's deadline does.
 */
final class NettyExchange implements PageCall {
    private final NettyTransport transport;
    private final EventLoopLanes lanes;
    private final PageRequest request;
    private final String url;
    private final PageAssembler assembler;
    private final PageCallback callback;
    private final long deadlineNanos;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile Channel channel;
    private volatile ScheduledFuture<?> timeout;

    NettyExchange(NettyTransport transport, EventLoopLanes lanes, PageRequest request, PageCallback callback) {
        this.transport = transport;
        this.lanes = lanes;
        this.request = request;
        this.url = transport.config().url(request);
        this.assembler = new PageAssembler(url, request);
        this.callback = callback;
        this.deadlineNanos = System.nanoTime() + transport.config().requestTimeout().toNanos();
    }

    void start() {
        EventLoop loop = lanes.loop();
        if (loop.inEventLoop()) {
            begin();
        } else {
            loop.execute(this::begin);
        }
    }

    /** On the page's loop: arms the timeout and asks for a connection, unless a cancel came first. */
    private void begin() {
        if (done.get()) {
            return;
        }
        long millis = transport.config().requestTimeout().toMillis();
        ScheduledFuture<?> armed = lanes.loop().schedule(() -> fail(DownloadErrors.timedOut(url, millis)),
                deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
        timeout = armed;
        if (done.get()) {
            armed.cancel(false);
            return;
        }
        Future<Channel> connecting = lanes.connect();
        connecting.addListener(f -> connected(connecting));
    }

    private void connected(Future<Channel> connecting) {
        if (!connecting.isSuccess()) {
            fail(transport.isClosed() ? DownloadErrors.cancelled(url) : DownloadErrors.connectFailed(url, connecting.cause()));
            return;
        }
        Channel ch = connecting.getNow();
        channel = ch;
        if (done.get()) {
            transport.discard(ch);
            return;
        }
        ch.attr(NettyTransport.EXCHANGE).set(this);
        ch.writeAndFlush(PageRequests.get(transport.config(), request)).addListener(written -> {
            if (!written.isSuccess()) {
                fail(DownloadErrors.ioFailed(url, written.cause()));
            }
        });
    }

    void onMessage(HttpObject message) {
        try {
            Page page = assembler.accept(message);
            if (page != null) {
                succeed(page);
            }
        } catch (PageDownloadException e) {
            fail(e);
        }
    }

    void onClosed() {
        fail(transport.isClosed() ? DownloadErrors.cancelled(url) : assembler.closedEarly());
    }

    void onError(Throwable cause) {
        fail(DownloadErrors.ioFailed(url, cause));
    }

    @Override
    public void cancel() {
        fail(DownloadErrors.cancelled(url));
    }

    private void succeed(Page page) {
        if (done.compareAndSet(false, true)) {
            finish(assembler.keepAlive() && transport.config().keepAlive());
            callback.onPage(page);
        }
    }

    private void fail(PageDownloadException error) {
        if (done.compareAndSet(false, true)) {
            finish(false);
            callback.onError(error);
        }
    }

    private void finish(boolean reuse) {
        ScheduledFuture<?> t = timeout;
        if (t != null) {
            t.cancel(false);
        }
        Channel ch = channel;
        if (ch == null) {
            return;
        }
        ch.attr(NettyTransport.EXCHANGE).set(null);
        if (reuse) {
            lanes.release(ch);
        } else {
            transport.discard(ch);
        }
    }
}
