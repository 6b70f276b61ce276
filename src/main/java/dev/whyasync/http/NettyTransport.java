package dev.whyasync.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.pool.SimpleChannelPool;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The transport of the non-blocking models (callbacks, futures, actors, coroutines, reactive): Netty
 * channels with the shared codec, and a {@link PageCallback} as the one primitive each model adapts to
 * its own style. Keep-alive lanes come from Netty's {@link SimpleChannelPool}, one per event loop
 * ({@link EventLoopLanes}), and the pages are dealt to the loops in turn. It uses the NIO transport, not
 * Netty's native epoll, so that blocking and non-blocking models both reach the kernel through the
 * JDK's own socket implementation.
 * <p>
 * A page crosses threads once, from its caller to its loop, and then stays there. Every channel reads
 * at most {@link ClientConfig#READ_SIZE} bytes at a time into a fixed-size buffer, like the blocking
 * transport; Netty's default adaptive buffer would start at 2 KiB and grow to 64 KiB, so the two
 * transports would make a different number of reads for the same page.
 */
public final class NettyTransport implements AutoCloseable {
    static final AttributeKey<NettyExchange> EXCHANGE = AttributeKey.valueOf("whyasync.exchange");
    /**
     * Reads per readiness event, for as long as each fills its buffer: Netty's default for a socket
     * channel, which setting an allocator would otherwise reset to 1.
     */
    private static final int READS_PER_EVENT = 16;

    private final ClientConfig config;
    private final Set<Thread> eventLoopThreads = ConcurrentHashMap.newKeySet();
    private final EventLoopGroup eventLoops;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final List<EventLoopLanes> lanes;
    private final AtomicInteger turn = new AtomicInteger();
    private volatile boolean closed;

    /** @param ioThreads event-loop threads; 0 means one per core */
    public NettyTransport(ClientConfig config, int ioThreads) {
        this.config = config;
        ThreadFactory named = new DefaultThreadFactory("whyasync-netty", true);
        this.eventLoops = new MultiThreadIoEventLoopGroup(ioThreads, (Runnable r) -> {
            Thread t = named.newThread(r);
            eventLoopThreads.add(t);
            return t;
        }, NioIoHandler.newFactory());
        Bootstrap base = new Bootstrap().group(eventLoops).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                .option(ChannelOption.RECVBUF_ALLOCATOR,
                        new FixedRecvByteBufAllocator(ClientConfig.READ_SIZE).maxMessagesPerRead(READS_PER_EVENT))
                .remoteAddress(config.host(), config.port());
        List<EventLoopLanes> perLoop = new ArrayList<>();
        for (EventExecutor loop : eventLoops) {
            perLoop.add(new EventLoopLanes((EventLoop) loop, base, config.keepAlive(), this::initPipeline));
        }
        this.lanes = List.copyOf(perLoop);
    }

    public ClientConfig config() {
        return config;
    }

    /** The event loops; models that want their own work on the I/O threads may schedule there. */
    public EventLoopGroup eventLoops() {
        return eventLoops;
    }

    /** Starts downloading a page; the callback hears the outcome once, usually on an event-loop thread. */
    public PageCall get(PageRequest request, PageCallback callback) {
        EventLoopLanes dealt = lanes.get(Math.floorMod(turn.getAndIncrement(), lanes.size()));
        NettyExchange exchange = new NettyExchange(this, dealt, request, callback);
        exchange.start();
        return exchange;
    }

    /** How many connections are open now, idle or busy. */
    public int openConnections() {
        return channels.size();
    }

    boolean isClosed() {
        return closed;
    }

    void discard(Channel ch) {
        ch.close();
    }

    private void initPipeline(Channel ch) {
        channels.add(ch);
        ch.pipeline().addLast(new HttpClientCodec(), new ExchangeHandler());
    }

    /**
     * Closes every connection, then stops the event loops and waits for their threads to end (Netty
     * reports a loop terminated a moment before its thread exits, so the threads are joined too).
     */
    @Override
    public void close() {
        closed = true;
        try {
            channels.close().awaitUninterruptibly();
            lanes.forEach(EventLoopLanes::close);
        } finally {
            eventLoops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
            for (Thread t : eventLoopThreads) {
                try {
                    t.join(TimeUnit.SECONDS.toMillis(5));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Hands what the codec decodes on a channel to the exchange currently using it. */
    private static final class ExchangeHandler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                NettyExchange exchange = ctx.channel().attr(EXCHANGE).get();
                if (exchange != null && msg instanceof HttpObject message) {
                    exchange.onMessage(message);
                } else {
                    ctx.close();
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            NettyExchange exchange = ctx.channel().attr(EXCHANGE).getAndSet(null);
            if (exchange != null) {
                exchange.onClosed();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            NettyExchange exchange = ctx.channel().attr(EXCHANGE).getAndSet(null);
            if (exchange != null) {
                exchange.onError(cause);
            }
            ctx.close();
        }
    }
}
