package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import dev.whyasync.http.Page;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The eager-versus-inert table, measured at the real fixture: every idiom's download is created, left
 * unawaited for the benchmark's wait, counted at the fixture, then awaited and checked. Eager idioms
 * send their request at once; a Mono, {@code async(start = LAZY)} and an unstarted virtual thread send
 * nothing until awaited.
 */
public class InertBenchmarkTest {
    private static InertBenchmark.Fixture fixture;
    private static InertBenchmark.Blocking blocking;
    private static InertBenchmark.Netty netty;
    private static RuntimeStates.CorePool pool;
    private static RuntimeStates.Actors actors;
    private static RuntimeStates.Coroutines coroutines;
    private static InertBenchmark.Control control;

    /** The benchmark, seen by the test compilation so that JMH can run it from the test classpath. */
    public static class Run extends InertBenchmark {
    }

    /** Creates one download in a model's idiom on the benchmark. */
    private interface Create {
        void on(InertBenchmark benchmark);
    }

    @BeforeAll
    static void startFixtureAndRuntimes() throws Exception {
        fixture = new InertBenchmark.Fixture();
        fixture.start();
        control = new InertBenchmark.Control();
        control.measure(fixture);
        blocking = new InertBenchmark.Blocking();
        blocking.start(fixture);
        netty = new InertBenchmark.Netty();
        netty.start(fixture);
        pool = new RuntimeStates.CorePool();
        pool.start();
        actors = new RuntimeStates.Actors();
        actors.start();
        coroutines = new RuntimeStates.Coroutines();
        coroutines.start();
    }

    @AfterAll
    static void stopEverything() throws InterruptedException {
        coroutines.stop();
        actors.stop();
        pool.stop();
        netty.stop();
        blocking.stop();
        fixture.stop();
        MicroRuntimes.assertNoRuntimeThreadLeft();
    }

    @Test
    void eagerIdiomsSendTheirRequestBeforeTheAwaitAndInertOnesDoNot() throws Exception {
        Map<String, Create> idioms = new LinkedHashMap<>();
        idioms.put("threads", b -> b.threads(blocking));
        idioms.put("pool", b -> b.pool(blocking, pool));
        idioms.put("callbacks", b -> b.callbacks(netty));
        idioms.put("futures", b -> b.futures(netty));
        idioms.put("virtual", b -> b.virtual(blocking));
        idioms.put("virtualUnstarted", b -> b.virtualUnstarted(blocking));
        idioms.put("actors", b -> b.actors(netty, actors));
        idioms.put("coroutines", b -> b.coroutines(netty, coroutines));
        idioms.put("coroutinesLazy", b -> b.coroutinesLazy(netty, coroutines));
        idioms.put("reactive", b -> b.reactive(netty));
        Map<String, Double> requests = new LinkedHashMap<>();
        for (Map.Entry<String, Create> idiom : idioms.entrySet()) {
            requests.put(idiom.getKey(), requestsBeforeAwait(idiom.getValue()).get(InertBenchmark.REQUESTS_BEFORE_AWAIT));
        }
        Map<String, Double> expected = new LinkedHashMap<>();
        idioms.keySet().forEach(model -> expected.put(model, 1.0));
        expected.put("virtualUnstarted", 0.0);
        expected.put("coroutinesLazy", 0.0);
        expected.put("reactive", 0.0);
        assertEquals(expected, requests);
    }

    @Test
    void anEagerDownloadIsEagerHoweverLateItsRequestComesWithinTheBound() throws Exception {
        long lateMillis = 400;
        assertTrue(control.boundNanos() > TimeUnit.MILLISECONDS.toNanos(2 * lateMillis), "the bound is at least 1 s");
        Map<String, Double> reported = requestsBeforeAwait(b -> b.unawaited = late(lateMillis));
        assertEquals(1.0, reported.get(InertBenchmark.REQUESTS_BEFORE_AWAIT), "a request 400 ms late, past the old 300 ms stopwatch, is still eager");
        assertTrue(reported.get(InertBenchmark.WAITED) >= lateMillis, "watched until it came: " + reported);
        assertTrue(reported.get(InertBenchmark.CONTROL_ARRIVAL) > 0, reported.toString());
    }

    /** An eager download whose request leaves only after {@code millis}: a slow eager model, planted. */
    private static UnawaitedDownloads.Unawaited late(long millis) {
        FutureTask<Page> download = new FutureTask<>(() -> {
            Thread.sleep(millis);
            return blocking.transport.get(InertBenchmark.REQUEST);
        });
        Thread.ofPlatform().start(download);
        return download::get;
    }

    /** One invocation of the benchmark's own code, outside JMH: what it reported, by metric. */
    private static Map<String, Double> requestsBeforeAwait(Create create) throws Exception {
        InertBenchmark benchmark = new InertBenchmark();
        ReportedMetricsProfiler profiler = new ReportedMetricsProfiler();
        profiler.beforeIteration(null, null);
        benchmark.countRequests(fixture);
        create.on(benchmark);
        benchmark.countThenAwait(fixture, control);
        Map<String, Double> reported = new LinkedHashMap<>();
        profiler.afterIteration(null, null, null).forEach(r -> reported.put(r.getLabel(), r.getScore()));
        return reported;
    }

    @Test
    void jmhRecordsRequestsBeforeAwait() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(Run.class.getName().replace('$', '.') + "\\.(futures|reactive)$")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .addProfiler(ReportedMetricsProfiler.class)
                .shouldFailOnError(true)
                .build()).run();
        Map<String, Double> requests = new LinkedHashMap<>();
        for (RunResult result : results) {
            var metric = result.getSecondaryResults().get(InertBenchmark.REQUESTS_BEFORE_AWAIT);
            assertNotNull(metric, "secondary metrics: " + result.getSecondaryResults().keySet());
            String benchmark = result.getParams().getBenchmark();
            requests.put(benchmark.substring(benchmark.lastIndexOf('.') + 1), metric.getScore());
        }
        assertEquals(Map.of("futures", 1.0, "reactive", 0.0), requests);
    }
}
