package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutorService;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Every model's ping-pong plays the whole game, two hand-offs per round trip, and ends (no lost
 * wake-up); the benchmark itself runs under JMH and scores nanoseconds per switch.
 */
public class SwitchBenchmarkTest {
    private static final int ROUND_TRIPS = 200;
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static MicroRuntimes runtimes;

    /** The benchmark, seen by the test compilation so that JMH can run it from the test classpath. */
    public static class Run extends SwitchBenchmark {
    }

    @BeforeAll
    static void startRuntimes() {
        runtimes = MicroRuntimes.start();
    }

    @AfterAll
    static void closeRuntimes() throws InterruptedException {
        runtimes.close();
    }

    @Test
    void batonPassesEveryTurnBetweenPlatformThreadsWithoutLosingAWakeUp() {
        // many short games, so that a side often starts before its partner is known
        assertTimeoutPreemptively(PATIENCE, () -> {
            for (int game = 0; game < 50; game++) {
                assertEquals(2 * ROUND_TRIPS, PingPongs.threads(Thread.ofPlatform(), ROUND_TRIPS));
            }
        });
    }

    @Test
    void virtualThreadsAndPoolTasksPlayTheSameGame() {
        assertTimeoutPreemptively(PATIENCE, () -> {
            assertEquals(2 * ROUND_TRIPS, PingPongs.threads(Thread.ofVirtual(), ROUND_TRIPS));
            assertEquals(2 * ROUND_TRIPS, PingPongs.pool(runtimes.pool(), ROUND_TRIPS));
        });
    }

    @Test
    void eventLoopModelsHandOffThroughTheLoop() {
        assertTimeoutPreemptively(PATIENCE, () -> {
            assertEquals(2 * ROUND_TRIPS, PingPongs.callbacks(runtimes.loop().loop(), ROUND_TRIPS));
            assertEquals(2 * ROUND_TRIPS, PingPongs.futures(runtimes.loop().loop(), ROUND_TRIPS));
            assertEquals(2 * ROUND_TRIPS, PingPongs.reactive(runtimes.loop().scheduler(), ROUND_TRIPS));
        });
    }

    @Test
    void actorsAndCoroutinesPassTheBallBothWays() {
        assertTimeoutPreemptively(PATIENCE, () -> {
            ActorRef<PingPongs.Ball> ping = runtimes.actors().spawn(PingPongs.player()).join();
            ActorRef<PingPongs.Ball> pong = runtimes.actors().spawn(PingPongs.player()).join();
            assertEquals(2 * ROUND_TRIPS, PingPongs.actors(ping, pong, ROUND_TRIPS));
            assertEquals(2 * ROUND_TRIPS, PingPongs.coroutines(runtimes.coroutines().scope(), ROUND_TRIPS));
        });
    }

    @Test
    void jmhScoresNanosecondsPerSwitch() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(Run.class.getName().replace('$', '.') + "\\.(callbacks|actors)$")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1).measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .build()).run();
        assertEquals(2, results.size());
        for (RunResult result : results) {
            assertEquals("ns/op", result.getPrimaryResult().getScoreUnit());
            assertTrue(result.getPrimaryResult().getScore() > 0, result.getParams().getBenchmark());
        }
    }
}
