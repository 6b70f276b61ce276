package dev.whyasync.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.fixture.Fault;
import dev.whyasync.fixture.PageServer;
import dev.whyasync.http.ClientConfig;
import dev.whyasync.http.PageDownloadException.Reason;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The promises of {@link ConcurrencyModel} and {@link TaskRun}, one test per promise, for every model:
 * both pages fetched once each, the listener told exactly once, a cancel that closes the task's
 * connections, and a close that ends tasks in flight. The fixture runs in this JVM so that its own
 * counters (page requests, open connections) show what a model did on the wire.
 * <p>
 * The sequential control runs a task on the caller and returns its {@link TaskRun} only once the task
 * has ended, so it has no cancel handle while a download is under way: the mid-download cancel
 * leaves it out, and close reaches its task in flight from another thread.
 */
class ModelContractTest {
    private static final int SLOW_MS = 5_000;

    @AutoClose
    private static final PageServer server = PageServer.start("127.0.0.1", 0, 1);

    private ConcurrencyModel model;
    private long connectionsBefore;

    @BeforeEach
    void noteOpenConnections() {
        connectionsBefore = server.stats().openConnections();
    }

    /** Fails the test whose model leaves a connection open, rather than the tests after it. */
    @AfterEach
    void closeModelAndAwaitItsConnectionsClosed() {
        closeModel();
        awaitTrue(() -> server.stats().openConnections() <= connectionsBefore, "the fixture to see every connection closed");
    }

    private void closeModel() {
        if (model != null) {
            model.close();
            model = null;
        }
    }

    private ConcurrencyModel open(ModelKind kind) {
        model = kind.create(ModelConfig.of(ClientConfig.of(server.baseUri())));
        return model;
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void oneTaskCombinesBothPagesFromTwoRequests(ModelKind kind) throws Exception {
        long requests = server.stats().pageRequests();
        Task task = Workload.of(1024, 0).task(7);
        TaskOutcome outcome = new TaskOutcome();
        open(kind).start(task, outcome);
        assertEquals(TaskResult.expected(task), outcome.await(10));
        assertEquals(requests + 2, server.stats().pageRequests(), "one request per page, no retry");
    }

    static Stream<Arguments> faults() {
        return Stream.of(ModelKind.values()).flatMap(kind -> Stream.of(
                Arguments.of(kind, Fault.STATUS_500, Reason.STATUS), Arguments.of(kind, Fault.RESET, Reason.RESET)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("faults")
    void aFaultyPageReachesTheListenerOnceWithItsReason(ModelKind kind, Fault fault, Reason reason) throws Exception {
        TaskOutcome outcome = new TaskOutcome();
        open(kind).start(new Workload(1024, 0, fault).task(0), outcome);
        assertEquals(reason, outcome.awaitFailureReason(10));
        // both pages fail; closing lets a second report, if there is one, arrive before the count
        closeModel();
        assertEquals(1, outcome.calls(), "the listener hears one outcome");
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = "SEQUENTIAL", mode = EnumSource.Mode.EXCLUDE)
    void cancelMidDownloadEndsTheTaskAndClosesItsConnections(ModelKind kind) throws Exception {
        long requests = server.stats().pageRequests();
        TaskOutcome outcome = new TaskOutcome();
        TaskRun run = open(kind).start(Workload.of(1024, SLOW_MS).task(1), outcome);
        awaitPagesInFlight(requests, kind.connectionsPerTask());
        long cancelled = System.nanoTime();
        run.cancel();
        assertEquals(Reason.CANCELLED, outcome.awaitFailureReason(10));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelled);
        assertTrue(millis < SLOW_MS / 2, "cancel took " + millis + " ms, as if it waited for the pages");
        awaitTrue(() -> server.stats().openConnections() <= connectionsBefore, "the fixture to see both connections closed");
        assertEquals(1, outcome.calls(), "the listener hears one outcome");
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void cancelAfterSuccessReportsNothingMore(ModelKind kind) throws Exception {
        TaskOutcome outcome = new TaskOutcome();
        TaskRun run = open(kind).start(Workload.of(1024, 0).task(3), outcome);
        outcome.await(10);
        run.cancel();
        closeModel();
        assertEquals(1, outcome.calls(), "the listener hears one outcome");
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void closeWithATaskInFlightEndsItAsCancelled(ModelKind kind) throws Exception {
        long requests = server.stats().pageRequests();
        ConcurrencyModel started = open(kind);
        TaskOutcome outcome = new TaskOutcome();
        // the control blocks its caller for the whole task, so the task gets a caller of its own
        Thread caller = Thread.ofPlatform().start(() -> started.start(Workload.of(1024, SLOW_MS).task(4), outcome));
        // ... and asks for its second page only after the first
        int pages = kind == ModelKind.SEQUENTIAL ? 1 : kind.connectionsPerTask();
        awaitPagesInFlight(requests, pages);
        closeModel();
        assertEquals(Reason.CANCELLED, outcome.awaitFailureReason(10));
        caller.join(Duration.ofSeconds(10));
        assertFalse(caller.isAlive(), "start returned after close");
        assertEquals(1, outcome.calls(), "the listener hears one outcome");
    }

    /** Waits until {@code pages} requests since {@code requests} reach the fixture, each on a connection of its own. */
    private void awaitPagesInFlight(long requests, int pages) {
        awaitTrue(() -> server.stats().pageRequests() == requests + pages
                && server.stats().openConnections() == connectionsBefore + pages, pages + " requests to reach the fixture");
    }

    private static void awaitTrue(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; fixture: " + server.stats().snapshot());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
