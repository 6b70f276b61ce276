package dev.whyasync.report.results;

import java.nio.file.Path;
import java.util.List;

/**
 * One benchmark run as read from disk: JMH's results, the meta file beside them (or
 * {@link RunMeta#NONE}), and warnings about the meta file that did not stop the read.
 */
public record Run(Path file, String id, List<BenchmarkResult> results, RunMeta meta, List<String> warnings) {

    public Run {
        results = List.copyOf(results);
        warnings = List.copyOf(warnings);
    }

    /** The run id is the file name without {@code .json}: {@code results/2024-05-01T10-00.json}. */
    public static String idOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }

    /** Where the meta file of a result file lives: {@code <run-id>.meta.json} in the same folder. */
    public static Path metaFileOf(Path file) {
        return file.resolveSibling(idOf(file) + ".meta.json");
    }
}
