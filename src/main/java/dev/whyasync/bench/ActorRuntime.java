package dev.whyasync.bench;

import dev.whyasync.model.ActorsModel;
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
 * A Pekko typed actor system on a dispatcher of {@code threads} threads, configured as the actors
 * model configures its own, whose guardian spawns whatever behaviour it is sent: in Pekko typed only
 * an actor can spawn an actor, so a spawn from outside is a message to the guardian.
 */
final class ActorRuntime implements AutoCloseable {
    private static final long TERMINATION_SECONDS = 30;

    private final ActorSystem<SpawnRequest> system;

    ActorRuntime(int threads) {
        system = ActorSystem.create(Behaviors.receive((context, request) -> {
            request.spawnIn(context);
            return Behaviors.same();
        }), "whyasync-micro-actors", ActorsModel.settings(threads));
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

    /** Stops every actor and waits for the system to end. */
    @Override
    public void close() {
        system.terminate();
        try {
            system.getWhenTerminated().toCompletableFuture().get(TERMINATION_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the actor system whyasync-micro-actors did not terminate", e);
        }
    }
}
