package dev.whyasync.report;

import dev.whyasync.report.compare.ComparisonJson;
import dev.whyasync.report.compare.ComparisonTable;
import dev.whyasync.report.compare.JvmDifferences;
import dev.whyasync.report.compare.MismatchedRunsException;
import dev.whyasync.report.compare.RunComparison;
import dev.whyasync.report.results.ResultFormatException;
import dev.whyasync.report.results.ResultReader;
import dev.whyasync.report.results.Run;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code compare A.json B.json}: per benchmark and parameter set, B/A with a 95% interval. */
public final class CompareCommand {

    static final double DEFAULT_THRESHOLD = 10;

    static final String USAGE = """
            usage: compare A.json B.json [--threshold 10] [--secondary] [--json]
              For each benchmark, mode and parameter set in both runs: the ratio B/A of the scores with a
              95% confidence interval (Welch t on log scores over all forks' iteration samples). A change
              is marked when it is significant and larger than --threshold percent; "regression" or
              "improvement" follows the metric's direction (thrpt: higher is better; avgt, sample, ss:
              lower is better). A line on stderr warns when the runs' forks had different JVM options or
              garbage collectors (from JMH's jvmArgs, else the meta files' --jvm-args).
              --secondary  also compare secondary metrics (profilers, custom counters)
              --json       print JSON instead of a Markdown table
            exit codes: 0 compared, 2 bad arguments, unreadable input or no benchmark in common""";

    private CompareCommand() {
    }

    public static int run(List<String> args) {
        return run(args, System.out, System.err);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        try {
            CommandArguments parsed = CommandArguments.parse(args, Set.of("--threshold"), Set.of("--json", "--secondary"));
            if (parsed.help()) {
                out.println(USAGE);
                return 0;
            }
            parsed.expectPositionals(2, "two result files: compare A.json B.json");
            double threshold = parsed.percent("--threshold", DEFAULT_THRESHOLD);
            Run before = ResultReader.read(Path.of(parsed.positional().get(0)));
            Run after = ResultReader.read(Path.of(parsed.positional().get(1)));
            RunComparison comparison = RunComparison.of(before, after, threshold, parsed.switches().contains("--secondary"));
            JvmDifferences.between(before, after).forEach(warning -> err.println("compare: warning: " + warning));
            out.print(parsed.switches().contains("--json") ? ComparisonJson.write(comparison) + "\n" : ComparisonTable.markdown(comparison));
            return 0;
        } catch (UsageException e) {
            err.println("compare: " + e.getMessage() + " (see compare --help)");
        } catch (ResultFormatException | MismatchedRunsException e) {
            err.println("compare: " + e.getMessage());
        }
        return 2;
    }
}
