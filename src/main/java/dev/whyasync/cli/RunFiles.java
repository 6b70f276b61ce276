package dev.whyasync.cli;

import dev.whyasync.report.flame.FlameIndex;
import dev.whyasync.report.results.Run;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of one run: {@code <run-id>.json} (JMH's results) and {@code <run-id>.meta/meta.json}
 * (the environment; {@code <run-id>.meta.json} for runs written before it moved, see
 * {@link Run#metaFileOf}), with run-id {@code yyyyMMdd-HHmmss-<profile>}. Results are never
 * overwritten: an id whose files exist gets a suffix ({@code -2}, {@code -3}, ...), and the meta
 * folder is created atomically to claim the id, so two runs started in the same second still get two ids.
 * While a unit runs, JMH writes its result to {@code <run-id>.unit.tmp}, which is appended to the
 * results and then deleted. With {@code --jfr}, each unit's recording goes to the folder
 * {@code <run-id>.jfr/}, whose name no {@code *.json} pattern matches; with flame graphs, each
 * profiled unit's go to {@code <run-id>.flame/}, indexed by {@code <run-id>.flame.json}. JMH's own
 * output goes to {@code <run-id>.log}.
 */
record RunFiles(String runId, Path results, Path meta) {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final int MAX_SUFFIX = 1000;

    /** The files of run {@code runId} in {@code dir}, whether they exist or not; an old run's meta file where it is. */
    static RunFiles of(Path dir, String runId) {
        Path results = dir.resolve(runId + ".json");
        return new RunFiles(runId, results, Run.metaFileOf(results));
    }

    /** The ids of the runs in {@code dir} (those with a meta file, in either place), sorted; none when the folder is missing. */
    static List<String> runIds(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.flatMap(file -> {
                String name = file.getFileName().toString();
                if (name.endsWith(Run.OLD_META) && Files.isRegularFile(file)) {
                    return Stream.of(name.substring(0, name.length() - Run.OLD_META.length()));
                }
                if (name.endsWith(Run.META_FOLDER) && Files.isRegularFile(file.resolve(Run.META_FILE))) {
                    return Stream.of(name.substring(0, name.length() - Run.META_FOLDER.length()));
                }
                return Stream.empty();
            }).distinct().sorted().toList();
        }
    }

    /** Where JMH writes the result of the unit that is running. */
    Path unitResult() {
        return results.resolveSibling(runId + ".unit.tmp");
    }

    /** JMH's own output for the run, appended to by every unit and every resume ({@link JmhLog}). */
    Path log() {
        return results.resolveSibling(runId + ".log");
    }

    /** Where the units' JFR recordings go ({@code bench --jfr}): one {@code .jfr} file per unit. */
    Path jfrDir() {
        return results.resolveSibling(runId + ".jfr");
    }

    /** Where the profiled units' flame graphs go ({@code bench --flame}): a folder per unit. */
    Path flameDir() {
        return FlameIndex.folder(folder(), runId);
    }

    /** The index of the run's flame graphs. */
    Path flameIndex() {
        return FlameIndex.file(folder(), runId);
    }

    private Path folder() {
        return results.getParent() == null ? Path.of("") : results.getParent();
    }

    /**
     * Refuses a results folder that a run could not write (one that cannot be created, a file, a
     * folder without write permission, {@code /proc/1}) before the run plans anything. Creating and
     * deleting a file there is the only sure test: permissions, read-only mounts and special file
     * systems all answer it.
     */
    static void requireWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".whyasync-", ".probe"));
        } catch (IOException | SecurityException e) {
            throw new UsageException("cannot write results to " + dir + " (" + why(e) + "); give --results a folder "
                    + "you can write (default: results)", e);
        }
    }

    private static String why(Exception e) {
        if (e instanceof FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    /** Claims a fresh run id in {@code dir} (created if missing) by creating its empty meta file. */
    static RunFiles reserve(Path dir, String profile, LocalDateTime now) throws IOException {
        Files.createDirectories(dir);
        String base = STAMP.format(now) + "-" + profile;
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            String id = n == 1 ? base : base + "-" + n;
            RunFiles files = of(dir, id);
            if (Stream.of(".json", ".md", ".html", ".jfr", ".log", ".export", ".flame", ".flame.json", Run.OLD_META)
                    .anyMatch(ext -> Files.exists(dir.resolve(id + ext)))) {
                continue;
            }
            try {
                Files.createDirectory(files.meta().getParent());
                Files.createFile(files.meta());
                return files;
            } catch (FileAlreadyExistsException taken) {
                // another run claimed this id a moment ago: try the next suffix
            }
        }
        throw new IOException("no free run id for " + base + " in " + dir + " after " + MAX_SUFFIX + " tries");
    }
}
