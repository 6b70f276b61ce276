package dev.whyasync.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.fixture.Fault;
import dev.whyasync.fixture.PageServer;
import dev.whyasync.http.ClientConfig;
import dev.whyasync.http.PageDownloadException.Reason;
import dev.whyasync.http.PageRequest;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A model retries a page only when asked to: with no retries a failing page fails its task after one
 * request and no retry is reported; with one, the page is asked for once more and the retry is
 * reported. And the models that build a retry out of library operators (futures, reactive) build
 * none when there are no retries, which shows in what starting a task allocates.
 */
class RetryPlumbingTest {
    /** Bytes per task that the retry operators cost at the least: a future or an operator and its subscriber per page. */
    private static final long OPERATOR_BYTES = 100;
    private static final int WARMUP_TASKS = 200;
    private static final int MEASURED_TASKS = 200;

    @AutoClose
    private static final PageServer server = PageServer.start("127.0.0.1", 0, 1);

    static Stream<Arguments> kindsAndRetries() {
        return Stream.of(ModelKind.values()).flatMap(kind -> Stream.of(Arguments.of(kind, 0), Arguments.of(kind, 1)));
    }

    @ParameterizedTest(name = "{0} retries={1}")
    @MethodSource("kindsAndRetries")
    void aFailingPageIsRetriedExactlyAsOftenAsAsked(ModelKind kind, int retries) throws Exception {
        Task task = new Task(0, PageRequest.of(0, 1024, 0), new PageRequest(1, 1024, 0, Fault.STATUS_500));
        long requests = server.stats().pageRequests();
        AtomicInteger retried = new AtomicInteger();
        TaskOutcome outcome = new TaskOutcome();
        try (ConcurrencyModel model = kind.create(new ModelConfig(ClientConfig.of(server.baseUri()), 0, retries))) {
            model.start(task, new TaskListener() {
                @Override
                public void onSuccess(TaskResult result) {
                    outcome.onSuccess(result);
                }

                @Override
                public void onFailure(Throwable error) {
                    outcome.onFailure(error);
                }

                @Override
                public void onRetry(Throwable error) {
                    retried.incrementAndGet();
                }
            });
            assertEquals(Reason.STATUS, outcome.awaitFailureReason(10));
        }
        assertEquals(retries, retried.get(), "retries reported");
        assertEquals(1, outcome.calls(), "the listener hears one outcome");
        // the healthy sibling may be cancelled before its request leaves, so it counts 0 or 1
        long made = server.stats().pageRequests() - requests;
        assertTrue(made >= 1 + retries && made <= 2 + retries, made + " page requests with " + retries + " retries");
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = {"FUTURES", "REACTIVE"})
    void withoutRetriesStartingATaskBuildsNoRetryOperator(ModelKind kind) throws Exception {
        long with = bytesToStartATask(kind, 2);
        long without = bytesToStartATask(kind, 0);
        assertTrue(without + OPERATOR_BYTES <= with,
                kind + " allocates " + without + " bytes to start a task without retries, " + with + " with two");
    }

    /** What starting one task allocates on the caller's thread, on average once the model is warm. */
    private static long bytesToStartATask(ModelKind kind, int retries) throws Exception {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long measured = 0;
        try (ConcurrencyModel model = kind.create(new ModelConfig(ClientConfig.of(server.baseUri()), 0, retries))) {
            for (int i = 0; i < WARMUP_TASKS + MEASURED_TASKS; i++) {
                Task task = Workload.of(64, 0).task(i);
                TaskOutcome outcome = new TaskOutcome();
                long before = threads.getCurrentThreadAllocatedBytes();
                model.start(task, outcome);
                long bytes = threads.getCurrentThreadAllocatedBytes() - before;
                measured += i < WARMUP_TASKS ? 0 : bytes;
                outcome.await(10);
            }
        }
        return measured / MEASURED_TASKS;
    }
}
