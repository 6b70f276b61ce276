package dev.whyasync.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.util.function.Consumer;

/**
 * The connections of one event loop: its keep-alive lanes and its fresh connections, all registered
 * on that loop. The transport gives each page one of these, and everything the page does (its
 * timeout, acquiring or connecting, the write, the reads, the release) then runs on that loop's thread.
 * <p>
 * The surprising fact: one {@link SimpleChannelPool} over the whole group completes every acquire on
 * a promise from {@code group().next()}, whichever loop the channel it hands out belongs to, so a page
 * often crossed from one loop to another before its request was written. A pool per loop makes the
 * promise's loop and the channel's loop the same one.
 */
final class EventLoopLanes {
    private final EventLoop loop;
    private final boolean keepAlive;
    private final Bootstrap fresh;
    private final SimpleChannelPool lanes;

    /** @param initPipeline what every new channel of this loop gets, on its loop, before its first use */
    EventLoopLanes(EventLoop loop, Bootstrap base, boolean keepAlive, Consumer<Channel> initPipeline) {
        this.loop = loop;
        this.keepAlive = keepAlive;
        this.fresh = base.clone(loop).handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel ch) {
                initPipeline.accept(ch);
            }
        });
        this.lanes = new SimpleChannelPool(base.clone(loop), new AbstractChannelPoolHandler() {
            @Override
            public void channelCreated(Channel ch) {
                initPipeline.accept(ch);
            }
        });
    }

    EventLoop loop() {
        return loop;
    }

    /** A connection on this loop: an idle lane, or else a new connection; the future completes on this loop. */
    Future<Channel> connect() {
        return keepAlive ? lanes.acquire(loop.newPromise()) : connectFresh();
    }

    private Future<Channel> connectFresh() {
        ChannelFuture connecting = fresh.connect();
        Promise<Channel> promise = loop.newPromise();
        connecting.addListener((ChannelFutureListener) f -> {
            if (f.isSuccess()) {
                promise.setSuccess(f.channel());
            } else {
                promise.setFailure(f.cause());
            }
        });
        return promise;
    }

    /** Puts a lane that finished a response back for the next page of this loop. */
    void release(Channel ch) {
        lanes.release(ch);
    }

    /** Closes the idle lanes. */
    void close() {
        lanes.close();
    }
}
