package dev.whyasync.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * Where a model's time goes, from the JDK's own flight recorder: in each iteration, a JFR recording
 * in this JVM counts virtual threads pinned to their carrier ({@code jfr.pinned.count}, total
 * {@code jfr.pinned.ms}), platform threads started ({@code jfr.threadStart.count}; a virtual thread's
 * start is another event, not recorded), parks of platform threads ({@code jfr.park.count},
 * {@code jfr.park.ms}; a virtual thread that parks unmounts and is not counted unless pinned) and
 * garbage collections ({@code jfr.gc.count}, their pauses {@code jfr.gc.pause.ms}). Each is one
 * value per iteration, averaged over iterations. Pins and parks count from {@value #THRESHOLD_MS}
 * ms up: shorter ones are many and cheap, and recording each would cost more than it tells.
 *
 * <p>The recording's own work, starting it, and writing and reading it after the iteration, must
 * not fall inside the CPU window, so this profiler goes before {@link ClientCpuProfiler} in the
 * list (JMH starts profilers in order and stops them in reverse). While it runs, each recorded
 * event costs a little, inside the window: figures of a run with it and one without do not
 * compare. A benchmark that ends its windows in its iteration tear-down ({@link #markIterationEnd})
 * keeps the trial's shutdown out of the counts as well.
 *
 * <p>With {@code -D}{@value #DIR_PROPERTY}{@code =dir}, each measured iteration's recording is
 * appended to {@code dir/}{@link #fileName}: JFR files are sequences of chunks, so the appended file
 * is one recording that {@code jfr print} and JDK Mission Control read. Usable as
 * {@code -prof dev.whyasync.bench.JfrEventsProfiler}.
 */
public final class JfrEventsProfiler implements InternalProfiler {
    /** The folder the recordings are kept in; without it nothing is kept. */
    public static final String DIR_PROPERTY = "whyasync.jfr.dir";
    static final long THRESHOLD_MS = 1;
    static final String PINNED = "jdk.VirtualThreadPinned";
    static final String THREAD_START = "jdk.ThreadStart";
    static final String PARK = "jdk.ThreadPark";
    static final String GC = "jdk.GarbageCollection";
    /** Longer names get a hash in place of their tail, to stay within a file system's 255 bytes. */
    private static final int MAX_NAME = 200;

    private static volatile Instant endMark;

    private Recording recording;
    private Instant started;

    /** The counts of one recording. */
    record Counts(long pinned, Duration pinnedTime, long threadStarts, long parks, Duration parkTime, long gcs,
                  Duration gcPauses) {

        /** Counts the events of {@code file} that started before {@code end} (null: all of them). */
        static Counts read(Path file, Instant end) throws IOException {
            long pinned = 0;
            long threadStarts = 0;
            long parks = 0;
            long gcs = 0;
            Duration pinnedTime = Duration.ZERO;
            Duration parkTime = Duration.ZERO;
            Duration gcPauses = Duration.ZERO;
            try (RecordingFile recorded = new RecordingFile(file)) {
                while (recorded.hasMoreEvents()) {
                    RecordedEvent event = recorded.readEvent();
                    if (end != null && !event.getStartTime().isBefore(end)) {
                        continue;
                    }
                    switch (event.getEventType().getName()) {
                        case PINNED -> {
                            pinned++;
                            pinnedTime = pinnedTime.plus(event.getDuration());
                        }
                        case THREAD_START -> threadStarts++;
                        case PARK -> {
                            parks++;
                            parkTime = parkTime.plus(event.getDuration());
                        }
                        case GC -> {
                            gcs++;
                            gcPauses = gcPauses.plus(event.getDuration("sumOfPauses"));
                        }
                        default -> {
                            // JFR adds its own bookkeeping events to every recording
                        }
                    }
                }
            }
            return new Counts(pinned, pinnedTime, threadStarts, parks, parkTime, gcs, gcPauses);
        }

        List<ScalarResult> results() {
            return List.of(
                    new ScalarResult("jfr.pinned.count", pinned, "pins", AggregationPolicy.AVG),
                    new ScalarResult("jfr.pinned.ms", millis(pinnedTime), "ms", AggregationPolicy.AVG),
                    new ScalarResult("jfr.threadStart.count", threadStarts, "threads", AggregationPolicy.AVG),
                    new ScalarResult("jfr.park.count", parks, "parks", AggregationPolicy.AVG),
                    new ScalarResult("jfr.park.ms", millis(parkTime), "ms", AggregationPolicy.AVG),
                    new ScalarResult("jfr.gc.count", gcs, "GCs", AggregationPolicy.AVG),
                    new ScalarResult("jfr.gc.pause.ms", millis(gcPauses), "ms", AggregationPolicy.AVG));
        }

        private static double millis(Duration time) {
            return time.toNanos() / 1e6;
        }
    }

    /**
     * Ends this iteration's counts now: the benchmark calls it in its iteration tear-down, after
     * {@link ClientCpuProfiler#markIterationEnd} and before the footprint's full GC, so that neither
     * that GC nor the trial's shutdown is counted.
     */
    static void markIterationEnd() {
        endMark = Instant.now();
    }

    /**
     * The file a unit's recording is kept in: the benchmark's class and method, its mode and every
     * parameter, in characters any file system takes ({@code IoBenchmark.tasks-thrpt-concurrency=64,model=virtual.jfr}).
     * The run that keeps the files and the forks that write them both name them here.
     */
    public static String fileName(String benchmark, Mode mode, Map<String, String> params) {
        String owner = benchmark.substring(0, Math.max(0, benchmark.lastIndexOf('.')));
        String shortName = benchmark.substring(owner.lastIndexOf('.') + 1);
        String name = (shortName + "-" + mode.shortLabel() + (params.isEmpty() ? "" : "-" + new TreeMap<>(params).entrySet()
                .stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","))))
                .replaceAll("[^A-Za-z0-9._=,+-]", "_");
        if (name.length() > MAX_NAME) {
            String hash = HexFormat.of().toHexDigits(name.hashCode());
            name = name.substring(0, MAX_NAME - hash.length() - 1) + "~" + hash;
        }
        return name + ".jfr";
    }

    @Override
    public String getDescription() {
        return "JFR events per iteration: pinned virtual threads, thread starts, parks (pins and parks of "
                + THRESHOLD_MS + " ms and more), GC pauses (whyasync)";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        endMark = null;
        if (!FlightRecorder.isAvailable()) {
            return;
        }
        Duration threshold = Duration.ofMillis(THRESHOLD_MS);
        recording = new Recording();
        recording.setName("whyasync " + benchmarkParams.id());
        recording.setToDisk(true);
        recording.enable(PINNED).withThreshold(threshold).withoutStackTrace();
        recording.enable(THREAD_START).withoutStackTrace();
        recording.enable(PARK).withThreshold(threshold).withoutStackTrace();
        recording.enable(GC);
        recording.start();
        started = Instant.now();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        if (recording == null) {
            return List.of();
        }
        Instant mark = endMark;
        Path dump = null;
        try (Recording done = recording) {
            recording = null;
            done.stop();
            dump = Files.createTempFile("whyasync-", ".jfr");
            done.dump(dump);
            Counts counts = Counts.read(dump, mark != null && mark.isAfter(started) ? mark : null);
            String keep = System.getProperty(DIR_PROPERTY);
            if (keep != null && iterationParams.getType() == IterationType.MEASUREMENT) {
                append(dump, Path.of(keep).resolve(fileName(benchmarkParams.getBenchmark(), benchmarkParams.getMode(),
                        params(benchmarkParams))));
            }
            return new ArrayList<>(counts.results());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write or read the iteration's JFR recording: " + e.getMessage(), e);
        } finally {
            if (dump != null) {
                try {
                    Files.deleteIfExists(dump);
                } catch (IOException e) {
                    // a leftover recording in the temp folder
                }
            }
        }
    }

    private static void append(Path recording, Path kept) throws IOException {
        Files.createDirectories(kept.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(kept, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            Files.copy(recording, out);
        }
    }

    private static Map<String, String> params(BenchmarkParams benchmarkParams) {
        Map<String, String> params = new TreeMap<>();
        benchmarkParams.getParamsKeys().forEach(key -> params.put(key, benchmarkParams.getParam(key)));
        return params;
    }
}
