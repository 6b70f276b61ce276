package dev.whyasync.cli;

import dev.whyasync.bench.MachineLimits;
import dev.whyasync.cli.Profiles.Profile;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;

/**
 * {@code bench} (and no command at all): runs a profile's suite through JMH's {@link Runner},
 * after printing the plan, and leaves {@code <run-id>.json} and {@code <run-id>.meta.json} in the
 * results folder. The meta file is written before the first fork starts, so a run that is stopped
 * midway still says what it was and that it did not complete.
 */
final class BenchCommand {

    static final List<Flag> FLAGS = List.of(
            Flag.valued("--profile", Profiles.names(), "the suite to run (default: default)"),
            Flag.valued("--results", "dir", "where the result files go (default: results)"),
            Flag.toggle("--dry-run", "print the plan and stop"));

    static final Command COMMAND = Command.of("bench",
            "[bench] [--profile " + Profiles.names() + "] [--results <dir>] [--dry-run]",
            "run a benchmark suite; the default when no command is given",
            """
            Prints the plan (benchmarks, parameter sets, estimated time), then runs the profile's \
            benchmarks with JMH. Profiles: quick (CI, about 3 min), default (about 10 min), full (the \
            publication run, about 70 min). Writes <dir>/<run-id>.json (JMH's JSON) and \
            <dir>/<run-id>.meta.json (JDK, OS, cores, memory, commit, profile, command line, start, \
            end, status) with run-id = yyyyMMdd-HHmmss-<profile>; existing files are never \
            overwritten. Any other JMH setting: 'whyasync jmh'.""",
            FLAGS, BenchCommand::run);

    private BenchCommand() {
    }

    static int run(List<String> args, Output io) throws IOException {
        Arguments arguments = Arguments.parse("bench", FLAGS, args).withoutPositionals();
        Profile profile = Profiles.named(arguments.string("--profile", Profiles.DEFAULT.name()));
        Path dir = Path.of(arguments.string("--results", "results"));
        SuitePlan plan = SuitePlan.of(profile, SuitePlan.inJar(profile));
        MachineLimits limits = MachineLimits.read();
        io.out().print(plan.describe());
        io.out().println("machine: " + limits.describe());
        if (arguments.has("--dry-run")) {
            return Main.OK;
        }

        RunFiles files = RunFiles.reserve(dir, profile.name(), LocalDateTime.now());
        RunMeta started = RunMeta.started(files.runId(), profile.name(), args, limits);
        started.write(files.meta());
        io.out().println("run " + files.runId() + ": results go to " + files.results());
        String status = runJmh(profile, plan, files, started, io);

        io.out().println("run " + files.runId() + " " + status + ":");
        io.out().println("  " + files.results() + "  JMH results");
        io.out().println("  " + files.meta() + "  environment and status");
        if (!RunMeta.COMPLETE.equals(status)) {
            return 1;
        }
        try {
            return Commands.require("report").action().run(List.of(files.results().toString()), io);
        } catch (Exception e) {
            throw new IllegalStateException("the run is saved but its report failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs JMH and returns the status for the meta file. Until JMH returns, a shutdown hook stands
     * ready to finish the meta file (incomplete, with an end time) if the JVM is stopped or fails.
     */
    static String runJmh(Profile profile, SuitePlan plan, RunFiles files, RunMeta started, Output io) throws IOException {
        String status = RunMeta.INCOMPLETE;
        Thread stopped = new Thread(() -> finish(started, RunMeta.INCOMPLETE, files));
        Runtime.getRuntime().addShutdownHook(stopped);
        try {
            Collection<RunResult> results = new Runner(
                    profile.options().resultFormat(ResultFormatType.JSON).result(files.results().toString()).build(),
                    OutputFormatFactory.createFormatInstance(io.out(), VerboseMode.NORMAL)).run();
            if (results.size() >= plan.runs()) {
                status = RunMeta.COMPLETE;
            } else {
                io.err().println("whyasync: " + (plan.runs() - results.size()) + " of " + plan.runs()
                        + " runs produced no result; JMH's output above says why");
            }
        } catch (RunnerException e) {
            io.err().println("whyasync: the run stopped: " + e.getMessage().lines().findFirst().orElse(e.toString()));
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopped);
        } catch (IllegalStateException shuttingDown) {
            return RunMeta.INCOMPLETE;
        }
        started.finished(status).write(files.meta());
        return status;
    }

    private static void finish(RunMeta started, String status, RunFiles files) {
        try {
            started.finished(status).write(files.meta());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
