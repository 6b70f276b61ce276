package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** The JFR profiler, on a short real JMH run of threads that start and park, counts them and keeps the recording. */
@Timeout(120)
class JfrEventsProfilerTest {
    private static final int MEASURED = 2;

    // another JMH run on this machine must not make this one wait
    static {
        System.setProperty("jmh.ignoreLock", "true");
    }

    @TempDir
    static Path dir;
    private static Map<String, Result> metrics;

    @BeforeAll
    static void runParkingThreads() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ParkingThreads.class.getName())
                .forks(1)
                .warmupIterations(1).warmupTime(TimeValue.milliseconds(300))
                .measurementIterations(MEASURED).measurementTime(TimeValue.milliseconds(300))
                .addProfiler(JfrEventsProfiler.class)
                .addProfiler(ClientCpuProfiler.class)
                .jvmArgsAppend("-D" + JfrEventsProfiler.DIR_PROPERTY + "=" + dir, "-Xmx128m")
                .output(dir.resolve("output.txt").toString())
                .build()).run();
        assertEquals(1, results.size());
        metrics = results.iterator().next().getSecondaryResults();
    }

    private static double score(String name) {
        Result result = metrics.get(name);
        assertNotNull(result, name + " missing; secondary metrics: " + metrics.keySet());
        return result.getScore();
    }

    @Test
    void countsThreadStartsAndParksOfEachIteration() {
        double starts = score("jfr.threadStart.count");
        double parks = score("jfr.park.count");
        assertTrue(starts > 0, "each operation starts a thread, JFR counted " + starts);
        assertTrue(parks > 0, "each started thread parks for 3 ms, JFR counted " + parks);
        assertTrue(score("jfr.park.ms") >= parks * (ParkingThreads.PARK_MS - 1),
                "each counted park lasts about 3 ms: " + score("jfr.park.ms") + " ms for " + parks);
        for (String name : List.of("jfr.pinned.count", "jfr.pinned.ms", "jfr.gc.count", "jfr.gc.pause.ms")) {
            assertTrue(score(name) >= 0, name);
        }
        assertTrue(score("cpu.ns/op") > 0, "the CPU profiler still reports inside the JFR one");
    }

    @Test
    void keepsTheMeasuredIterationsInOneRecordingPerUnit() throws Exception {
        Path kept = dir.resolve(JfrEventsProfiler.fileName(ParkingThreads.class.getName() + ".startParkJoin",
                Mode.Throughput, Map.of("model", "platform")));
        assertEquals("ParkingThreads.startParkJoin-thrpt-model=platform.jfr", kept.getFileName().toString());
        assertTrue(Files.isRegularFile(kept), "no recording kept; the folder has " + Files.list(dir).toList());
        long starts = 0;
        try (RecordingFile recording = new RecordingFile(kept)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                if (event.getEventType().getName().equals("jdk.ThreadStart")) {
                    starts++;
                }
            }
        }
        assertTrue(starts >= score("jfr.threadStart.count"),
                "the kept file holds both measured iterations: " + starts + " starts, " + score("jfr.threadStart.count")
                        + " per iteration");
    }

    @Test
    void fileNamesStayInSafeCharactersAndLength() {
        String name = JfrEventsProfiler.fileName("dev.whyasync.bench.IoBenchmark.tasks", Mode.Throughput,
                Map.of("target", "http://host:8080/x y", "model", "virtual"));
        assertEquals("IoBenchmark.tasks-thrpt-model=virtual,target=http___host_8080_x_y.jfr", name);
        String longName = JfrEventsProfiler.fileName("a.B.c", Mode.SampleTime, Map.of("p", "x".repeat(400)));
        assertTrue(longName.length() <= 210 && longName.endsWith(".jfr"), longName);
    }
}
