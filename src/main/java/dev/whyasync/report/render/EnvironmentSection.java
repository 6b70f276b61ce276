package dev.whyasync.report.render;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.chart.Quantity;
import dev.whyasync.report.render.Document.Block;
import dev.whyasync.report.render.Document.Cell;
import dev.whyasync.report.render.Document.Paragraph;
import dev.whyasync.report.render.Document.Section;
import dev.whyasync.report.render.Document.Table;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.GarbageCollector;
import dev.whyasync.report.results.Run;
import dev.whyasync.report.results.RunMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** Where and how the run was made: the meta file's fields, then what JMH itself recorded. */
final class EnvironmentSection {

    private EnvironmentSection() {
    }

    static Section build(Run run) {
        List<Block> blocks = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        RunMeta meta = run.meta();
        if (meta.isEmpty()) {
            blocks.add(Paragraph.muted("No meta file (" + run.file().getParent().relativize(Run.metaFileOf(run.file()))
                    + ") beside the results: only what JMH recorded is shown."));
        }
        for (String field : RunMeta.KNOWN_FIELDS) {
            meta.text(field).ifPresent(value -> rows.add(row(field, switch (field) {
                case "memoryBytes" -> meta.memoryBytes().map(b -> Quantity.format(b, "B") + " (" + b + " bytes)").orElse(value);
                case "jvmArgs" -> value.isBlank() ? "none (each benchmark's own)" : value;
                default -> value;
            })));
        }
        meta.fields().keySet().stream().filter(k -> !RunMeta.KNOWN_FIELDS.contains(k))
                .forEach(k -> rows.add(row(k, meta.text(k).orElse(""))));
        List<BenchmarkResult> results = run.results();
        rows.add(row("JMH version", common(results, BenchmarkResult::jmhVersion)));
        rows.add(row("JVM", common(results, r -> r.vmName() == null ? null : r.vmName() + " " + r.vmVersion())));
        rows.add(row("JDK version", common(results, BenchmarkResult::jdkVersion)));
        rows.add(row("JVM arguments", common(results, r -> String.join(" ", r.jvmArgs()))));
        rows.add(row("garbage collector", common(results, r -> GarbageCollector.describe(r.jvmArgs()))));
        rows.add(row("forks", common(results, BenchmarkResult::forks)));
        rows.add(row("warmup", common(results, r -> iterations(r.warmupIterations(), r.warmupTime()))));
        rows.add(row("measurement", common(results, r -> iterations(r.measurementIterations(), r.measurementTime()))));
        List<BenchmarkResult> io = results.stream().filter(r -> SuiteLayout.benchmarkOf(r.shortName())
                .filter(SuiteLayout.IO::equals).isPresent()).toList();
        if (!io.isEmpty()) {
            rows.add(row("IO target", common(io, r -> r.param(SuiteLayout.TARGET).filter(t -> !t.isBlank())
                    .orElse("the fixture, in its own JVM on 127.0.0.1"))));
        }
        rows.add(row("benchmark results", String.valueOf(results.size())));
        blocks.add(new Table(List.of("", "value"), rows));
        return new Section("environment", "Environment", blocks);
    }

    /** "5 × 10 s", or "5 iterations" when JMH's file gives no time. */
    private static String iterations(Integer count, String time) {
        if (count == null) {
            return null;
        }
        return time == null ? count + " iterations" : count + " \u00d7 " + time;
    }

    private static List<Cell> row(String name, String value) {
        return List.of(Cell.of(name), Cell.of(value));
    }

    /** The value every result shares, "varies: a, b" when they differ, "not recorded" when none has it. */
    private static String common(List<BenchmarkResult> results, Function<BenchmarkResult, Object> field) {
        List<String> values = results.stream().map(field).filter(Objects::nonNull).map(String::valueOf)
                .filter(s -> !s.isBlank()).distinct().toList();
        if (values.isEmpty()) {
            return "not recorded";
        }
        return values.size() == 1 ? values.get(0) : "varies: " + String.join("; ", values.subList(0, Math.min(4, values.size())))
                + (values.size() > 4 ? "; ..." : "");
    }
}
