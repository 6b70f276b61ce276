package dev.whyasync.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.fixture.Fault;
import dev.whyasync.fixture.PageServer;
import dev.whyasync.http.ClientConfig;
import dev.whyasync.http.PageDownloadException;
import dev.whyasync.http.PageDownloadException.Reason;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The coroutines model against the in-process fixture over real sockets: the right bytes, typed
 * faults, a job cancel that reaches both page coroutines and closes their connections, and a
 * dispatcher of the configured size that is gone after {@code close()}.
 */
class CoroutinesModelTest {
    private static final int SLOW_MS = 5000;

    private static PageServer server;
    private CoroutinesModel model;

    @BeforeAll
    static void startFixture() {
        server = PageServer.start("127.0.0.1", 0, 1);
    }

    @AfterAll
    static void stopFixture() {
        server.close();
    }

    @BeforeEach
    void createModel() {
        awaitTrue(() -> server.stats().openConnections() == 0, "connections of earlier tests to close");
        model = new CoroutinesModel(ModelConfig.of(ClientConfig.of(server.baseUri())));
    }

    @AfterEach
    void closeModel() {
        if (model != null) {
            model.close();
            model = null;
        }
    }

    @Test
    void oneTaskCombinesBothPages() throws Exception {
        long requests = server.stats().pageRequests();
        Task task = Workload.of(1024, 0).task(7);
        Outcome outcome = new Outcome();
        model.start(task, outcome);
        assertEquals(TaskResult.expected(task), outcome.result.get(10, TimeUnit.SECONDS));
        assertEquals(requests + 2, server.stats().pageRequests());
    }

    @Test
    void batchOf64TasksAllSucceed() {
        Batch.Result result = Batch.run(model, Workload.of(1024, 0), 64, 64, Duration.ofSeconds(30));
        assertEquals(64, result.succeeded(), () -> "failures: " + result.firstFailures());
        assertEquals(0, result.failed());
    }

    @ParameterizedTest
    @CsvSource({"STATUS_500, STATUS", "RESET, RESET"})
    void faultyPageFailsTheTaskWithItsReason(Fault fault, Reason reason) throws Exception {
        Outcome outcome = new Outcome();
        model.start(new Workload(1024, 0, fault).task(0), outcome);
        assertEquals(reason, outcome.failureReason());
        closeModel();
        assertEquals(1, outcome.calls.get(), "the listener hears one outcome");
    }

    @Test
    void cancelStopsBothDownloadsAndClosesTheirConnections() throws Exception {
        long requests = server.stats().pageRequests();
        Outcome outcome = new Outcome();
        TaskRun run = model.start(Workload.of(1024, SLOW_MS).task(1), outcome);
        awaitTrue(() -> server.stats().pageRequests() == requests + 2 && server.stats().openConnections() == 2,
                "both requests to reach the fixture");
        long cancelled = System.nanoTime();
        run.cancel();
        assertEquals(Reason.CANCELLED, outcome.failureReason());
        assertTrue(System.nanoTime() - cancelled < TimeUnit.MILLISECONDS.toNanos(SLOW_MS / 2), "cancel did not wait for the pages");
        awaitTrue(() -> server.stats().openConnections() == 0, "the fixture to see both connections closed");
        assertEquals(1, outcome.calls.get());
    }

    @Test
    void cancelAfterSuccessReportsNothingMore() throws Exception {
        Outcome outcome = new Outcome();
        TaskRun run = model.start(Workload.of(1024, 0).task(3), outcome);
        outcome.result.get(10, TimeUnit.SECONDS);
        run.cancel();
        closeModel();
        assertEquals(1, outcome.calls.get());
    }

    @Test
    void closeCancelsTasksInFlight() throws Exception {
        Outcome outcome = new Outcome();
        model.start(Workload.of(1024, SLOW_MS).task(4), outcome);
        awaitTrue(() -> server.stats().openConnections() == 2, "both connections to open");
        closeModel();
        assertEquals(Reason.CANCELLED, outcome.failureReason());
    }

    @Test
    void closeLeavesNoThreadOfTheModel() throws Exception {
        closeModel();
        Set<Thread> before = modelThreads();
        model = new CoroutinesModel(new ModelConfig(ClientConfig.of(server.baseUri()), 2));
        Batch.Result result = Batch.run(model, Workload.of(1024, 0), 32, 32, Duration.ofSeconds(30));
        assertEquals(32, result.succeeded(), () -> "failures: " + result.firstFailures());
        List<String> started = namesSince(before);
        long dispatcher = started.stream().filter(n -> n.startsWith(CoroutinesModel.THREAD_PREFIX)).count();
        assertTrue(dispatcher >= 1 && dispatcher <= 2, () -> "two dispatcher threads at most: " + started);
        assertTrue(started.stream().noneMatch(n -> n.startsWith("DefaultDispatcher") || n.startsWith("kotlinx.coroutines")),
                () -> "no thread of the coroutines library's own: " + started);
        closeModel();
        // a pool reports itself terminated from its last thread, which may still be returning
        for (Thread t : modelThreads()) {
            if (!before.contains(t)) {
                t.join(Duration.ofSeconds(2));
            }
        }
        assertEquals(List.of(), namesSince(before), "threads left after close");
    }

    /** Names of the threads alive now that were not alive at {@code before}. */
    private static List<String> namesSince(Set<Thread> before) {
        return modelThreads().stream().filter(t -> !before.contains(t) && t.isAlive()).map(Thread::getName).sorted().toList();
    }

    /**
     * Live threads but the fixture's (started on its first connection) and Netty's JVM-wide executor,
     * which every channel group shares and which ends by itself when idle.
     */
    private static Set<Thread> modelThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !t.getName().startsWith(PageServer.THREAD_PREFIX) && !t.getName().startsWith("globalEventExecutor"))
                .collect(Collectors.toSet());
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

    /** A listener that keeps the one outcome and counts how often it was called. */
    private static final class Outcome implements TaskListener {
        final CompletableFuture<TaskResult> result = new CompletableFuture<>();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public void onSuccess(TaskResult r) {
            calls.incrementAndGet();
            result.complete(r);
        }

        @Override
        public void onFailure(Throwable error) {
            calls.incrementAndGet();
            result.completeExceptionally(error);
        }

        Reason failureReason() throws InterruptedException {
            try {
                result.get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                return assertInstanceOf(PageDownloadException.class, e.getCause()).reason();
            } catch (TimeoutException e) {
                throw new AssertionError("the listener heard nothing within 10 s", e);
            }
            throw new AssertionError("the task succeeded");
        }
    }
}
