package dev.whyasync.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.ResourceSnapshot;
import dev.whyasync.fixture.PageServer;
import dev.whyasync.http.ClientConfig;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * With {@code threads = 2} in its config, a model starts only the runtime threads its class comment
 * names, no more of them than it promises, and none outlives {@code close()}. A library's own pool
 * (a Reactor scheduler, kotlinx's {@code DefaultDispatcher}, Pekko's internal dispatcher) fails the
 * test as a thread the model does not name, whether it starts here or is already running: tasks must
 * also end on the model's own threads (the control's end on its caller).
 * <p>
 * The virtual model is left out: its virtual threads are not among the JVM's listed threads, and
 * their carriers belong to the JVM-wide scheduler, which the model neither sizes nor stops.
 */
class RuntimeThreadsTest {
    private static final int THREADS = 2;
    private static final int TASKS = 32;
    private static final int SLOW_MS = 1000;

    @AutoClose
    private static final PageServer server = PageServer.start("127.0.0.1", 0, 1);

    /** One kind of thread a model may start: the start of its name and how many of it run with 32 tasks in flight. */
    private record Named(String prefix, int min, int max) {
        boolean names(String thread) {
            return thread.startsWith(prefix);
        }
    }

    private static List<Named> documented(ModelKind kind) {
        // both event loops are used: channels are spread over the loops in turn
        Named eventLoops = new Named("whyasync-netty", THREADS, THREADS);
        return switch (kind) {
            case SEQUENTIAL -> List.of(); // the caller's thread does all the work
            case THREADS -> List.of(new Named("whyasync-task-", 0, TASKS), new Named("whyasync-page-", 0, 2 * TASKS));
            case POOL -> List.of(new Named("whyasync-pool-", THREADS, THREADS));
            case CALLBACKS, FUTURES, REACTIVE, COROUTINES -> List.of(eventLoops);
            // the dispatchers run on the event loops; every actor system keeps one timer thread, its scheduler
            case ACTORS -> List.of(eventLoops, new Named(ActorsModel.SYSTEM_NAME + "-scheduler", 1, 1));
            case VIRTUAL -> throw new IllegalArgumentException("the carriers of virtual threads are the JVM's, not the model's");
        };
    }

    @ParameterizedTest
    @EnumSource(value = ModelKind.class, names = "VIRTUAL", mode = EnumSource.Mode.EXCLUDE)
    void aModelStartsOnlyTheThreadsItDocumentsAndEndsThemOnClose(ModelKind kind) throws Exception {
        List<Named> documented = documented(kind);
        Set<String> finishers = ConcurrentHashMap.newKeySet();
        ResourceSnapshot before = ResourceSnapshot.take();
        List<String> started;
        try (ConcurrencyModel model = kind.create(new ModelConfig(ClientConfig.of(server.baseUri()), THREADS))) {
            Batch.Result result = Batch.run(model, Workload.of(1024, 0), TASKS, TASKS, Duration.ofSeconds(30),
                    (task, nanos, error) -> finishers.add(Thread.currentThread().getName()));
            assertEquals(TASKS, result.succeeded(), () -> "failures: " + result.firstFailures());
            started = startedSince(before);
        }
        assertEquals(List.of(), started.stream().filter(n -> undocumented(n, documented)).toList(),
                () -> "threads " + kind.modelName() + " does not document, among " + started);
        // a library pool started by an earlier test is not new, but it would still be where tasks end
        String caller = Thread.currentThread().getName();
        assertEquals(List.of(), finishers.stream().filter(n -> !n.equals(caller) && undocumented(n, documented)).toList(),
                () -> "tasks of " + kind.modelName() + " ended on threads it does not document");
        for (Named named : documented) {
            long count = started.stream().filter(named::names).count();
            assertTrue(count >= named.min() && count <= named.max(),
                    () -> count + " threads " + named.prefix() + "*, expected " + named.min() + ".." + named.max()
                            + ": " + started);
        }
        assertEquals("", ResourceSnapshot.leftoversSince(before, Duration.ofSeconds(5)), "left after close");
    }

    /**
     * The {@code threads} parameter is the model's whole runtime: every platform thread the model
     * adds, counted while its tasks wait for slow pages, is what its class comment says (coroutines:
     * the event loops alone; actors: the event loops plus Pekko's one scheduler thread). The fixture's
     * threads and Netty's JVM-wide executor are not the model's and are not counted.
     */
    @ParameterizedTest(name = "{0}-{1} adds {2} threads")
    @CsvSource({"coroutines, 1, 1", "coroutines, 2, 2", "actors, 1, 2", "actors, 2, 3"})
    void theThreadsParameterCountsEveryThreadOfTheModel(String model, int threads, int added) throws Exception {
        CountDownLatch finished = new CountDownLatch(TASKS);
        AtomicInteger succeeded = new AtomicInteger();
        TaskListener listener = new TaskListener() {
            @Override
            public void onSuccess(TaskResult result) {
                succeeded.incrementAndGet();
                finished.countDown();
            }

            @Override
            public void onFailure(Throwable error) {
                finished.countDown();
            }
        };
        ResourceSnapshot before = ResourceSnapshot.take();
        long requests = server.stats().pageRequests();
        List<String> inFlight;
        try (ConcurrencyModel created = ModelKind.byName(model).create(new ModelConfig(ClientConfig.of(server.baseUri()), threads))) {
            Workload slow = Workload.of(1024, SLOW_MS);
            for (int i = 0; i < TASKS; i++) {
                created.start(slow.task(i), listener);
            }
            // every page has reached the fixture, which holds each for SLOW_MS before it answers
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (server.stats().pageRequests() < requests + 2 * TASKS && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            inFlight = startedSince(before);
            assertEquals(TASKS, finished.getCount(), "tasks ended before the threads were counted");
            assertTrue(finished.await(30, TimeUnit.SECONDS), "tasks did not end");
        }
        assertEquals(TASKS, succeeded.get());
        assertEquals(added, inFlight.size(), () -> model + "-" + threads + " added " + inFlight);
    }

    private static boolean undocumented(String thread, List<Named> documented) {
        return documented.stream().noneMatch(d -> d.names(thread));
    }

    /**
     * Names of the live threads that are new since {@code before}, but the fixture's (it runs in this
     * JVM) and Netty's JVM-wide executor, which every channel group shares.
     */
    private static List<String> startedSince(ResourceSnapshot before) {
        return ResourceSnapshot.take().threads().stream()
                .filter(t -> !before.threads().contains(t) && t.isAlive())
                .map(Thread::getName)
                .filter(n -> !n.startsWith(PageServer.THREAD_PREFIX) && !n.startsWith("globalEventExecutor"))
                .sorted().toList();
    }
}
