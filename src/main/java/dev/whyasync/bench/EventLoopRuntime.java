package dev.whyasync.bench;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * One Netty event loop (NIO, as the models' transport uses), the thread on which the callbacks,
 * futures and reactive microbenchmarks run their units, and a Reactor scheduler over the same loop,
 * so that those three models are measured on the very same thread and queue.
 */
final class EventLoopRuntime implements AutoCloseable {
    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1,
            new DefaultThreadFactory("whyasync-micro-loop", true), NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final Scheduler scheduler = Schedulers.fromExecutor(loop);

    EventLoop loop() {
        return loop;
    }

    /** Reactor's view of the loop; disposing it leaves the loop running. */
    Scheduler scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        try {
            scheduler.dispose();
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
