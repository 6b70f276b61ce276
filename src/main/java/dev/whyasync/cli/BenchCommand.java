package dev.whyasync.cli;

import dev.whyasync.bench.MachineLimits;
import dev.whyasync.report.results.BenchmarkKey;
import dev.whyasync.report.results.ResultFormatException;
import dev.whyasync.report.results.ResultReader;
import dev.whyasync.report.suite.SuiteData;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code bench} (and no command at all): runs a profile's suite unit by unit (one JMH run per
 * benchmark, mode and parameter set) after printing the plan, and {@code bench --resume} runs what
 * an incomplete run is missing. Each unit's result joins {@code <run-id>.json} as soon as it
 * finishes, so whatever stops a run, the units that finished are kept, and the meta file says the
 * run is incomplete.
 */
final class BenchCommand {
    private static final String RESULTS = "results";
    private static final int LISTED_UNITS = 10;
    /** A soak longer than a day is a typing mistake more often than a plan. */
    private static final int MAX_MINUTES = 24 * 60;
    private static final String JFR = "--jfr";
    private static final String FLAME = "--flame";
    private static final String NO_FLAME = "--no-flame";
    private static final String VERBOSE = "--verbose";

    static final List<Flag> FLAGS = List.of(
            Flag.valued("--profile", "name", "the suite to run: " + Profiles.names() + " (default: default)"),
            Flag.valued("--only", "regex", "only benchmarks whose name matches, with the profile's settings"),
            Flag.valued(SuiteChoice.PARAM_FLAG, "name=v1,v2", "these values of a parameter; one -p per parameter"),
            Flag.valued("--results", "dir", "where the result files go (default: results)"),
            Flag.valued("--resume", "run-id", "run what an incomplete run is missing"),
            Flag.valued("--minutes", "n", "soak profile: minutes each model runs (default " + Profiles.SOAK_MINUTES + ")"),
            Flag.valued(JvmArgs.FLAG, "options", "JVM options for every fork, after each benchmark's own: \"-XX:+UseZGC\""),
            Flag.toggle(JFR, "JFR events per iteration (jfr.* metrics); keep each unit's recording"),
            Flag.toggle(FLAME, "CPU and allocation flame graphs per model (default in full)"),
            Flag.toggle(NO_FLAME, "no flame graphs, even in the full profile"),
            Flag.valued(FlameEngine.FLAG, "engine", "--flame's CPU engine: " + String.join(", ", FlameEngine.EVENTS)
                    + " (default: by the kernel)"),
            Flag.toggle(VERBOSE, "show JMH's output as it comes; it always goes to <dir>/<run-id>.log"),
            Flag.toggle("--dry-run", "print the plan and stop"));

    static final Command COMMAND = Command.of("bench",
            "[bench] [--profile <name>] [--only <regex>] [-p <name=v1,v2>] [--resume <id>] [...]",
            "run a benchmark suite; the default when no command is given",
            """
            Prints the plan (benchmarks, parameter sets, estimated time), then runs the profile's \
            benchmarks with JMH. Profiles: quick (CI, about 7 min), default (about 23 min), full (the \
            publication run, about 3 h), soak (the leak check: each model for --minutes, default \
            5, sampling threads, open files, RSS and live heap; the run fails, status 1, when one grew \
            beyond its noise). --only replaces the profile's benchmarks by those whose \
            name matches (a regular expression, searched as JMH does); -p replaces a parameter's \
            values. Each benchmark × mode × parameter set is a unit, run by JMH on its own; its result \
            is added to <dir>/<run-id>.json (JMH's JSON, valid at every moment) as soon as it finishes. \
            The console shows one line per unit (what, about how long, then its score and the time \
            left); JMH's own output is appended to <dir>/<run-id>.log, and --verbose shows it too. \
            <dir>/<run-id>.meta/meta.json holds the JDK, OS, cores, memory, commit, profile, command line, \
            start, end and status, with run-id = yyyyMMdd-HHmmss-<profile>; existing files are never \
            overwritten. --jvm-args adds JVM options to every fork, split at spaces, after the \
            benchmark's own, so that -Xmx4g wins over a benchmark's -Xmx2g; the JVM is started with them \
            first, and one it refuses stops the run before any unit (exit status 2). --jfr records JFR \
            events in each iteration (thread starts, GC pauses, and pinned virtual threads and parks of \
            1 ms or more) as jfr.* metrics and keeps each unit's recording in <dir>/<run-id>.jfr/. \
            --flame (the full profile's default; --no-flame turns it off) profiles the client JVM with \
            async-profiler during the measured iterations of one unit per model of LoadBenchmark (at \
            rate=2000) and IoBenchmark (at concurrency=1024, delay=20), writes a CPU and an allocation \
            flame graph of each to <dir>/<run-id>.flame/<unit>/cpu.html and alloc.html (with collapsed \
            stacks and the JFR recording) indexed by <dir>/<run-id>.flame.json, and adds the share of CPU \
            samples in the model's runtime, Netty, the JDK, whyasync, GC, JIT and the rest as flame.cpu.* \
            metrics (percent). CPU samples come from perf events (engine cpu) where \
            kernel.perf_event_paranoid is 1 or lower or the process holds CAP_PERFMON or CAP_SYS_ADMIN, else \
            from itimer; --flame-engine chooses; the plan and the flame index name the engine. \
            A failed unit is reported and the run goes on; a run that is stopped or has \
            failed units ends incomplete (exit status 1), and 'bench --resume <run-id>' runs only the \
            units it is missing, with the run's own profile, --only, -p, --jvm-args, --jfr and flame \
            graphs. Any \
            other JMH setting: 'whyasync jmh'.""",
            FLAGS, BenchCommand::run);

