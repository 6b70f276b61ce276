package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.fixture.Fault;
import dev.whyasync.fixture.PageServer;
import dev.whyasync.http.ClientConfig;
import dev.whyasync.model.ConcurrencyModel;
import dev.whyasync.model.ModelConfig;
import dev.whyasync.model.ModelKind;
import dev.whyasync.model.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The closed loop against the real fixture: C really in flight, each operation the right task, and the check that catches a loop that does not hold C. */
class InFlightTasksTest {
    private static final PageServer server = PageServer.start("127.0.0.1", 0, 2);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ConcurrencyModel create(ModelKind kind, int threads) {
        return kind.create(new ModelConfig(ClientConfig.of(server.baseUri()), threads));
    }

    static Stream<Arguments> concurrentModels() {
        List<Arguments> cases = new ArrayList<>();
        for (int concurrency : new int[] {64, 1024}) {
            for (ModelKind kind : ModelKind.values()) {
                if (kind != ModelKind.SEQUENTIAL) {
                    cases.add(Arguments.of(kind, concurrency));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} holds C={1}")
    @MethodSource("concurrentModels")
    void everyConcurrentModelReallyHasCTasksInFlight(ModelKind kind, int concurrency) throws Exception {
        try (ConcurrencyModel model = create(kind, 0)) {
            InFlightGauge.Window window = measure(model, concurrency, Duration.ofMillis(400), Duration.ofMillis(1_000));
            assertEquals(concurrency, window.mean(), 0.05 * concurrency,
                    kind + ": time-weighted tasks in flight over " + window.finished() + " finished tasks");
            assertTrue(TaskLoopProfiler.held(window.mean(), concurrency));
        }
    }

    @Test
    void aLoopWithOneSlowStarterIsMarkedAsNotHoldingC() throws Exception {
        // one thread takes every finished task and starts its replacement, 1 ms a start, as a central
        // starter does with platform threads: at most 1,000 starts/s, against the 3,200/s that 64
        // slots of 20 ms pages need
        try (ConcurrencyModel model = create(ModelKind.FUTURES, 1)) {
            TaskStarts starts = new TaskStarts(model, Workload.of(1024, 20), PATIENCE);
            Runnable nothing = () -> { };
            for (int i = 0; i < 64; i++) {
                starts.start(System.nanoTime(), nothing);
            }
            InFlightGauge.Reading before = starts.gauge().read();
            long end = System.nanoTime() + Duration.ofSeconds(1).toNanos();
            while (System.nanoTime() < end) {
                starts.next();
                Thread.sleep(1);
                starts.start(System.nanoTime(), nothing);
            }
            InFlightGauge.Window window = InFlightGauge.between(before, starts.gauge().read(), 0);
            assertTrue(window.mean() < 0.9 * 64, "mean in flight " + window.mean());
            assertFalse(TaskLoopProfiler.held(window.mean(), 64));
        }
    }

    @Test
    void aModelThatRunsInPlaceReportsTheTaskItRanInTheSameOperation() throws Exception {
        try (ConcurrencyModel model = create(ModelKind.SEQUENTIAL, 0)) {
            // every page answers 500: each operation's task fails, so a count one behind would show
            TaskStarts starts = new TaskStarts(model, new Workload(1024, 0, Fault.STATUS_500), PATIENCE);
            InFlightTasks tasks = new InFlightTasks(starts, 64);
            tasks.fill();
            assertTrue(tasks.runsInPlace());
            for (int op = 1; op <= 5; op++) {
                TaskStarts.Outcome outcome = tasks.next();
                assertEquals(op, outcome.task().id(), "task 0 ran in set-up; operation " + op + " runs and reports task " + op);
                assertNotNull(outcome.error());
                assertEquals(op, starts.errors());
            }
        }
    }

    /** Runs a closed loop of {@code concurrency} for a warm-up, then reads the gauge over {@code window}. */
    private static InFlightGauge.Window measure(ConcurrencyModel model, int concurrency, Duration warmup, Duration window)
            throws InterruptedException {
        TaskStarts starts = new TaskStarts(model, Workload.of(1024, 20), PATIENCE);
        try (InFlightTasks tasks = new InFlightTasks(starts, concurrency)) {
            tasks.fill();
            takeFor(tasks, warmup);
            InFlightGauge.Reading before = starts.gauge().read();
            starts.gauge().lowestSinceLastCall();
            takeFor(tasks, window);
            InFlightGauge.Window measured = InFlightGauge.between(before, starts.gauge().read(), starts.gauge().lowestSinceLastCall());
            assertEquals(0, starts.errors(), "no task failed");
            assertTrue(measured.finished() > 0, "tasks finished in the window");
            return measured;
        }
    }

    private static void takeFor(InFlightTasks tasks, Duration time) throws InterruptedException {
        long end = System.nanoTime() + time.toNanos();
        while (System.nanoTime() < end) {
            tasks.next();
        }
    }
}
