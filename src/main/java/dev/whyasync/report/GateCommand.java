package dev.whyasync.report;

import dev.whyasync.report.compare.GateFinding;
import dev.whyasync.report.compare.GateRule;
import dev.whyasync.report.compare.GateTable;
import dev.whyasync.report.compare.JvmDifferences;
import dev.whyasync.report.compare.MismatchedRunsException;
import dev.whyasync.report.compare.RunComparison;
import dev.whyasync.report.results.BenchmarkKey;
import dev.whyasync.report.results.ResultFormatException;
import dev.whyasync.report.results.ResultReader;
import dev.whyasync.report.results.Run;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code gate --baseline base.json new.json}: exit 1 when a benchmark regressed, for CI. */
public final class GateCommand {

    static final String USAGE = """
            usage: gate --baseline base.json new.json [--threshold 10] [--reference-model NAME]
              Fails (exit 1) when a benchmark's primary score got worse in new.json, with all of:
                1. the change new/base is significant (95% Welch interval over iteration samples)
                   and larger than --threshold percent;
                2. the same holds for the within-run ratio: the model's score relative to a reference
                   model measured in the same run and parameter set (parameter "model", or the method
                   of a suite benchmark with one method per model), so that a slower or noisier
                   machine, which slows every model alike, does not fail the gate.
              The reference is --reference-model where that parameter set has it in both runs, else the
              alphabetically first model present in both; the reference itself is checked against the
              next model. Benchmarks without a model are judged by rule 1 alone. A line on stderr warns when
              the runs' forks had different JVM options or garbage collectors.
            exit codes: 0 no regression, 1 regression, 2 bad arguments or unreadable or mismatched input""";

    private GateCommand() {
    }

    public static int run(List<String> args) {
        return run(args, System.out, System.err);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            CommandArguments parsed = CommandArguments.parse(args, Set.of("--baseline", "--threshold", "--reference-model"), Set.of());
            if (parsed.help()) {
                out.println(USAGE);
                return 0;
            }
            String baseline = parsed.options().get("--baseline");
            if (baseline == null) {
                throw new UsageException("--baseline base.json is required");
            }
            parsed.expectPositionals(1, "one new result file after --baseline base.json");
            double threshold = parsed.percent("--threshold", CompareCommand.DEFAULT_THRESHOLD);
            Run now = ResultReader.read(Path.of(parsed.positional().get(0)));
            Run base = ResultReader.read(Path.of(baseline));
            RunComparison comparison = RunComparison.of(base, now, threshold, false);
            JvmDifferences.between(base, now).forEach(warning -> err.println("gate: warning: " + warning));
            List<GateFinding> findings = GateRule.evaluate(comparison, threshold, parsed.options().get("--reference-model"));
            out.print(GateTable.text(findings, threshold));
            List<BenchmarkKey> unjudged = comparison.onlyBefore();
            if (!unjudged.isEmpty()) {
                err.println("gate: warning: " + unjudged.size() + " of the baseline's results have no counterpart in "
                        + now.file().getFileName() + " and were not judged (first: " + unjudged.get(0).shortName() + " "
                        + unjudged.get(0).paramsLabel() + "); a new parameter or benchmark needs a new baseline");
            }
            return findings.stream().anyMatch(GateFinding::regression) ? 1 : 0;
        } catch (UsageException e) {
            err.println("gate: " + e.getMessage() + " (see gate --help)");
        } catch (ResultFormatException | MismatchedRunsException e) {
            err.println("gate: " + e.getMessage());
        }
        return 2;
    }
}