    private BenchCommand() {
    }

    static int run(List<String> args, Output io) throws IOException {
        List<String> rest = new ArrayList<>();
        Map<String, List<String>> params = SuiteChoice.takeParams(args, rest);
        Arguments arguments = Arguments.parse("bench", FLAGS, rest).withoutPositionals();
        Path dir = Path.of(arguments.string("--results", RESULTS));
        String resume = arguments.string("--resume", null);
        if (resume != null) {
            refuseOwnChoice(arguments, params);
            return resume(resume, dir, args, arguments.has("--dry-run"), arguments.has(VERBOSE), io);
        }
        if (!arguments.has("--dry-run")) {
            RunFiles.requireWritable(dir);
        }
        SuiteChoice choice = new SuiteChoice(arguments.string("--profile", Profiles.DEFAULT.name()),
                arguments.string("--only", null), params,
                arguments.string("--minutes", null) == null ? null
                        : arguments.integer("--minutes", Profiles.SOAK_MINUTES, 1, MAX_MINUTES),
                JvmArgs.parse(arguments.string(JvmArgs.FLAG, null)), arguments.has(JFR), flameChoice(arguments),
                arguments.string(FlameEngine.FLAG, null));
        SuitePlan plan = choice.plan();
        JvmArgs.check(plan);
        MachineLimits limits = MachineLimits.read();
        io.out().print(plan.describe());
        if (choice.only() != null) {
            io.out().println("only the benchmarks matching " + choice.only() + " (--only)");
        }
        io.out().println("machine: " + limits.describe());
        if (arguments.has("--dry-run")) {
            return Main.OK;
        }
        RunFiles files = RunFiles.reserve(dir, plan.profile().name(), LocalDateTime.now());
        int units = plan.units().size();
        io.out().println("run " + files.runId() + ": " + units + (units == 1 ? " unit" : " units") + "; each result joins "
                + files.results() + " as soon as its unit finishes; JMH's output goes to " + files.log()
                + (arguments.has(VERBOSE) ? " and here" : " (" + VERBOSE + " shows it here)"));
        if (choice.jfr()) {
            io.out().println("each unit's JFR recording goes to " + files.jfrDir() + "/");
        }
        if (plan.profile().recordsFlames()) {
            io.out().println("flame graphs go to " + files.flameDir() + "/, indexed by " + files.flameIndex());
        }
        return execute(plan, files, RunMeta.started(files.runId(), choice, args, limits), Set.of(), dir, arguments.has(VERBOSE), io);
    }

    private static int resume(String runId, Path dir, List<String> args, boolean dryRun, boolean verbose, Output io)
            throws IOException {
        ResumedRun run = ResumedRun.load(dir, runId);
        if (!dryRun) {
            RunFiles.requireWritable(dir);
        }
        if (run.complete()) {
            io.out().println("run " + runId + " is already complete: nothing to resume (" + run.files().results() + ")");
            return Main.OK;
        }
        SuitePlan plan = run.plan();
        List<RunUnit> units = plan.units();
        List<RunUnit> missing = run.missing(units);
        try {
            JvmArgs.check(plan);
        } catch (UsageException e) {
            throw new UsageException("cannot resume " + runId + ": " + e.getMessage(), e);
        }
        io.out().println("run " + runId + " (profile " + plan.profile().name()
                + (run.meta().only() == null ? "" : ", --only " + run.meta().only())
                + (run.meta().jvmArgs().isEmpty() ? "" : ", " + JvmArgs.FLAG + " '" + String.join(" ", run.meta().jvmArgs()) + "'")
                + (run.meta().jfr() ? ", " + JFR : "") + (run.meta().flame() ? ", " + FLAME : "") + "): "
                + (units.size() - missing.size()) + " of " + units.size() + " units done; " + missing.size()
                + " to run, about " + SuitePlan.minutes(missing.stream().map(RunUnit::estimate)
                        .reduce(Duration.ZERO, Duration::plus)));
        if (dryRun) {
            missing.forEach(unit -> io.out().println("  " + unit.label()));
            return Main.OK;
        }
        RunMeta session = RunMeta.started(runId, run.meta().choice(), args, MachineLimits.read());
        String started = environment(run.meta());
        if (!started.equals(environment(session))) {
            io.err().println("whyasync: note: run " + runId + " started on " + started + "; this resume runs on "
                    + environment(session) + ", and the results will mix both");
        }
        return execute(plan, run.files(), run.meta().resumedBy(session), run.done(), dir, verbose, io);
    }

