package dev.whyasync.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.ResourceSnapshot;
import dev.whyasync.fixture.Fault;
import dev.whyasync.fixture.FixtureProcess;
import dev.whyasync.http.ClientConfig;
import dev.whyasync.http.PageDownloadException;
import dev.whyasync.http.PageDownloadException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every model against the fixture in its own JVM, over real sockets: correct bytes at every
 * concurrency, size and delay; a typed error within the timeout for every fault; cancellation that
 * closes connections; and nothing left behind after {@code close()}.
 */
class EveryModelTest {
    private static final Duration FAULT_TIMEOUT = Duration.ofMillis(2_000);
    private static FixtureProcess fixture;

    @BeforeAll
    static void startFixture() {
        fixture = FixtureProcess.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopFixture() {
        fixture.close();
    }

    private static ConcurrencyModel create(ModelKind kind, ClientConfig client) {
        // a pool of two threads would need 20 s for 2048 pages of 20 ms; the servlet-sized pool is tested here
        return kind.create(new ModelConfig(client, kind == ModelKind.POOL ? 200 : 0));
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (ModelKind kind : ModelKind.values()) {
            for (int concurrency : new int[] {1, 64, 1024}) {
                for (int size : new int[] {1024, 65_536}) {
                    for (int delay : new int[] {0, 20}) {
                        cases.add(Arguments.of(kind, concurrency, size, delay));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} C={1} size={2} delay={3}ms")
    @MethodSource("matrix")
    void downloadsCorrectBytesAtEveryConcurrencySizeAndDelay(ModelKind kind, int concurrency, int size, int delay) {
        // the control runs one task at a time: 1024 tasks of 2 x 20 ms would take 41 s, so it runs fewer
        int tasks = kind == ModelKind.SEQUENTIAL && delay > 0 ? Math.min(concurrency, 32) : concurrency;
        try (ConcurrencyModel model = create(kind, ClientConfig.of(fixture.baseUri()))) {
            Batch.Result result = Batch.run(model, Workload.of(size, delay), tasks, concurrency, Duration.ofSeconds(120));
            assertEquals(List.of(), result.firstFailures());
            assertEquals(tasks, result.succeeded());
            assertEquals(2L * size * tasks, result.bytes());
            if (kind == ModelKind.SEQUENTIAL) {
                assertEquals(1, result.peakInFlight(), "the control never overlaps tasks");
            } else if (concurrency > 1 && delay > 0) {
                assertTrue(result.peakInFlight() > 1, "tasks overlap: peak " + result.peakInFlight());
            }
        }
    }

    static Stream<Arguments> faults() {
        List<Arguments> cases = new ArrayList<>();
        Object[][] expected = {
                {Fault.STATUS_500, Reason.STATUS}, {Fault.RESET, Reason.RESET}, {Fault.STALL, Reason.TIMEOUT},
                {Fault.TRUNCATE, Reason.CLOSED_EARLY}, {Fault.DRIP, Reason.TIMEOUT}};
        for (ModelKind kind : ModelKind.values()) {
            for (Object[] e : expected) {
                cases.add(Arguments.of(kind, e[0], e[1]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("faults")
    void everyFaultFailsEveryModelWithATypedErrorWithinItsTimeout(ModelKind kind, Fault fault, Reason reason) {
        ClientConfig client = ClientConfig.of(fixture.baseUri()).withRequestTimeout(FAULT_TIMEOUT);
        try (ConcurrencyModel model = create(kind, client)) {
            long start = System.nanoTime();
            Batch.Result result = Batch.run(model, new Workload(1024, 0, fault), 4, 4, Duration.ofSeconds(30));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(4, result.failed());
            for (Throwable failure : result.firstFailures()) {
                PageDownloadException e = assertInstanceOf(PageDownloadException.class, failure);
                assertEquals(reason, e.reason(), e.getMessage());
            }
            // the sequential control meets its faults one after another
            long bound = (kind == ModelKind.SEQUENTIAL ? 4 : 1) * FAULT_TIMEOUT.toMillis() + 3_000;
            assertTrue(millis < bound, kind + " took " + millis + " ms for " + fault);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = "SEQUENTIAL", mode = EnumSource.Mode.EXCLUDE)
    void cancelStopsATaskMidDownloadAndClosesItsConnections(ModelKind kind) throws Exception {
        ResourceSnapshot before = ResourceSnapshot.take();
        try (ConcurrencyModel model = create(kind, ClientConfig.of(fixture.baseUri()))) {
            TaskOutcome outcome = new TaskOutcome();
            TaskRun run = model.start(Workload.of(1024, 5_000).task(7), outcome);
            Thread.sleep(300);
            long start = System.nanoTime();
            run.cancel();
            Throwable error = outcome.awaitFailure(5);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            PageDownloadException e = assertInstanceOf(PageDownloadException.class, error);
            assertEquals(Reason.CANCELLED, e.reason(), e.getMessage());
            assertTrue(millis < 2_000, "cancel took " + millis + " ms, the server delay is 5000 ms");
            assertEquals(1, outcome.calls(), "the listener hears one outcome");
            assertEquals("", ResourceSnapshot.leftoversSince(before, Duration.ofSeconds(3)).replaceAll("threads \\[.*]", "").trim(),
                    "the cancelled task's sockets are closed");
        }
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void closeLeavesTheSameThreadsAndNoSocketBehind(ModelKind kind) throws Exception {
        ResourceSnapshot before = ResourceSnapshot.take();
        try (ConcurrencyModel model = create(kind, ClientConfig.of(fixture.baseUri()))) {
            Batch.Result result = Batch.run(model, Workload.of(4096, 10), 64, 32, Duration.ofSeconds(60));
            assertEquals(64, result.succeeded());
        }
        assertEquals("", ResourceSnapshot.leftoversSince(before, Duration.ofSeconds(5)));
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = "SEQUENTIAL", mode = EnumSource.Mode.EXCLUDE)
    void closeWithTasksInFlightEndsThemAsCancelled(ModelKind kind) throws Exception {
        ResourceSnapshot before = ResourceSnapshot.take();
        List<TaskOutcome> outcomes = new ArrayList<>();
        ConcurrencyModel model = create(kind, ClientConfig.of(fixture.baseUri()));
        for (int i = 0; i < 8; i++) {
            TaskOutcome outcome = new TaskOutcome();
            outcomes.add(outcome);
            model.start(Workload.of(1024, 5_000).task(i), outcome);
        }
        Thread.sleep(200);
        CompletableFuture.runAsync(model::close).get(10, TimeUnit.SECONDS);
        for (TaskOutcome outcome : outcomes) {
            Throwable error = outcome.awaitFailure(5);
            assertInstanceOf(PageDownloadException.class, error, String.valueOf(error));
        }
        assertEquals("", ResourceSnapshot.leftoversSince(before, Duration.ofSeconds(5)));
    }
}
