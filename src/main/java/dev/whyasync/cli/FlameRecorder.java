package dev.whyasync.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whyasync.report.flame.Collapsed;
import dev.whyasync.report.flame.CpuShares;
import dev.whyasync.report.flame.FlameIndex;
import dev.whyasync.report.flame.FrameGroup;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import one.convert.Arguments;
import one.convert.JfrToFlame;
import org.openjdk.jmh.profile.AsyncProfiler;

/**
 * {@code bench --flame}: a CPU and an allocation flame graph of the client JVM for each unit at a
 * benchmark's {@link dev.whyasync.bench.FlamePoint}. The run extracts async-profiler's library for
 * this platform from the jar into a temporary folder and attaches JMH's own {@link AsyncProfiler}
 * to the unit with it: CPU samples every {@value #CPU_INTERVAL_NS} ns of CPU time with the chosen
 * {@link FlameEngine} and allocation samples
 * every {@value #ALLOC_INTERVAL} of allocation, both into one JFR recording of the measured
 * iterations (JMH starts the profiler at the first and stops it after the last; with several forks,
 * the last fork's recording is kept). After the unit, async-profiler's converter turns the
 * recording into collapsed stacks and interactive HTML graphs, the CPU shares of each package group
 * join the unit's result as {@code flame.cpu.*} metrics (JMH's own text result, a list of paths,
 * is dropped), and the run's {@link FlameIndex} gains the unit.
 *
 * <p>The profiler runs during the measured work, so its signals and stack walks fall inside the
 * CPU window: compare a run with flame graphs only with another.
 */
final class FlameRecorder implements AutoCloseable {
    /** Bytes allocated between two allocation samples: a few hundred samples a second at the suite's rates. */
    static final String ALLOC_INTERVAL = "256k";
    /** CPU time between two CPU samples, ns: 500 a second per busy core, a few percent of overhead. */
    static final long CPU_INTERVAL_NS = 2_000_000;
    static final int TOP_FRAMES = 5;
    private static final String LIBRARY = "libasyncProfiler.so";
    private static final String JMH_OUTPUT = "jmh";
    private static final String JMH_TEXT_RESULT = "async";
    private static final String ENGINE_SETTING = "engine";

    private final FlameEngine engine;
    private final Path resultsDir;
    private final Path library;
    private final Path indexFile;
    private FlameIndex index;

    private FlameRecorder(FlameEngine engine, Path resultsDir, Path library, Path indexFile, FlameIndex index) {
        this.engine = engine;
        this.resultsDir = resultsDir;
        this.library = library;
        this.indexFile = indexFile;
        this.index = index;
    }

