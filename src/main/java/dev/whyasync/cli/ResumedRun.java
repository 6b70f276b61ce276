package dev.whyasync.cli;

import dev.whyasync.report.results.BenchmarkKey;
import dev.whyasync.report.results.ResultFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A run to finish, as its files left it: the meta file says what it measures (profile,
 * {@code --only}, {@code -p}) and the result file which units are done. Each way a resume can be
 * refused is one line that names the file: an unknown run id (with the nearest ids in the folder),
 * an unreadable meta or result file, results the plan of this build does not have.
 */
record ResumedRun(RunFiles files, RunMeta meta, Set<BenchmarkKey> done) {
    private static final int NEAREST = 3;

    static ResumedRun load(Path dir, String runId) throws IOException {
        RunFiles files = RunFiles.of(dir, runId);
        if (!Files.exists(files.meta())) {
            if (!Files.exists(files.results())) {
                throw new UsageException("no run '" + runId + "' in " + dir + ": looked for " + files.meta() + " and "
                        + files.results() + nearest(dir, runId));
            }
            throw new UsageException("cannot resume " + runId + ": " + files.meta()
                    + " is missing, and only it says which profile the run used");
        }
        RunMeta meta;
        try {
            meta = RunMeta.read(files.meta());
        } catch (UsageException e) {
            throw new UsageException("cannot resume " + runId + ": " + e.getMessage(), e);
        }
        try {
            return new ResumedRun(files, meta, new ResultFile(files.results()).keys());
        } catch (ResultFormatException e) {
            throw new UsageException("cannot resume " + runId + ": " + e.getMessage(), e);
        }
    }

    boolean complete() {
        return RunMeta.COMPLETE.equals(meta.status());
    }

    /** The plan of the run's own choice, as this build makes it. */
    SuitePlan plan() {
        try {
            return meta.choice().plan();
        } catch (UsageException e) {
            throw new UsageException("cannot resume " + files.runId() + ": " + e.getMessage(), e);
        }
    }

    /** The units not done yet; refuses a run whose results this plan does not have (another build made them). */
    List<RunUnit> missing(List<RunUnit> units) {
        Set<BenchmarkKey> planned = units.stream().map(RunUnit::key).collect(Collectors.toSet());
        List<BenchmarkKey> foreign = done.stream().filter(key -> !planned.contains(key)).toList();
        if (!foreign.isEmpty()) {
            Set<String> benchmarks = units.stream().map(RunUnit::benchmark).collect(Collectors.toSet());
            List<String> gone = foreign.stream().map(BenchmarkKey::benchmark).filter(name -> !benchmarks.contains(name))
                    .distinct().toList();
            String what = gone.isEmpty()
                    ? "parameter sets this build does not plan: " + foreign.stream().limit(NEAREST)
                            .map(BenchmarkKey::label).collect(Collectors.joining("; "))
                    : "benchmarks this build does not have: " + String.join(", ", gone);
            throw new UsageException("cannot resume " + files.runId() + ": its results have " + what
                    + "; resume it with the build that started it (commit " + meta.gitCommit() + ")");
        }
        return units.stream().filter(unit -> !done.contains(unit.key())).toList();
    }

    /** "; the nearest runs there: a, b, c" by edit distance, or a word that there are none. */
    private static String nearest(Path dir, String runId) throws IOException {
        List<String> ids = RunFiles.runIds(dir);
        if (ids.isEmpty()) {
            return "; there are no runs there";
        }
        return "; the nearest runs there: " + ids.stream()
                .sorted(Comparator.comparingInt((String id) -> Suggestion.distance(runId, id)).thenComparing(id -> id))
                .limit(NEAREST).collect(Collectors.joining(", "));
    }
}