    /** A resume measures what the run it resumes chose; a choice of its own is a mistake. */
    private static void refuseOwnChoice(Arguments arguments, Map<String, List<String>> params) {
        List<String> chosen = new ArrayList<>(arguments.values().keySet().stream()
                .filter(flag -> List.of("--profile", "--only", "--minutes", JvmArgs.FLAG, FlameEngine.FLAG).contains(flag))
                .sorted().toList());
        for (String toggle : List.of(JFR, FLAME, NO_FLAME)) {
            if (arguments.has(toggle)) {
                chosen.add(toggle);
            }
        }
        if (!params.isEmpty()) {
            chosen.add(SuiteChoice.PARAM_FLAG);
        }
        if (!chosen.isEmpty()) {
            throw new UsageException("--resume takes the profile, --only, -p, --minutes, --jvm-args, --jfr and --flame of the "
                    + "run it resumes; drop " + String.join(" and ", chosen) + " " + Arguments.seeHelp("bench"));
        }
    }

    /** {@code --flame}: true, {@code --no-flame}: false, neither: null (the profile's default); both is a mistake. */
    private static Boolean flameChoice(Arguments arguments) {
        if (arguments.has(FLAME) && arguments.has(NO_FLAME)) {
            throw new UsageException(FLAME + " and " + NO_FLAME + " contradict each other; keep one " + Arguments.seeHelp("bench"));
        }
        return arguments.has(FLAME) ? Boolean.TRUE : arguments.has(NO_FLAME) ? Boolean.FALSE : null;
    }

    /** "JDK 21.0.5 at commit 3f2a...": what must not change between a run and its resume for its numbers to compare. */
    private static String environment(RunMeta meta) {
        return "JDK " + (meta.jdk() == null ? "unknown" : meta.jdk().version()) + " at commit " + meta.gitCommit();
    }

    /** Runs the units not in {@code done}, finishes the meta file, and writes the report of a complete run. */
    private static int execute(SuitePlan plan, RunFiles files, RunMeta meta, Set<BenchmarkKey> done, Path dir, boolean verbose,
                               Output io) throws IOException {
        String resume = "java -jar target/benchmarks.jar bench --resume " + files.runId()
                + (dir.equals(Path.of(RESULTS)) ? "" : " --results " + dir);
        RunGuard guard = RunGuard.install(files, meta, io, resume);
        List<RunUnit> units = plan.units();
        String status = RunMeta.INCOMPLETE;
        SuiteRun.Outcome outcome = null;
        try {
            outcome = SuiteRun.run(plan.profile(), units, done, files, guard, io, verbose);
            status = outcome.missing(units).isEmpty() ? RunMeta.COMPLETE : RunMeta.INCOMPLETE;
        } finally {
            status = guard.finish(status);
        }
        io.out().println("run " + files.runId() + " " + status + ":");
        io.out().println("  " + files.results() + "  JMH results");
        io.out().println("  " + files.meta() + "  environment and status");
        io.out().println("  " + files.log() + "  JMH's output");
        if (plan.profile().recordsJfr()) {
            io.out().println("  " + files.jfrDir() + "/  JFR recordings, one per unit");
        }
        if (plan.profile().recordsFlames()) {
            io.out().println("  " + files.flameIndex() + "  flame graphs in " + files.flameDir() + "/, one pair per profiled unit");
        }
        if (!RunMeta.COMPLETE.equals(status)) {
            List<RunUnit> missing = outcome.missing(units);
            io.err().println("whyasync: run " + files.runId() + " is incomplete: " + missing.size() + " of " + units.size()
                    + " units have no result" + (outcome.failed().isEmpty() ? "" : "; failed: " + labels(outcome.failed())));
            io.err().println("whyasync: to run what is missing: " + resume);
            return 1;
        }
        int reported;
        try {
            reported = Commands.require("report").action().run(List.of(files.results().toString()), io);
        } catch (Exception e) {
            throw new IllegalStateException("the run is saved but its report failed: " + e.getMessage(), e);
        }
        return reported == Main.OK ? soakVerdict(files, io) : reported;
    }

    /** A run with soak results fails (status 1) when any resource of any model grew beyond its noise. */
    private static int soakVerdict(RunFiles files, Output io) {
        List<String> leaks;
        try {
            leaks = new SuiteData(ResultReader.read(files.results())).soakLeaks();
        } catch (ResultFormatException e) {
            throw new IllegalStateException("the run is saved but cannot be read back: " + e.getMessage(), e);
        }
        if (leaks.isEmpty()) {
            return Main.OK;
        }
        io.err().println("whyasync: soak failed: grew beyond noise: " + String.join("; ", leaks)
                + " (the report's soak section has the figures)");
        return 1;
    }

    private static String labels(List<RunUnit> units) {
        String listed = units.stream().limit(LISTED_UNITS).map(RunUnit::label).collect(Collectors.joining(", "));
        return units.size() > LISTED_UNITS ? listed + " and " + (units.size() - LISTED_UNITS) + " more" : listed;
    }
}
