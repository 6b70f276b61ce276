package dev.whyasync.report;

import dev.whyasync.report.render.Document;
import dev.whyasync.report.render.HtmlWriter;
import dev.whyasync.report.render.MarkdownWriter;
import dev.whyasync.report.render.ReportBuilder;
import dev.whyasync.report.results.ResultFormatException;
import dev.whyasync.report.results.ResultReader;
import dev.whyasync.report.results.Run;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/** {@code report <run.json>}: writes {@code <run-id>.md} and {@code <run-id>.html} beside the run. */
public final class ReportCommand {

    static final String USAGE = """
            usage: report <run.json>
              Reads a JMH JSON result file (and <run-id>.meta/meta.json beside it, if present) and writes
              <run-id>.md and <run-id>.html next to it: environment, throughput vs concurrency, CPU,
              memory, latency, cost at a fixed load, footprint, spawn/switch, code footprint,
              cancellation, faults, network, soak, and the claims table with computed verdicts.
              Results that failed a check (C not held, not steady, CPU-saturated) are marked and
              kept from the claims that need the check. The HTML is self-contained (inline SVG, CSS).
            exit codes: 0 written, 1 could not write, 2 bad arguments or unreadable input""";

    private ReportCommand() {
    }

    public static int run(List<String> args) {
        return run(args, System.out, System.err);
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        Run run;
        try {
            CommandArguments parsed = CommandArguments.parse(args, Set.of(), Set.of());
            if (parsed.help()) {
                out.println(USAGE);
                return 0;
            }
            parsed.expectPositionals(1, "one result file: report <run.json>");
            run = ResultReader.read(Path.of(parsed.positional().get(0)));
        } catch (UsageException e) {
            err.println("report: " + e.getMessage() + " (see report --help)");
            return 2;
        } catch (ResultFormatException e) {
            err.println("report: " + e.getMessage());
            return 2;
        }
        Document document = ReportBuilder.build(run);
        Path markdown = run.file().resolveSibling(run.id() + ".md");
        Path html = run.file().resolveSibling(run.id() + ".html");
        try {
            Files.writeString(markdown, MarkdownWriter.write(document));
            Files.writeString(html, HtmlWriter.write(document));
        } catch (IOException e) {
            err.println("report: cannot write the report: " + e);
            return 1;
        }
        out.println("wrote " + markdown + " and " + html);
        return 0;
    }
}
