package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Idle tasks of every model wait until released and then all finish; the benchmark reports how many
 * it held and what each costs, refuses platform threads above the machine's limit before starting
 * any, and its metrics reach JMH's results through the reporting profiler.
 */
public class IdleBenchmarkTest {
    private static final int TASKS = 2000;
    private static final int THREADS = 200;

    private static MicroRuntimes runtimes;

    /** The benchmark, seen by the test compilation so that JMH can run it from the test classpath. */
    public static class Run extends IdleBenchmark {
    }

    @BeforeAll
    static void startRuntimes() {
        runtimes = MicroRuntimes.start();
    }

    @AfterAll
    static void closeRuntimes() throws InterruptedException {
        runtimes.close();
    }

    @Test
    void everyModelsTasksWaitUntilReleasedThenAllFinish() throws Exception {
        Map<String, IdleTasks.Held> held = Map.of(
                "threads", IdleTasks.threads(Thread.ofPlatform(), THREADS),
                "virtual", IdleTasks.threads(Thread.ofVirtual(), TASKS),
                "pool", IdleTasks.pool(runtimes.pool(), 2, TASKS),
                "callbacks", IdleTasks.callbacks(runtimes.loop().loop(), TASKS),
                "futures", IdleTasks.futures(TASKS),
                "actors", IdleTasks.actors(runtimes.actors(), TASKS),
                "coroutines", IdleTasks.coroutines(runtimes.coroutines().scope(), TASKS),
                "reactive", IdleTasks.reactive(TASKS));
        Thread.sleep(100);
        held.forEach((model, tasks) -> {
            long waiting = model.equals("coroutines") ? 1 : tasks.count();
            assertEquals(waiting, tasks.finished().getCount(), model + ": a task finished before it was released");
        });
        for (Map.Entry<String, IdleTasks.Held> tasks : held.entrySet()) {
            tasks.getValue().release();
            assertEquals(0, tasks.getValue().finished().getCount(), tasks.getKey());
        }
        assertEquals(THREADS, held.get("threads").count());
        assertTrue(held.get("threads").threads()[0].getState() == Thread.State.TERMINATED);
    }

    @Test
    void benchmarkReportsHeldTasksAndTheirMemory() throws Exception {
        Map<String, Double> threads = shot("threads", THREADS);
        assertEquals(THREADS, threads.get(IdleBenchmark.HELD));
        assertTrue(threads.get(IdleBenchmark.HEAP_PER_TASK) > 0, threads.toString());
        // a parked platform thread keeps at least one page of its own stack resident, outside the heap
        assertTrue(threads.get(IdleBenchmark.BYTES_PER_TASK) > 4096, threads.toString());
        Map<String, Double> virtual = shot("virtual", TASKS);
        assertEquals(TASKS, virtual.get(IdleBenchmark.HELD));
        assertTrue(virtual.get(IdleBenchmark.HEAP_PER_TASK) > 0, virtual.toString());
        assertTrue(virtual.get(IdleBenchmark.BYTES_PER_TASK) > 0, virtual.toString());
    }

    /** One single shot of the benchmark's own code, outside JMH, and what it reported. */
    private static Map<String, Double> shot(String model, int tasks) throws Exception {
        IdleBenchmark benchmark = new IdleBenchmark();
        benchmark.tasks = tasks;
        ReportedMetricsProfiler profiler = new ReportedMetricsProfiler();
        profiler.beforeIteration(null, null);
        benchmark.measureBefore();
        if (model.equals("threads")) {
            benchmark.threads(null);
        } else {
            benchmark.virtual();
        }
        benchmark.measureAndRelease();
        return profiler.afterIteration(null, null, null).stream().collect(Collectors.toMap(r -> r.getLabel(), r -> r.getScore()));
    }

