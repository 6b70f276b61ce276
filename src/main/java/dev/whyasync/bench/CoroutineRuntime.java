package dev.whyasync.bench;

import dev.whyasync.model.CoroutinePrimitives;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.TimeUnit;
import kotlinx.coroutines.CoroutineScope;

/**
 * A coroutine scope on {@code threads} Netty event loops, dispatched as the coroutines model dispatches
 * on its transport's loops; closing it cancels and joins every coroutine, then stops the loops.
 */
final class CoroutineRuntime implements AutoCloseable {
    private final EventLoopGroup loops;
    private final CoroutineScope scope;

    CoroutineRuntime(int threads) {
        loops = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("whyasync-micro-coroutines", true),
                NioIoHandler.newFactory());
        scope = CoroutinePrimitives.scope(loops);
    }

    CoroutineScope scope() {
        return scope;
    }

    @Override
    public void close() {
        try {
            CoroutinePrimitives.cancelAndJoin(scope);
        } finally {
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
