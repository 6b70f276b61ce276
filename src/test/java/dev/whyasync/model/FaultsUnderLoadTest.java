package dev.whyasync.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.fixture.Fault;
import dev.whyasync.fixture.FixtureProcess;
import dev.whyasync.http.ClientConfig;
import dev.whyasync.http.PageDownloadException;
import dev.whyasync.http.PageDownloadException.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every model under faults that the fixture (in its own JVM, over real sockets) draws by itself for
 * 5 % of page requests: 500, reset, stall, truncate, drip. Every task ends, in success with the right
 * bytes or in a typed download error, never later than its timeouts allow; errors are counted; with
 * no retry parameter nothing is retried, and with two retries per page, made in each model's own
 * idiom, the errors fall, while a cancelled task retries no more.
 * <p>
 * A run is made once per model and retry count and shared by the tests that look at it.
 */
class FaultsUnderLoadTest {
    private static final double FAULTS = 5;
    /** Short, so that stalls and drips end fast; a healthy local page takes milliseconds. */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final int SIZE = 1024;
    private static final int CONCURRENCY = 64;
    private static final int TASKS = 300;
    /** The control runs one task at a time and waits out each stall alone: fewer tasks. */
    private static final int SEQUENTIAL_TASKS = 100;
    /** Scheduling, thread starts and a loaded machine, on top of the timeouts. */
    private static final long MARGIN_MS = 3_000;
    /** What the fixture's faults turn into: stall and drip both end in the client's timeout. */
    private static final Set<Reason> FAULT_REASONS = EnumSet.of(Reason.STATUS, Reason.RESET, Reason.CLOSED_EARLY, Reason.TIMEOUT);
    private static final Map<String, Run> RUNS = new ConcurrentHashMap<>();
    private static FixtureProcess fixture;

    @BeforeAll
    static void startFixture() {
        fixture = FixtureProcess.start("127.0.0.1", 0);
    }

    @AfterAll
    static void stopFixture() {
        fixture.close();
    }

    /** One batch under faults: its result, the slowest task, and every failure that is not a typed download error. */
    private record Run(int tasks, Batch.Result result, long slowestTaskMillis, List<Throwable> untyped, long faultsPlayed) {
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void everyTaskEndsWithinItsTimeoutAndErrorsAreCountedNotRetried(ModelKind kind) {
        Run run = run(kind, 0);
        Batch.Result result = run.result();
        assertEquals(run.tasks(), result.succeeded() + result.failed(), "every task ended");
        assertEquals(List.of(), run.untyped(), "every failure is a download error of a fault's kind; every success has the right bytes");
        assertEquals(2L * SIZE * result.succeeded(), result.bytes());
        assertTrue(run.faultsPlayed() > 0, "the fixture played faults");
        assertTrue(result.failed() > 0, "5 % faults and no retry leave failed tasks: " + result);
        assertEquals(0, result.retries(), "no retry parameter, no retry");
        long bound = pagesInSeries(kind) * TIMEOUT.toMillis() + MARGIN_MS;
        assertTrue(run.slowestTaskMillis() <= bound, kind + ": the slowest task took " + run.slowestTaskMillis() + " ms");
    }

    @ParameterizedTest
    @EnumSource(ModelKind.class)
    void twoRetriesPerPageCutTheErrorsAndAreCounted(ModelKind kind) {
        Run once = run(kind, 0);
        Run retried = run(kind, 2);
        Batch.Result result = retried.result();
        assertEquals(retried.tasks(), result.succeeded() + result.failed(), "every task ended");
        assertEquals(List.of(), retried.untyped());
        assertTrue(result.retries() > 0, "retries are counted: " + result);
        // per task, about 10 % fail without retry and about 0.03 % with two
        assertTrue(result.failed() < once.result().failed(),
                kind + ": " + result.failed() + " failed with two retries, " + once.result().failed() + " without");
        long bound = pagesInSeries(kind) * 3 * TIMEOUT.toMillis() + MARGIN_MS;
        assertTrue(retried.slowestTaskMillis() <= bound, kind + ": the slowest task took " + retried.slowestTaskMillis() + " ms");
    }

    /**
     * Every page stalls, so a page with retries left tries again after each timeout; once the task
     * is cancelled it reports {@code CANCELLED} and the fixture sees no further request. The control
     * has no cancel handle while it runs.
     */
    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = "SEQUENTIAL", mode = EnumSource.Mode.EXCLUDE)
    void aCancelledTaskMakesNoFurtherAttempt(ModelKind kind) throws Exception {
        Duration timeout = Duration.ofMillis(200);
        ClientConfig client = ClientConfig.of(fixture.baseUri()).withRequestTimeout(timeout);
        try (ConcurrencyModel model = kind.create(new ModelConfig(client, 0, 1_000))) {
            TaskOutcome outcome = new TaskOutcome();
            AtomicInteger retries = new AtomicInteger();
            TaskRun run = model.start(new Workload(SIZE, 0, Fault.STALL).task(0), new TaskListener() {
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
                    retries.incrementAndGet();
                }
            });
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (retries.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(retries.get() >= 2, "stalled pages are retried: " + retries.get());
            run.cancel();
            assertEquals(Reason.CANCELLED, outcome.awaitFailureReason(5));
            Thread.sleep(100);
            long requests = fixture.stats().pageRequests();
            int retried = retries.get();
            Thread.sleep(3 * timeout.toMillis());
            assertEquals(requests, fixture.stats().pageRequests(), "no request after the cancel");
            assertEquals(retried, retries.get(), "no retry after the outcome");
        }
    }

    /** The control downloads its two pages one after the other, so its timeouts add up; every other model overlaps them. */
    private static int pagesInSeries(ModelKind kind) {
        return kind == ModelKind.SEQUENTIAL ? 2 : 1;
    }

    private static Run run(ModelKind kind, int retries) {
        return RUNS.computeIfAbsent(kind + "/" + retries,
                key -> assertTimeoutPreemptively(Duration.ofSeconds(50), () -> batch(kind, retries), kind + " hung under faults"));
    }

    private static Run batch(ModelKind kind, int retries) {
        int tasks = kind == ModelKind.SEQUENTIAL ? SEQUENTIAL_TASKS : TASKS;
        ClientConfig client = ClientConfig.of(fixture.baseUri()).withRequestTimeout(TIMEOUT);
        // a pool of two threads would queue pages behind stalls; the servlet-sized pool holds every page in flight
        ModelConfig config = new ModelConfig(client, kind == ModelKind.POOL ? 200 : 0, retries);
        LongAccumulator slowest = new LongAccumulator(Math::max, 0);
        List<Throwable> untyped = Collections.synchronizedList(new ArrayList<>());
        long playedBefore = fixture.stats().faultsPlayed();
        Batch.Result result;
        try (ConcurrencyModel model = kind.create(config)) {
            result = Batch.run(model, Workload.of(SIZE, 0).withFaults(FAULTS), tasks, CONCURRENCY, Duration.ofSeconds(45),
                    (task, nanos, error) -> {
                        slowest.accumulate(TimeUnit.NANOSECONDS.toMillis(nanos));
                        if (error != null && !(error instanceof PageDownloadException e && FAULT_REASONS.contains(e.reason()))) {
                            untyped.add(error);
                        }
                    });
        }
        return new Run(tasks, result, slowest.get(), List.copyOf(untyped), fixture.stats().faultsPlayed() - playedBefore);
    }
}