    @Test
    void heldMemoryIsHeapGrowthPlusResidentGrowthOutsideTheHeap() {
        SettledFootprint before = new SettledFootprint(100_000, 10_000, 50_000, 20);
        assertEquals(1_000 + 30_000, new SettledFootprint(130_000, 11_000, 50_000, 40).heldSince(before),
                "RSS growth with no heap growth is memory outside the heap");
        assertEquals(20_000, new SettledFootprint(140_000, 30_000, 90_000, 20).heldSince(before),
                "the heap's own growth in RSS is not counted twice");
        assertEquals(5_000, new SettledFootprint(90_000, 15_000, 40_000, 20).heldSince(before),
                "resident memory that shrank outside the heap counts as none");
    }

    @Test
    void platformThreadsAboveTheMachineLimitAreRefusedBeforeAnyStarts() {
        MachineLimits typical = MachineLimits.parse(null, "65530", "192729", "4194304", "max", null, 2);
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> IdleBenchmark.refuseAboveLimit(typical, 100_000));
        assertEquals("100000 idle platform threads are above this machine's limit of ~30265, set by vm.max_map_count; "
                + "lower -p tasks to at most 30265 or raise vm.max_map_count", e.getMessage());
        assertDoesNotThrow(() -> IdleBenchmark.refuseAboveLimit(typical, 30_265));

        MachineLimits here = MachineLimits.read();
        long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
        if (here.maxPlatformThreads() < Integer.MAX_VALUE) {
            LimitExceededException refused = assertThrows(LimitExceededException.class,
                    () -> IdleBenchmark.refuseAboveLimit(here, here.maxPlatformThreads() + 1));
            assertTrue(refused.getMessage().contains("above this machine's limit of ~" + here.maxPlatformThreads()),
                    refused.getMessage());
        }
        assertEquals(started, ManagementFactory.getThreadMXBean().getTotalStartedThreadCount(), "no thread was started");
    }

    @Test
    void jmhRecordsIdleMetricsAndFailsFastAboveTheThreadLimit() throws Exception {
        System.setProperty("jmh.ignoreLock", "true");
        Collection<RunResult> results = new Runner(options("futures", 1000).build()).run();
        var metrics = results.iterator().next().getSecondaryResults();
        assertNotNull(metrics.get(IdleBenchmark.HELD), "secondary metrics: " + metrics.keySet());
        assertEquals(1000, metrics.get(IdleBenchmark.HELD).getScore());
        assertTrue(metrics.get(IdleBenchmark.BYTES_PER_TASK).getScore() > 0);
        assertTrue(metrics.get(IdleBenchmark.HEAP_PER_TASK).getScore() > 0);

        int tooMany = MachineLimits.read().maxPlatformThreads() + 1;
        if (tooMany > 0) {
            long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
            RunnerException failed = assertThrows(RunnerException.class, () -> new Runner(options("threads", tooMany).build()).run());
            assertTrue(causes(failed).stream().anyMatch(c -> c instanceof LimitExceededException), causes(failed).toString());
            assertTrue(ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - started < 100,
                    "the refused run started no idle threads");
        }
    }

    private static org.openjdk.jmh.runner.options.ChainedOptionsBuilder options(String method, int tasks) {
        return new OptionsBuilder()
                .include(Run.class.getName().replace('$', '.') + "\\." + method + "$")
                .param("tasks", Integer.toString(tasks))
                .forks(0)
                // the first shot in a JVM also sees start-up garbage go, and can read below zero
                .warmupIterations(1)
                .measurementIterations(1)
                .addProfiler(ReportedMetricsProfiler.class)
                .shouldFailOnError(true);
    }

    private static List<Throwable> causes(Throwable error) {
        List<Throwable> all = new ArrayList<>();
        List<Throwable> next = new ArrayList<>(List.of(error));
        while (!next.isEmpty()) {
            Throwable t = next.remove(0);
            if (t != null && !all.contains(t)) {
                all.add(t);
                next.add(t.getCause());
                next.addAll(List.of(t.getSuppressed()));
            }
        }
        return all;
    }
}
