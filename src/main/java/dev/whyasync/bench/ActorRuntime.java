package dev.whyasync.bench;

import dev.whyasync.model.ActorsModel;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * A Pekko typed actor system on {@code threads} Netty event loops, built as the actors model builds its
 * own on its transport's loops, whose guardian spawns whatever behaviour it is sent: in Pekko typed
 * only an actor can spawn an actor, so a spawn from outside is a message to the guardian.
 */
final class ActorRuntime implements AutoCloseable {
    private static final long TERMINATION_SECONDS = 30;

    private final EventLoopGroup loops;
    private final ActorSystem<SpawnRequest> system;

    ActorRuntime(int threads) {
        loops = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("whyasync-micro-actors", true),
                NioIoHandler.newFactory());
        system = ActorsModel.system(Behaviors.receive((context, request) -> {
            request.spawnIn(context);
            return Behaviors.same();
        }), "whyasync-micro-actors", loops);
    }

    /** Asks the guardian to spawn an actor; the future completes with its reference once it exists. */
    <T> CompletableFuture<ActorRef<T>> spawn(Behavior<T> behavior) {
        CompletableFuture<ActorRef<T>> spawned = new CompletableFuture<>();
        system.tell(new Spawn<>(behavior, spawned));
        return spawned;
    }

    private interface SpawnRequest {
        void spawnIn(ActorContext<SpawnRequest> guardian);
    }

    private record Spawn<T>(Behavior<T> behavior, CompletableFuture<ActorRef<T>> spawned) implements SpawnRequest {
        @Override
        public void spawnIn(ActorContext<SpawnRequest> guardian) {
            spawned.complete(guardian.spawnAnonymous(behavior));
        }
    }

    /** Stops every actor and waits for the system to end, then stops the loops it ran on. */
    @Override
    public void close() {
        try {
            system.terminate();
            system.getWhenTerminated().toCompletableFuture().get(TERMINATION_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the actor system whyasync-micro-actors did not terminate", e);
        } finally {
            loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
