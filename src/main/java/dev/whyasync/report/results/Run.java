package dev.whyasync.report.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One benchmark run as read from disk: JMH's results, the meta file beside them (or
 * {@link RunMeta#NONE}), and warnings about the meta file that did not stop the read.
 */
public record Run(Path file, String id, List<BenchmarkResult> results, RunMeta meta, List<String> warnings) {
    /** The suffix of a run's meta folder, and the meta file's name in it. */
    public static final String META_FOLDER = ".meta";
    public static final String META_FILE = "meta.json";
    /** Where meta files were written before they moved into a folder; still read. */
    public static final String OLD_META = ".meta.json";

    public Run {
        results = List.copyOf(results);
        warnings = List.copyOf(warnings);
    }

    /** The run id is the file name without {@code .json}: {@code results/2024-05-01T10-00.json}. */
    public static String idOf(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
    }

    /**
     * Where the meta file of a result file lives: {@code <run-id>.meta/meta.json} beside it, or, for a
     * run written before the meta file moved, {@code <run-id>.meta.json} when only that one exists.
     * The folder keeps the meta file out of {@code results/*.json}, which tools such as jmh-visualizer
     * read as JMH result arrays; a folder per run, like {@code <run-id>.jfr/}, lists beside its run
     * and is claimed atomically when a run reserves its id.
     */
    public static Path metaFileOf(Path file) {
        Path current = metaFolderOf(file).resolve(META_FILE);
        Path old = file.resolveSibling(idOf(file) + OLD_META);
        return Files.notExists(current) && Files.exists(old) ? old : current;
    }

    /** The folder of a run's meta file: {@code <run-id>.meta}. */
    public static Path metaFolderOf(Path file) {
        return file.resolveSibling(idOf(file) + META_FOLDER);
    }
}
