package dev.whyasync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.whyasync.bench.JfrEventsProfiler;
import dev.whyasync.cli.Profiles.Profile;
import dev.whyasync.report.chart.Quantity;
import dev.whyasync.report.results.BenchmarkKey;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs a plan's units one JMH run each, and appends each finished unit's result to the run's
 * result file before the next unit starts. A unit that fails (its fork crashed, its benchmark threw,
 * its fixture died) is reported and the run goes on with the next. The console gets one line per
 * unit: what it is and about how long it takes, then, when it ends, its headline figure (JMH's score
 * and error), how long it took and how long the rest should take: the plan's estimate for the units
 * left, scaled by how long the units so far took against theirs. JMH's own output goes to the run's
 * log ({@link JmhLog}); with {@code verbose} to the console as well, and the unit's line is then
 * split in two, its start and its end, around JMH's output. A failed unit's reason is one line on
 * the error stream, with the log's path.
 */
final class SuiteRun {
    /** How long a unit's fork and fixture may take to exit after JMH is done with them. */
    private static final Duration EXIT_PATIENCE = Duration.ofSeconds(10);
    /**
     * Ctrl-C in a terminal reaches the forks too, and a fork can die of it, failing its unit, a
     * moment before this JVM's shutdown hook runs; after a failure the next unit waits this long
     * so that it does not start a fork the hook would have to chase.
     */
    private static final long AFTER_FAILURE_MS = 500;

    private SuiteRun() {
    }

    /** The keys of the results the file holds at the end, and the units that were run but failed. */
    record Outcome(Set<BenchmarkKey> finished, List<RunUnit> failed) {
        List<RunUnit> missing(List<RunUnit> units) {
            return units.stream().filter(unit -> !finished.contains(unit.key())).toList();
        }
    }

    /**
     * Runs the units whose key is not in {@code done}. Stops early, before a new unit, when the
     * guard says the JVM is shutting down. An error writing the result file stops the run.
     */
    static Outcome run(Profile profile, List<RunUnit> units, Set<BenchmarkKey> done, RunFiles files, RunGuard guard,
                       Output io, boolean verbose) throws IOException {
        try (JmhLog log = JmhLog.open(files.log(), io.out(), verbose)) {
            return run(profile, units, done, files, guard, io, verbose, log);
        }
    }

    private static Outcome run(Profile profile, List<RunUnit> units, Set<BenchmarkKey> done, RunFiles files, RunGuard guard,
                               Output io, boolean verbose, JmhLog log) throws IOException {
        ResultFile results = new ResultFile(files.results());
        Set<BenchmarkKey> finished = new LinkedHashSet<>(done);
        List<RunUnit> failed = new ArrayList<>();
        Pace pace = new Pace(units.stream().filter(unit -> !done.contains(unit.key())).toList());
        try (FlameRecorder flames = profile.recordsFlames() ? FlameRecorder.open(profile.flame(), files) : null) {
            for (int i = 0; i < units.size() && !guard.stopping(); i++) {
                RunUnit unit = units.get(i);
                if (finished.contains(unit.key())) {
                    continue;
                }
                String tag = "[" + (i + 1) + "/" + units.size() + "] " + unit.label();
                String opening = tag + " (about " + SuitePlan.minutes(unit.estimate()) + ") ...";
                if (verbose) {
                    io.out().println(opening);
                } else {
                    // the line ends when the unit does
                    io.out().print(opening + " ");
                    io.out().flush();
                }
                long start = System.nanoTime();
                String problem;
                String headline = "";
                try {
                    ArrayNode result = runOne(profile, unit, files, log.format(), unit.flamePoint() ? flames : null);
                    results.append(result);
                    finished.add(unit.key());
                    headline = headline(result);
                    problem = null;
                } catch (UnitFailedException e) {
                    failed.add(unit);
                    problem = e.getMessage();
                    pause(AFTER_FAILURE_MS);
                }
                List<String> leftovers = guard.processes().reap(EXIT_PATIENCE);
                Duration duration = pace.took(unit, System.nanoTime() - start);
                String end = verbose ? tag + " ... " : "";
                if (problem == null) {
                    io.out().println(end + headline + ", done in " + SuitePlan.minutes(duration) + "; " + pace.remaining());
                } else {
                    io.out().println(end + "FAILED");
                    io.err().println("whyasync: " + tag + " failed after " + SuitePlan.minutes(duration) + ": " + problem
                            + "; JMH's output is in " + log.path() + (guard.stopping() ? "" : "; going on with the next unit"));
                }
                if (!leftovers.isEmpty()) {
                    io.err().println("whyasync: ended what the unit left running: " + String.join(", ", leftovers));
                }
            }
        }
        return new Outcome(finished, failed);
    }

