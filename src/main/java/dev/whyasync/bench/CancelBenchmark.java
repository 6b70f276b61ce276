package dev.whyasync.bench;

import dev.whyasync.fixture.FixtureProcess;
import dev.whyasync.http.ClientConfig;
import dev.whyasync.model.ConcurrencyModel;
import dev.whyasync.model.ModelConfig;
import dev.whyasync.model.ModelKind;
import dev.whyasync.model.TaskListener;
import dev.whyasync.model.TaskResult;
import dev.whyasync.model.TaskRun;
import dev.whyasync.model.Workload;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Does cancelling a task stop its work? Each invocation starts one task against pages the fixture
 * holds back for a minute, waits until the fixture has both requests, then times {@code cancel()}
 * until the fixture sees both connections closed, which is the only proof, seen from the server, that
 * the client stopped. The sequential control is absent: its task runs on the caller's thread and
 * there is nobody left to cancel it.
 *
 * <p>On the JVM nothing stops when a future is merely dropped (the garbage collector does not cancel
 * I/O), so the claim is tested with the explicit cancel each model offers.
 */
@Claims(value = {11},
        question = "After a task is cancelled, how long until its connections are closed at the server?",
        supportedIf = "every model closes both connections within a few milliseconds of cancel()")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 5)
@Measurement(iterations = 20)
public class CancelBenchmark {
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

    @Param({"threads", "pool", "callbacks", "futures", "virtual", "actors", "coroutines", "reactive"})
    public String model;

    private FixtureProcess fixture;
    private ConcurrencyModel running;
    private TaskRun inFlight;
    private long openBefore;
    private int nextTask;

    @Setup(Level.Trial)
    public void start() {
        fixture = FixtureProcess.start("127.0.0.1", 0);
        // a fresh connection per page, so that "closed" cannot mean "back in the keep-alive pool"
        running = ModelKind.byName(model).create(new ModelConfig(ClientConfig.of(fixture.baseUri()).withKeepAlive(false), 0));
    }

    @Setup(Level.Invocation)
    public void startTaskAndWaitForItsRequests() {
        openBefore = fixture.stats().openConnections() - 1;
        long requestsBefore = fixture.stats().pageRequests();
        inFlight = running.start(Workload.of(1024, 60_000).task(nextTask++), IGNORE);
        awaitFixture(requests -> requests >= requestsBefore + 2, true);
    }

    /** From cancel() until the fixture has seen both of the task's connections close. */
    @Benchmark
    public void cancel() {
        inFlight.cancel();
        awaitFixture(open -> open <= openBefore, false);
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            running.close();
        } finally {
            fixture.close();
        }
    }

    /** Polls the fixture's page-request count (or, when false, its open connections) until the test holds. */
    private void awaitFixture(LongPredicate done, boolean requests) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            var stats = fixture.stats();
            // the stats request's own connection is open while it is answered
            long value = requests ? stats.pageRequests() : stats.openConnections() - 1;
            if (done.test(value)) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new IllegalStateException(model + ": the fixture did not see the expected " + (requests ? "requests" : "closes")
                + " within " + TimeUnit.NANOSECONDS.toSeconds(WAIT_NANOS) + " s");
    }

    private static final TaskListener IGNORE = new TaskListener() {
        @Override
        public void onSuccess(TaskResult result) {
        }

        @Override
        public void onFailure(Throwable error) {
        }
    };
}