    /** Extracts the library and reads the run's index, if a resumed run has one. */
    static FlameRecorder open(FlameEngine engine, RunFiles files) throws IOException {
        String resource = libraryResource().orElseThrow(() -> new IllegalStateException("no async-profiler library for "
                + System.getProperty("os.name") + " on " + System.getProperty("os.arch")));
        Path resultsDir = files.results().toAbsolutePath().getParent();
        Path indexFile = FlameIndex.file(resultsDir, files.runId());
        FlameIndex index = FlameIndex.read(indexFile)
                .orElse(new FlameIndex(files.runId(), engine.event(), engine.reason(), List.of()));
        Path folder = Files.createTempDirectory("whyasync-async-profiler-");
        Path library = folder.resolve(LIBRARY);
        try (InputStream in = FlameRecorder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                Files.delete(folder);
                throw new IllegalStateException("this build has no " + resource + " (from tools.profiler:async-profiler)");
            }
            Files.copy(in, library);
        }
        return new FlameRecorder(engine, resultsDir, library, indexFile, index);
    }

    /** The jar's library for this platform: async-profiler ships Linux x64 and arm64; none elsewhere. */
    static Optional<String> libraryResource() {
        String platform = switch (System.getProperty("os.arch", "")) {
            case "amd64", "x86_64" -> "linux-x64";
            case "aarch64", "arm64" -> "linux-arm64";
            default -> null;
        };
        boolean linux = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux");
        return linux && platform != null ? Optional.of(platform + "/" + LIBRARY) : Optional.empty();
    }

    /**
     * The folder of a unit's graphs: {@code <run-id>.flame/<benchmark>-<mode>-<model>/}, unique
     * because a run profiles one unit per model of each benchmark and mode.
     */
    Path unitDir(RunUnit unit) {
        String benchmark = unit.benchmark();
        String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        String name = shortName + "-" + unit.mode().shortLabel() + "-" + unit.params().getOrDefault("model", "all");
        return FlameIndex.folder(resultsDir, index.runId()).resolve(name.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /**
     * Empties the unit's folder (an earlier, failed attempt may have left files) and returns the
     * options of JMH's {@code AsyncProfiler} for the unit. JMH writes into a folder beside the
     * library: async-profiler reads its options split at commas, and a results path may hold one.
     */
    String prepare(RunUnit unit) throws IOException {
        deleteTree(unitDir(unit));
        Files.createDirectories(unitDir(unit));
        Path output = jmhOutput();
        deleteTree(output);
        Files.createDirectories(output);
        return "libPath=" + library + ";event=" + engine.event() + ";interval=" + CPU_INTERVAL_NS + ";alloc=" + ALLOC_INTERVAL + ";output=jfr;dir=" + output;
    }

    /**
     * Turns the unit's recording into its graphs and stacks, adds its CPU shares to {@code result}
     * (the unit's one element of JMH's JSON) and the unit to the index.
     */
    void finish(RunUnit unit, ArrayNode result) throws IOException {
        Path dir = unitDir(unit);
        Path output = jmhOutput();
        Path recording = dir.resolve(FlameIndex.RECORDING);
        Files.move(newestRecording(output), recording);
        deleteTree(output);
        String title = unit.label();
        Path cpuStacks = dir.resolve(FlameIndex.CPU_STACKS);
        Path allocStacks = dir.resolve(FlameIndex.ALLOC_STACKS);
        Path classified = dir.resolve(FlameIndex.CPU_STACKS + ".tmp");
        try {
            convert(recording, classified, "--cpu", "--classify", "-o", "collapsed");
            keepGcAndJitRoots(classified, cpuStacks);
        } finally {
            Files.deleteIfExists(classified);
        }
        convert(recording, allocStacks, "--alloc", "--total", "-o", "collapsed");
        convert(recording, dir.resolve(FlameIndex.CPU_HTML), "--cpu", "--title", "CPU: " + title);
        convert(recording, dir.resolve(FlameIndex.ALLOC_HTML), "--alloc", "--total", "--title", "Allocation: " + title);
        Collapsed cpu = Collapsed.read(cpuStacks);
        CpuShares shares = CpuShares.of(cpu, unit.params().get("model"), TOP_FRAMES);
        addMetrics((ObjectNode) result.get(0), shares);
        Map<String, Double> percent = new LinkedHashMap<>();
        shares.percent().forEach((group, share) -> percent.put(group.key(), share));
        index = index.with(new FlameIndex.Unit(unit.benchmark(), unit.mode().shortLabel(), unit.params(),
                resultsDir.relativize(dir).toString(), recordedEngine(recording).orElse(engine.event()), shares.samples(),
                Collapsed.read(allocStacks).total(), percent, shares.top()));
        index.write(indexFile);
    }

    private Path jmhOutput() {
        return library.resolveSibling(JMH_OUTPUT);
    }

    @Override
    public void close() throws IOException {
        deleteTree(library.getParent());
    }

    private static void convert(Path recording, Path output, String... options) throws IOException {
        JfrToFlame.convert(recording.toString(), output.toString(), new Arguments(options));
    }

    /**
     * The converter's {@code --classify} puts a category above every stack; a collector's and a
     * compiler's are kept, so that their samples are GC and JIT, and the others (compiled,
     * interpreted, native...) are removed, so that one Java path is one tower of the graph.
     */
    private static void keepGcAndJitRoots(Path classified, Path stacks) throws IOException {
        Map<String, Long> merged = new LinkedHashMap<>();
        try (Stream<String> lines = Files.lines(classified)) {
            lines.forEach(line -> {
                int space = line.lastIndexOf(' ');
                if (space <= 0) {
                    return;
                }
                String frames = line.substring(0, space);
                int first = frames.indexOf(';');
                String root = first < 0 ? frames : frames.substring(0, first);
                if (root.startsWith("[") && !root.equals(FrameGroup.GC_ROOT) && !root.equals(FrameGroup.JIT_ROOT) && first > 0) {
                    frames = frames.substring(first + 1);
                }
                merged.merge(frames, Long.parseLong(line.substring(space + 1).trim()), Long::sum);
            });
        }
        Files.write(stacks, merged.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
    }

    private static Path newestRecording(Path output) throws IOException {
        try (Stream<Path> files = Files.walk(output)) {
            return files.filter(file -> file.toString().endsWith(".jfr")).max(Comparator.comparing(FlameRecorder::modified))
                    .orElseThrow(() -> new IOException("async-profiler wrote no recording under " + output));
        }
    }

    /** The engine async-profiler itself says sampled the CPU (its {@code engine} setting), when the recording names it. */
    private static Optional<String> recordedEngine(Path recording) throws IOException {
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals("jdk.ActiveSetting") && event.hasField("name")
                        && ENGINE_SETTING.equals(event.getString("name"))) {
                    return Optional.ofNullable(event.getString("value"));
                }
            }
        }
        return Optional.empty();
    }

    /** The shares as JMH writes a secondary metric: one value, so no error, in percent. */
    private static void addMetrics(ObjectNode element, CpuShares shares) {
        ObjectNode secondary = element.with("secondaryMetrics");
        secondary.remove(JMH_TEXT_RESULT);
        shares.metrics().forEach((name, value) -> {
            ObjectNode metric = secondary.putObject(name);
            BigDecimal score = BigDecimal.valueOf(value);
            metric.put("score", score);
            metric.put("scoreError", "NaN");
            metric.putArray("scoreConfidence").add(score).add(score);
            ObjectNode percentiles = metric.putObject("scorePercentiles");
            for (String p : List.of("0.0", "50.0", "90.0", "95.0", "99.0", "99.9", "99.99", "99.999", "99.9999", "100.0")) {
                percentiles.put(p, score);
            }
            metric.put("scoreUnit", CpuShares.UNIT);
            metric.putArray("rawData").add(JsonNodeFactory.instance.arrayNode().add(score));
        });
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).collect(Collectors.toCollection(ArrayList::new))) {
                Files.delete(file);
            }
        }
    }
}