    /**
     * One unit through JMH, its result read from the unit file; a failure is one line saying why.
     * A recording that an earlier, failed attempt at the unit left is removed first: the forks
     * append to it. With {@code flames}, async-profiler records the unit and its flame graphs are
     * made before its result is returned.
     */
    private static ArrayNode runOne(Profile profile, RunUnit unit, RunFiles files, OutputFormat jmhOutput, FlameRecorder flames)
            throws UnitFailedException {
        Path unitFile = files.unitResult();
        try {
            Files.deleteIfExists(unitFile);
            Path jfrDir = null;
            if (profile.recordsJfr()) {
                jfrDir = Files.createDirectories(files.jfrDir());
                Files.deleteIfExists(jfrDir.resolve(JfrEventsProfiler.fileName(unit.benchmark(), unit.mode(), unit.params())));
            }
            String asyncProfiler = flames == null ? null : flames.prepare(unit);
            new Runner(profile.options(unit, jfrDir, asyncProfiler).resultFormat(ResultFormatType.JSON).result(unitFile.toString())
                    .shouldFailOnError(true).build(), jmhOutput).run();
            ArrayNode result = ResultFile.unitResult(unitFile, unit);
            if (flames != null) {
                flames.finish(unit, result);
            }
            return result;
        } catch (RunnerException | IOException | RuntimeException e) {
            throw new UnitFailedException(why(e), e);
        } finally {
            try {
                Files.deleteIfExists(unitFile);
            } catch (IOException e) {
                // the next unit overwrites it; it is never read as a result
            }
        }
    }

    /** "16.2k ops/s ± 3%": the unit's primary score and JMH's error as a share of it (none with one iteration). */
    static String headline(ArrayNode result) {
        JsonNode metric = result.path(0).path("primaryMetric");
        double score = metric.path("score").asDouble(Double.NaN);
        double error = metric.path("scoreError").asDouble(Double.NaN);
        String text = Quantity.format(score, "") + " " + metric.path("scoreUnit").asText("");
        return Double.isFinite(error) && score != 0
                ? text + " ± " + Quantity.format(100 * error / Math.abs(score), "") + "%" : text;
    }

    /** JMH's first line and the innermost cause, which is the benchmark's own error or the fork's exit code. */
    private static String why(Throwable error) {
        Throwable inner = error;
        while (inner.getCause() != null && inner.getCause() != inner) {
            inner = inner.getCause();
        }
        if (inner.getSuppressed().length > 0) {
            inner = inner.getSuppressed()[0];
        }
        String first = firstLine(error);
        String last = firstLine(inner);
        return inner == error || first.contains(last) ? first : first + ": " + last;
    }

    private static String firstLine(Throwable error) {
        String message = error.getMessage();
        return message == null || message.isBlank() ? error.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The plan's estimate of the units left, scaled by how long the units so far took against theirs. */
    private static final class Pace {
        private Duration left;
        private Duration estimated = Duration.ZERO;
        private Duration took = Duration.ZERO;

        Pace(List<RunUnit> toRun) {
            left = toRun.stream().map(RunUnit::estimate).reduce(Duration.ZERO, Duration::plus);
        }

        /** Counts a unit as run in {@code nanos}, and returns that as a duration. */
        Duration took(RunUnit unit, long nanos) {
            Duration duration = Duration.ofNanos(nanos);
            left = left.minus(unit.estimate());
            estimated = estimated.plus(unit.estimate());
            took = took.plus(duration);
            return duration;
        }

        String remaining() {
            if (left.isZero() || left.isNegative()) {
                return "nothing left";
            }
            double scale = estimated.isZero() ? 1 : (double) took.toNanos() / estimated.toNanos();
            return "about " + SuitePlan.minutes(Duration.ofNanos((long) (left.toNanos() * scale))) + " left (estimate)";
        }
    }

    /** A unit that produced no result; the message is one line. */
    private static final class UnitFailedException extends Exception {
        UnitFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
