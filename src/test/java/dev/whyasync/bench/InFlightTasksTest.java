package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.whyasync.fixture.Fault;
import dev.whyasync.fixture.PageServer;
import dev.whyasync.http.ClientConfig;
import dev.whyasync.model.ConcurrencyModel;
import dev.whyasync.model.ModelConfig;
import dev.whyasync.model.ModelKind;
import dev.whyasync.model.Workload;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The closed loop against the real fixture: each operation reports a task, and the right one. */
class InFlightTasksTest {
    private static final PageServer server = PageServer.start("127.0.0.1", 0, 1);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aModelThatRunsInPlaceReportsTheTaskItRanInTheSameOperation() throws Exception {
        try (ConcurrencyModel model = ModelKind.SEQUENTIAL.create(new ModelConfig(ClientConfig.of(server.baseUri()), 0))) {
            // every page answers 500: each operation's task fails, so a count one behind would show
            InFlightTasks tasks = new InFlightTasks(model, new Workload(1024, 0, Fault.STATUS_500), 64, PATIENCE);
            tasks.fill();
            for (int op = 1; op <= 5; op++) {
                InFlightTasks.Outcome outcome = tasks.next();
                assertEquals(op, outcome.task().id(), "task 0 ran in set-up; operation " + op + " runs and reports task " + op);
                assertNotNull(outcome.error());
                assertEquals(op, tasks.errors());
            }
        }
    }

    @Test
    void aConcurrentModelKeepsCTasksInFlightAndReportsThemAsTheyFinish() throws Exception {
        try (ConcurrencyModel model = ModelKind.FUTURES.create(new ModelConfig(ClientConfig.of(server.baseUri()), 1))) {
            InFlightTasks tasks = new InFlightTasks(model, Workload.of(1024, 5), 8, PATIENCE);
            tasks.fill();
            for (int op = 0; op < 40; op++) {
                InFlightTasks.Outcome outcome = tasks.next();
                assertNull(outcome.error());
                assertEquals(op, outcome.task().id(), 8, "finished in about the order started, 8 in flight");
            }
            assertEquals(0, tasks.errors());
        }
    }
}
