package dev.whyasync.report.flame;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code <run-id>.flame.json}: the flame graphs of a run ({@code bench --flame}), one entry per
 * profiled unit, each naming its folder under {@code <run-id>.flame/} (relative to the results
 * folder), the profiler engine that sampled its CPU, its sample counts, CPU shares and top frames.
 * The run writes it after every profiled unit (beside itself, then renamed); the report reads it to
 * draw and link the graphs. In each unit's folder: {@value #CPU_HTML} and {@value #ALLOC_HTML}
 * (async-profiler's interactive graphs), {@value #CPU_STACKS} and {@value #ALLOC_STACKS} (collapsed
 * stacks; allocation weighted by bytes) and {@value #RECORDING} (the fork's JFR recording).
 *
 * @param engine       the engine the run asked async-profiler for ({@code cpu} = perf events, {@code itimer}, {@code ctimer})
 * @param engineReason why that engine: the machine's {@code perf_event_paranoid}, privileges, or {@code --flame-engine}
 */
public record FlameIndex(String runId, String engine, String engineReason, List<Unit> units) {
    public static final String CPU_HTML = "cpu.html";
    public static final String ALLOC_HTML = "alloc.html";
    public static final String CPU_STACKS = "cpu.collapsed";
    public static final String ALLOC_STACKS = "alloc.collapsed";
    public static final String RECORDING = "profile.jfr";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public FlameIndex {
        units = units == null ? List.of() : List.copyOf(units);
    }

    /**
     * One profiled unit.
     *
     * @param dir           its folder, relative to the results folder
     * @param engine        the engine the recording says sampled the CPU ({@code perf_events}, {@code itimer}, ...)
     * @param cpuPercent    the CPU share of each {@link FrameGroup}, by key
     * @param allocBytes    the bytes the allocation samples stand for
     */
    public record Unit(String benchmark, String mode, Map<String, String> params, String dir, String engine,
                       long cpuSamples, long allocBytes, Map<String, Double> cpuPercent, List<CpuShares.TopFrame> topFrames) {
        public Unit {
            params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
            cpuPercent = cpuPercent == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(cpuPercent));
            topFrames = topFrames == null ? List.of() : List.copyOf(topFrames);
        }

        public String model() {
            return params.get("model");
        }
    }

    /** The index of run {@code runId} in {@code dir}. */
    public static Path file(Path dir, String runId) {
        return dir.resolve(runId + ".flame.json");
    }

    /** The folder of run {@code runId}'s graphs in {@code dir}. */
    public static Path folder(Path dir, String runId) {
        return dir.resolve(runId + ".flame");
    }

    /** The index beside a run's results, if the run has one; a broken file is an error naming it. */
    public static Optional<FlameIndex> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(file.toFile(), FlameIndex.class));
        } catch (IOException e) {
            String problem = e instanceof JacksonException json ? json.getOriginalMessage() : e.getMessage();
            throw new UncheckedIOException(file + " is not a readable flame index: "
                    + String.valueOf(problem).lines().findFirst().orElse("empty"), e);
        }
    }

    /** This index with {@code unit} in place of an earlier entry for the same folder (a resumed unit). */
    public FlameIndex with(Unit unit) {
        List<Unit> all = new ArrayList<>(units.stream().filter(u -> !u.dir().equals(unit.dir())).toList());
        all.add(unit);
        return new FlameIndex(runId, engine, engineReason, all);
    }

    /** Writes beside the target and renames, so that a reader never sees half a file. */
    public void write(Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), this);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
