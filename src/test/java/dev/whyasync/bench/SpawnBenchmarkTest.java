package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Each model's spawn+join really starts a unit of that model per spawn and returns only after the
 * last one ran; the benchmark itself runs under JMH and scores every method above zero.
 */
public class SpawnBenchmarkTest {
    private static final int COUNT = 5;

    private static MicroRuntimes runtimes;

    /** The benchmark, seen by the test compilation so that JMH can run it from the test classpath. */
    public static class Run extends SpawnBenchmark {
    }

    @BeforeAll
    static void startRuntimes() {
        runtimes = MicroRuntimes.start();
    }

    @AfterAll
    static void closeRuntimesAndLeaveNothingBehind() throws InterruptedException {
        runtimes.close();
    }

    /** Records the thread of every unit that ran. */
    private static final class Ran implements Runnable {
        final List<Thread> on = new CopyOnWriteArrayList<>();

        @Override
        public void run() {
            on.add(Thread.currentThread());
        }

        void assertAll(Predicate<Thread> expected, String what) {
            assertEquals(COUNT, on.size(), "every spawned unit ran before the spawn+join returned");
            on.forEach(t -> assertTrue(expected.test(t), t + " is not " + what));
        }

        Set<Thread> distinct() {
            return on.stream().collect(Collectors.toSet());
        }
    }

    @Test
    void threadsStartANewPlatformThreadPerSpawn() throws Exception {
        Ran ran = new Ran();
        SpawnJoins.threads(COUNT, ran);
        ran.assertAll(t -> !t.isVirtual() && t != Thread.currentThread(), "a new platform thread");
        assertEquals(COUNT, ran.distinct().size());
    }

    @Test
    void poolRunsEachSpawnOnAPoolThread() throws Exception {
        Ran ran = new Ran();
        SpawnJoins.pool(runtimes.pool(), COUNT, ran);
        ran.assertAll(t -> t.getName().startsWith("whyasync-micro-pool-"), "a pool thread");
    }

    @Test
    void callbacksFuturesAndReactiveRunOnTheEventLoop() throws Exception {
        Ran callbacks = new Ran();
        SpawnJoins.callbacks(runtimes.loop().loop(), COUNT, callbacks);
        callbacks.assertAll(runtimes.loop().loop()::inEventLoop, "the event loop");
        Ran futures = new Ran();
        SpawnJoins.futures(runtimes.loop().loop(), COUNT, futures).join();
        futures.assertAll(runtimes.loop().loop()::inEventLoop, "the event loop");
        Ran reactive = new Ran();
        SpawnJoins.reactive(runtimes.loop().scheduler(), COUNT, reactive);
        reactive.assertAll(runtimes.loop().loop()::inEventLoop, "the event loop");
    }

    @Test
    void virtualStartsANewVirtualThreadPerSpawn() throws Exception {
        Ran ran = new Ran();
        SpawnJoins.virtual(COUNT, ran);
        ran.assertAll(Thread::isVirtual, "a virtual thread");
        assertEquals(COUNT, ran.distinct().size());
    }

    @Test
    void actorsSpawnAChildPerSpawnOnTheDispatcher() {
        Ran ran = new Ran();
        ActorRef<SpawnJoins.ParentMessage> parent = runtimes.actors().spawn(SpawnJoins.parent(ran)).join();
        SpawnJoins.actors(parent, COUNT);
        ran.assertAll(t -> t.getName().startsWith("whyasync-micro-actors"), "an actor dispatcher thread");
    }

    @Test
    void coroutinesLaunchOnTheDispatcher() {
        Ran ran = new Ran();
        SpawnJoins.coroutines(runtimes.coroutines().scope(), COUNT, ran);
        ran.assertAll(t -> t.getName().startsWith("whyasync-micro-coroutines-"), "a dispatcher thread");
    }

    @Test
    void jmhScoresSpawnJoinInNanoseconds() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(Run.class.getName().replace('$', '.') + "\\.(sequential|callbacks|coroutines)$")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1).measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .build()).run();
        assertEquals(3, results.size());
        for (RunResult result : results) {
            assertNotNull(result.getPrimaryResult());
            assertEquals("ns/op", result.getPrimaryResult().getScoreUnit());
            String method = result.getParams().getBenchmark();
            double score = result.getPrimaryResult().getScore();
            assertTrue(method.endsWith("sequential") ? score >= 0 : score > 0, method + " scored " + score);
        }
    }
}
