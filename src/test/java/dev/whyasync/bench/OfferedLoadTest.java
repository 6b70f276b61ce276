package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.fixture.PageServer;
import dev.whyasync.http.ClientConfig;
import dev.whyasync.model.ConcurrencyModel;
import dev.whyasync.model.ModelConfig;
import dev.whyasync.model.ModelKind;
import dev.whyasync.model.Task;
import dev.whyasync.model.TaskListener;
import dev.whyasync.model.TaskRun;
import dev.whyasync.model.Workload;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The open loop against the real fixture: the offered rate is kept when the model keeps up, and saturation shows when it cannot. */
class OfferedLoadTest {
    private static final PageServer server = PageServer.start("127.0.0.1", 0, 1);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @AfterAll
    static void stop() {
        server.close();
    }

    private static ConcurrencyModel futures() {
        return ModelKind.FUTURES.create(new ModelConfig(ClientConfig.of(server.baseUri()), 1));
    }

    @Test
    void thePacerKeepsItsRateWithinOnePercentWhenTheModelKeepsUp() throws Exception {
        try (ConcurrencyModel model = futures()) {
            Run run = offer(model, 1_000, 10_000);
            assertEquals(1_000, run.window().started() / run.window().seconds(), 10, "tasks started per second");
            assertEquals(1_000, run.achieved(), 50, "tasks finished per second");
            assertFalse(run.saturated(), "lag " + run.lagMillis() + " ms, dropped " + run.dropped());
        }
    }

    @Test
    void aModelThatCannotKeepUpIsSaturatedAtTheRate() throws Exception {
        // each start spends 5 ms on the pacer's thread: at most 200 tasks/s against 500 offered
        try (ConcurrencyModel model = new SlowStarter(futures(), 5)) {
            Run run = offer(model, 500, 10_000);
            assertTrue(run.achieved() < 300, "finished " + run.achieved() + " tasks/s");
            assertTrue(run.lagMillis() > TaskLoopProfiler.LAG_LIMIT_MS, "lag " + run.lagMillis() + " ms");
            assertTrue(run.saturated());
        }
    }

    @Test
    void aFullBacklogDropsDueTasksInsteadOfStartingThem() throws Exception {
        // 20 ms pages at 1,000 tasks/s need about 20 in flight; a backlog of 5 cannot hold them
        try (ConcurrencyModel model = futures()) {
            Run run = offer(model, 1_000, 5);
            assertTrue(run.dropped() > 0);
            assertTrue(run.window().mean() <= 5.5, "in flight " + run.window().mean());
            assertTrue(run.saturated());
        }
    }

    private record Run(double rate, InFlightGauge.Window window, double achieved, double lagMillis, long dropped) {
        boolean saturated() {
            return TaskLoopProfiler.saturated(rate, achieved, lagMillis, dropped);
        }
    }

    /** Offers {@code rate} tasks/s for a warm-up of 0.5 s, then measures 2 s of it. */
    private static Run offer(ConcurrencyModel model, double rate, int backlog) throws InterruptedException {
        TaskStarts starts = new TaskStarts(model, Workload.of(1024, 20), PATIENCE);
        try (OfferedLoad load = new OfferedLoad(starts, rate, backlog)) {
            load.begin();
            Thread.sleep(500);
            starts.beginWindow();
            long droppedBefore = load.dropped();
            InFlightGauge.Reading before = starts.gauge().read();
            long end = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            int succeeded = 0;
            while (System.nanoTime() < end) {
                if (starts.next().error() == null) {
                    succeeded++;
                }
            }
            InFlightGauge.Window window = InFlightGauge.between(before, starts.gauge().read(), 0);
            return new Run(rate, window, succeeded / window.seconds(), load.lagNanos() / 1e6, load.dropped() - droppedBefore);
        }
    }

    /** A model whose start waits before it hands the task on: a pacer that cannot start tasks as fast as offered. */
    static final class SlowStarter implements ConcurrencyModel {
        private final ConcurrencyModel inner;
        private final long delayMillis;

        SlowStarter(ConcurrencyModel inner, long delayMillis) {
            this.inner = inner;
            this.delayMillis = delayMillis;
        }

        @Override
        public String name() {
            return "slow-" + inner.name();
        }

        @Override
        public TaskRun start(Task task, TaskListener listener) {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return inner.start(task, listener);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
