package dev.whyasync.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.whyasync.report.export.BenchmarkActionEntries;
import dev.whyasync.report.results.ResultFormatException;
import dev.whyasync.report.results.ResultReader;
import dev.whyasync.report.results.Run;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code export --format github-action-benchmark <run.json>}: the run in a format another tool reads
 * right. The files go to a folder ({@code <run-id>.export/} beside the run by default), so that no
 * {@code results/*.json} pattern takes them for JMH results.
 */
public final class ExportCommand {
    static final String FORMAT = "github-action-benchmark";
    static final String BIGGER = "customBiggerIsBetter.json";
    static final String SMALLER = "customSmallerIsBetter.json";

    static final String USAGE = """
            usage: export --format github-action-benchmark <run.json> [--out <dir>]
              Writes <dir>/customBiggerIsBetter.json and <dir>/customSmallerIsBetter.json (default dir:
              <run-id>.export beside the run), one per tool of github-action-benchmark: arrays of
              {name, value, unit, range, extra}. Each benchmark result gives its primary score (throughput
              in the bigger file, times in the smaller) and its allocation, CPU and p99 latency per task
              and RSS per task in flight (smaller). Names hold only the parameters that vary in the run;
              extra holds them all; range is JMH's error; metrics without a finite value are left out.
            exit codes: 0 written, 1 could not write, 2 bad arguments or unreadable input""";

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();

    private ExportCommand() {
    }

    public static int run(List<String> args) {
        return run(args, System.out, System.err);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Run run;
        Path dir;
        try {
            CommandArguments parsed = CommandArguments.parse(args, Set.of("--format", "--out"), Set.of());
            if (parsed.help()) {
                out.println(USAGE);
                return 0;
            }
            parsed.expectPositionals(1, "one result file: export --format " + FORMAT + " <run.json>");
            String format = parsed.options().get("--format");
            if (!FORMAT.equals(format)) {
                throw new UsageException(format == null ? "--format is required; the one format is " + FORMAT
                        : "unknown --format '" + format + "'; the one format is " + FORMAT);
            }
            run = ResultReader.read(Path.of(parsed.positional().get(0)));
            String chosen = parsed.options().get("--out");
            dir = chosen != null ? Path.of(chosen) : run.file().resolveSibling(run.id() + ".export");
        } catch (UsageException e) {
            err.println("export: " + e.getMessage() + " (see export --help)");
            return 2;
        } catch (ResultFormatException e) {
            err.println("export: " + e.getMessage());
            return 2;
        }
        BenchmarkActionEntries.Split split = BenchmarkActionEntries.of(run.results());
        try {
            Files.createDirectories(dir);
            JSON.writeValue(dir.resolve(BIGGER).toFile(), split.bigger());
            JSON.writeValue(dir.resolve(SMALLER).toFile(), split.smaller());
        } catch (IOException e) {
            err.println("export: cannot write to " + dir + ": " + e.getMessage());
            return 1;
        }
        out.println("wrote " + dir.resolve(BIGGER) + " (" + split.bigger().size() + " entries) and " + dir.resolve(SMALLER)
                + " (" + split.smaller().size() + " entries)");
        return 0;
    }
}
