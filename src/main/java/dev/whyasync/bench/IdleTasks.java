package dev.whyasync.bench;

import dev.whyasync.model.CoroutinePrimitives;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.Promise;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import kotlin.Unit;
import kotlinx.coroutines.CompletableDeferred;
import kotlinx.coroutines.CoroutineScope;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import reactor.core.publisher.Sinks;

/**
 * {@code count} idle tasks of one model: each unit started and waiting for an event of its own, as an
 * IO-bound task waits on its own socket, so the memory per task includes its event and the reference
 * the benchmark keeps to fire it. Each factory returns once every task is waiting (threads: parked).
 * A pool is the exception: it cannot hold more tasks waiting than it has threads, so its threads are
 * made busy and its idle tasks are jobs queued behind them, not started.
 */
final class IdleTasks {
    private static final long FINISH_SECONDS = 120;
    private static final Thread[] NO_THREADS = {};

    private IdleTasks() {
    }

    /** Tasks that are all waiting, how to fire their events, and the threads to join once they finished. */
    record Held(int count, Runnable fire, CountDownLatch finished, Thread[] threads) {

        /** Fires every event and returns once every task has finished. */
        void release() throws InterruptedException {
            fire.run();
            if (!finished.await(FINISH_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the " + count + " idle tasks had not all finished " + FINISH_SECONDS
                        + " s after their release (" + finished.getCount() + " waits left)");
            }
            for (Thread thread : threads) {
                thread.join();
            }
        }
    }

    /** A thread of {@code builder} (platform or virtual) per task, parked on a latch of its own. */
    static Held threads(Thread.Builder builder, int count) {
        CountDownLatch finished = new CountDownLatch(count);
        List<CountDownLatch> events = new ArrayList<>(count);
        Thread[] threads = new Thread[count];
        for (int i = 0; i < count; i++) {
            CountDownLatch event = new CountDownLatch(1);
            events.add(event);
            threads[i] = builder.start(() -> {
                try {
                    event.await();
                    finished.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        for (Thread thread : threads) {
            while (thread.getState() != Thread.State.WAITING) {
                if (!thread.isAlive()) {
                    throw new IllegalStateException(thread + " ended before it was released");
                }
                Thread.yield();
            }
        }
        return new Held(count, () -> events.forEach(CountDownLatch::countDown), finished, threads);
    }

    /** Every thread of the pool blocked, and {@code count} jobs queued behind them. */
    static Held pool(ExecutorService pool, int poolThreads, int count) throws InterruptedException {
        CountDownLatch busy = new CountDownLatch(poolThreads);
        CountDownLatch gate = new CountDownLatch(1);
        for (int i = 0; i < poolThreads; i++) {
            pool.execute(() -> {
                busy.countDown();
                try {
                    gate.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        busy.await();
        CountDownLatch finished = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            pool.execute(() -> finished.countDown());
        }
        return new Held(count, gate::countDown, finished, NO_THREADS);
    }

    /** A promise of the event loop per task, with the task's continuation as its listener. */
    static Held callbacks(EventLoop loop, int count) {
        CountDownLatch finished = new CountDownLatch(count);
        List<Promise<Void>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Promise<Void> event = loop.newPromise();
            event.addListener(done -> finished.countDown());
            events.add(event);
        }
        return new Held(count, () -> loop.execute(() -> events.forEach(event -> event.setSuccess(null))), finished, NO_THREADS);
    }

    /** An incomplete future per task, with a dependent stage. */
    static Held futures(int count) {
        CountDownLatch finished = new CountDownLatch(count);
        List<CompletableFuture<Void>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CompletableFuture<Void> event = new CompletableFuture<>();
            event.thenRun(() -> finished.countDown());
            events.add(event);
        }
        return new Held(count, () -> events.forEach(event -> event.complete(null)), finished, NO_THREADS);
    }

    /** The message an idle actor waits for. */
    enum Go {
        INSTANCE
    }

    /** An actor per task, spawned and waiting for its message; on it, the actor finishes and stops. */
    static Held actors(ActorRuntime runtime, int count) {
        CountDownLatch finished = new CountDownLatch(count);
        List<CompletableFuture<ActorRef<Go>>> spawning = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            spawning.add(runtime.spawn(waiter(finished)));
        }
        List<ActorRef<Go>> actors = new ArrayList<>(count);
        spawning.forEach(spawned -> actors.add(spawned.join()));
        return new Held(count, () -> actors.forEach(actor -> actor.tell(Go.INSTANCE)), finished, NO_THREADS);
    }

    private static Behavior<Go> waiter(CountDownLatch finished) {
        return Behaviors.receiveMessage(go -> {
            finished.countDown();
            return Behaviors.stopped();
        });
    }

    /** A coroutine per task, suspended on a {@code CompletableDeferred} of its own. */
    static Held coroutines(CoroutineScope scope, int count) {
        CompletableDeferred<Unit>[] events = CoroutinePrimitives.events(count);
        CountDownLatch finished = new CountDownLatch(1);
        CoroutinePrimitives.awaitEach(scope, events).whenComplete((ended, error) -> {
            if (error == null) {
                finished.countDown();
            }
        });
        return new Held(count, () -> CoroutinePrimitives.release(events), finished, NO_THREADS);
    }

    /** A subscription per task to a {@code Sinks.one()} of its own. */
    static Held reactive(int count) {
        CountDownLatch finished = new CountDownLatch(count);
        List<Sinks.One<Boolean>> events = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Sinks.One<Boolean> event = Sinks.one();
            event.asMono().subscribe(value -> finished.countDown());
            events.add(event);
        }
        return new Held(count, () -> events.forEach(event -> event.emitValue(true, Sinks.EmitFailureHandler.FAIL_FAST)),
                finished, NO_THREADS);
    }
}
