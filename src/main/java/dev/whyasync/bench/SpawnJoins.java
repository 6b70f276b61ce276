package dev.whyasync.bench;

import dev.whyasync.model.CoroutinePrimitives;
import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import kotlinx.coroutines.CoroutineScope;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Spawn a unit of concurrency that runs {@code work} (for the benchmark, nothing) and wait for it to
 * end, {@code count} times in a row, in each model's own idiom. The waiting is done by a unit of the same model wherever the model has
 * its own way to wait (a virtual thread joins a virtual thread, a coroutine joins a coroutine, an
 * actor waits for its child's reply, a callback or a stage continues in the next one), because a
 * platform thread that waits for anything pays an OS wake-up, microseconds that would hide the
 * model's own cost; the one hand-off from the caller to that parent is shared by the whole batch.
 */
final class SpawnJoins {
    static final Runnable NOTHING = () -> { };
    private static final ThreadFactory PLATFORM = Thread.ofPlatform().name("whyasync-spawned").factory();

    private SpawnJoins() {
    }

    /** The baseline: the work called in place. */
    static void sequential(int count, Runnable work) {
        for (int i = 0; i < count; i++) {
            work.run();
        }
    }

    static void threads(int count, Runnable work) throws InterruptedException {
        for (int i = 0; i < count; i++) {
            Thread child = PLATFORM.newThread(work);
            child.start();
            child.join();
        }
    }

    static void pool(ExecutorService pool, int count, Runnable work) throws InterruptedException, ExecutionException {
        for (int i = 0; i < count; i++) {
            pool.submit(work).get();
        }
    }

    static void virtual(int count, Runnable work) throws InterruptedException {
        Thread.ofVirtual().start(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    Thread.ofVirtual().start(work).join();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }).join();
    }

    /** {@code submit} on the loop, and the next spawn in the listener of the previous one's future. */
    static void callbacks(EventLoop loop, int count, Runnable work) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        loop.execute(() -> spawnThenContinue(loop, count, work, done));
        done.await();
    }

    private static void spawnThenContinue(EventLoop loop, int left, Runnable work, CountDownLatch done) {
        loop.submit(work).addListener(ended -> {
            if (left == 1) {
                done.countDown();
            } else {
                spawnThenContinue(loop, left - 1, work, done);
            }
        });
    }

    /** {@code runAsync} on the loop, joined by composing the next spawn onto it. */
    static CompletableFuture<Void> futures(Executor loop, int count, Runnable work) {
        return CompletableFuture.runAsync(work, loop)
                .thenCompose(ended -> count == 1 ? CompletableFuture.completedFuture(null) : futures(loop, count - 1, work));
    }

    /** {@code Mono.fromRunnable(...).subscribeOn(loop)}, each subscribed when the previous one completed. */
    static void reactive(Scheduler loop, int count, Runnable work) {
        Flux.range(0, count).concatMap(i -> Mono.fromRunnable(work).subscribeOn(loop)).then().block();
    }

    /** {@code launch { }.join()} inside one coroutine of the scope. */
    static void coroutines(CoroutineScope scope, int count, Runnable work) {
        CoroutinePrimitives.launchAndJoin(scope, count, work).join();
    }

    /** What the parent actor hears: a batch to spawn from outside, or a child's reply. */
    sealed interface ParentMessage permits Batch, ChildReplied {
    }

    record Batch(int count, CompletableFuture<Void> done) implements ParentMessage {
    }

    enum ChildReplied implements ParentMessage {
        INSTANCE
    }

    /** An actor that spawns a child which runs {@code work}, replies and stops; waits for the reply; repeats. */
    static Behavior<ParentMessage> parent(Runnable work) {
        return Behaviors.setup(context -> new Parent(context, work));
    }

    static void actors(ActorRef<ParentMessage> parent, int count) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        parent.tell(new Batch(count, done));
        done.join();
    }

    private static final class Parent extends AbstractBehavior<ParentMessage> {
        private final Behavior<Void> child;
        private int left;
        private CompletableFuture<Void> done;

        Parent(ActorContext<ParentMessage> context, Runnable work) {
            super(context);
            ActorRef<ParentMessage> self = context.getSelf();
            child = Behaviors.setup(c -> {
                work.run();
                self.tell(ChildReplied.INSTANCE);
                return Behaviors.stopped();
            });
        }

        @Override
        public Receive<ParentMessage> createReceive() {
            return newReceiveBuilder()
                    .onMessage(Batch.class, batch -> {
                        left = batch.count();
                        done = batch.done();
                        getContext().spawnAnonymous(child);
                        return this;
                    })
                    .onMessageEquals(ChildReplied.INSTANCE, () -> {
                        if (--left == 0) {
                            done.complete(null);
                        } else {
                            getContext().spawnAnonymous(child);
                        }
                        return this;
                    })
                    .build();
        }
    }
}
