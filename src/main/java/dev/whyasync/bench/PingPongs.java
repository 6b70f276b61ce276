package dev.whyasync.bench;

import dev.whyasync.model.CoroutinePrimitives;
import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import kotlinx.coroutines.CoroutineScope;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import reactor.core.Disposable;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;

/**
 * Two units of one model hand control back and forth {@code roundTrips} times, two hand-offs per
 * round trip; each call returns, once the game is over, the number of hand-offs the units counted,
 * which is the proof that the game was played. The caller hands the game over once and waits once,
 * which the 2 x {@code roundTrips} switches share.
 */
final class PingPongs {

    private PingPongs() {
    }

    /** Two threads of {@code threads} (platform or virtual) on a {@link Baton}; the two starts are shared by the game. */
    static long threads(Thread.Builder threads, int roundTrips) throws InterruptedException {
        Baton baton = new Baton();
        int[] passes = new int[2];
        Thread ping = threads.start(() -> passes[0] = baton.play(0, roundTrips));
        Thread pong = threads.start(() -> passes[1] = baton.play(1, roundTrips));
        ping.join();
        pong.join();
        return passes[0] + passes[1];
    }

    /** Two pool tasks on a {@link Baton}; the pool needs two threads, or the first task waits forever. */
    static long pool(ExecutorService pool, int roundTrips) throws InterruptedException, ExecutionException {
        Baton baton = new Baton();
        Future<Integer> ping = pool.submit(() -> baton.play(0, roundTrips));
        Future<Integer> pong = pool.submit(() -> baton.play(1, roundTrips));
        return ping.get() + pong.get();
    }

    /** Two callbacks that each schedule the other on the event loop. */
    static long callbacks(EventLoop loop, int roundTrips) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Volley ping = new Volley(loop, roundTrips, done);
        Volley pong = new Volley(loop, roundTrips, done);
        ping.opponent = pong;
        pong.opponent = ping;
        loop.execute(ping);
        done.await();
        return ping.hits + pong.hits;
    }

    private static final class Volley implements Runnable {
        private final EventLoop loop;
        private final CountDownLatch done;
        private final int rounds;
        private Volley opponent;
        private int hits;

        Volley(EventLoop loop, int rounds, CountDownLatch done) {
            this.loop = loop;
            this.rounds = rounds;
            this.done = done;
        }

        @Override
        public void run() {
            if (hits == rounds) {
                done.countDown();
            } else {
                hits++;
                loop.execute(opponent);
            }
        }
    }

    /**
     * A chain of 2 x {@code roundTrips} stages, alternately ping's and pong's, each run on the loop
     * when the previous one completed: with futures a task is its chain of stages, and a switch is
     * the loop moving on to the next stage.
     */
    static long futures(Executor loop, int roundTrips) {
        int[] stagesRun = new int[1];
        stages(loop, 2 * roundTrips, () -> stagesRun[0]++).join();
        return stagesRun[0];
    }

    private static CompletableFuture<Void> stages(Executor loop, int left, Runnable stage) {
        return CompletableFuture.runAsync(stage, loop)
                .thenCompose(ran -> left == 1 ? CompletableFuture.completedFuture(null) : stages(loop, left - 1, stage));
    }

    /** A ball hit {@code hits} times so far, {@code hitsLeft} to go; the last player to get it completes {@code done}. */
    record Ball(int hits, int hitsLeft, ActorRef<Ball> from, CompletableFuture<Integer> done) {
    }

    static Behavior<Ball> player() {
        return Behaviors.setup(context -> Behaviors.receiveMessage(ball -> {
            if (ball.hitsLeft() == 0) {
                ball.done().complete(ball.hits());
            } else {
                ball.from().tell(new Ball(ball.hits() + 1, ball.hitsLeft() - 1, context.getSelf(), ball.done()));
            }
            return Behaviors.same();
        }));
    }

    /** Two actors send a message back and forth: 2 x {@code roundTrips} messages between them. */
    static long actors(ActorRef<Ball> ping, ActorRef<Ball> pong, int roundTrips) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        ping.tell(new Ball(0, 2 * roundTrips, pong, done));
        return done.join();
    }

    /** Two coroutines over rendezvous channels. */
    static long coroutines(CoroutineScope scope, int roundTrips) {
        return CoroutinePrimitives.pingPong(scope, roundTrips).join();
    }

    /**
     * Two subscribers, each fed by a sink through {@code publishOn(loop)}, that answer each other:
     * Reactor has no task to switch between, and a signal crossing a scheduler boundary to another
     * subscriber is its closest equivalent. The number passed is the count of hand-offs so far.
     */
    static long reactive(Scheduler loop, int roundTrips) {
        int handOffs = 2 * roundTrips;
        Sinks.Many<Integer> toPong = Sinks.many().unicast().onBackpressureBuffer();
        Sinks.Many<Integer> toPing = Sinks.many().unicast().onBackpressureBuffer();
        Disposable pong = toPong.asFlux().publishOn(loop)
                .subscribe(n -> toPing.emitNext(n + 1, Sinks.EmitFailureHandler.FAIL_FAST));
        CompletableFuture<Integer> last = toPing.asFlux().publishOn(loop)
                .doOnNext(n -> {
                    if (n < handOffs) {
                        toPong.emitNext(n + 1, Sinks.EmitFailureHandler.FAIL_FAST);
                    }
                })
                .takeUntil(n -> n == handOffs)
                .last()
                .toFuture();
        try {
            // served from the loop too, so that every emission into a sink comes from one thread, as Reactor requires
            loop.schedule(() -> toPong.emitNext(1, Sinks.EmitFailureHandler.FAIL_FAST));
            return last.join();
        } finally {
            pong.dispose();
        }
    }
}
