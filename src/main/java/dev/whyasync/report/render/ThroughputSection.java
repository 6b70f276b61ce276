package dev.whyasync.report.render;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.chart.LineChart;
import dev.whyasync.report.chart.LineChart.Point;
import dev.whyasync.report.chart.LineChart.Series;
import dev.whyasync.report.render.Document.Block;
import dev.whyasync.report.render.Document.Cell;
import dev.whyasync.report.render.Document.Paragraph;
import dev.whyasync.report.render.Document.Section;
import dev.whyasync.report.render.Document.Table;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.suite.Measures;
import dev.whyasync.report.suite.SuiteData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Throughput against concurrency, one chart per workload (the headline first), one line per model.
 * A model run with several thread counts (pool sizes) gets one line per count.
 */
final class ThroughputSection {

    private ThroughputSection() {
    }

    static Section build(SuiteData data) {
        String title = "Throughput vs concurrency";
        List<BenchmarkResult> io = data.results(SuiteLayout.IO);
        if (io.isEmpty()) {
            return Charts.notMeasured("throughput", title, SuiteLayout.IO);
        }
        Map<Map<String, String>, List<BenchmarkResult>> byWorkload = new LinkedHashMap<>();
        byWorkload.put(data.headline(), new ArrayList<>());
        io.stream().sorted(Comparator.comparing(r -> SuiteData.workload(r).toString()))
                .forEach(r -> byWorkload.computeIfAbsent(SuiteData.workload(r), k -> new ArrayList<>()).add(r));
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("Tasks finished per second with C tasks in flight (each task downloads two pages). "
                + "Error bars: JMH's 99.9% confidence interval. Headline workload, used by the claims: "
                + Charts.workloadLabel(data.headline()) + "."));
        byWorkload.forEach((workload, results) -> blocks.add(Charts.lines(chart(workload, results))));
        blocks.add(Paragraph.of("Headline workload (" + Charts.workloadLabel(data.headline()) + "), tasks/s \u00b1 JMH error. "
                + CHECKS + " " + CheckMarks.USE));
        CheckMarks marks = new CheckMarks(data);
        blocks.add(table(byWorkload.get(data.headline()), marks));
        blocks.addAll(marks.legend());
        CheckMarks.unchecked(data, io).ifPresent(blocks::add);
        return new Section("throughput", title, blocks);
    }

    private static LineChart chart(Map<String, String> workload, List<BenchmarkResult> results) {
        Map<String, List<Point>> lines = new LinkedHashMap<>();
        Map<String, String> colors = new LinkedHashMap<>();
        List<String> models = models(results);
        for (BenchmarkResult r : sorted(results)) {
            String name = seriesName(r, results);
            String model = SuiteLayout.modelOf(r).orElse(r.shortName());
            colors.putIfAbsent(name, Charts.color(model, models.indexOf(model)));
            Measures.THROUGHPUT.of(r).ifPresent(y -> lines.computeIfAbsent(name, k -> new ArrayList<>()).add(
                    new Point(SuiteData.concurrency(r), y, Measures.THROUGHPUT.low(r), Measures.THROUGHPUT.high(r))));
        }
        List<Series> series = new ArrayList<>();
        Set<String> seenColors = new HashSet<>();
        lines.forEach((name, points) -> series.add(new Series(name, colors.get(name), !seenColors.add(colors.get(name)), points)));
        return new LineChart("Throughput vs concurrency", "workload: " + Charts.workloadLabel(workload),
                "tasks in flight (C)", "", true, "tasks/s", "", true, series);
    }

    /** What every IO result is checked for; the marks say which it failed. */
    static final String CHECKS = "Every result is checked: the mean number of tasks in flight must reach 0.95 C (the "
            + "sequential control runs one task at a time by design), the score must not trend over the measured iterations "
            + "(a least-squares slope per fork, significant at 5% and more than 5% over the run), and client plus fixture "
            + "must leave 10% of the cores free.";

    private static Table table(List<BenchmarkResult> results, CheckMarks marks) {
        TreeSet<Integer> levels = new TreeSet<>();
        results.forEach(r -> levels.add(SuiteData.concurrency(r)));
        List<String> header = new ArrayList<>(List.of("model"));
        levels.forEach(c -> header.add("C=" + c));
        Map<String, List<Cell>> rows = new LinkedHashMap<>();
        for (BenchmarkResult r : sorted(results)) {
            String name = seriesName(r, results);
            List<Cell> row = rows.computeIfAbsent(name, k -> {
                List<Cell> cells = new ArrayList<>(List.of(Cell.of(k)));
                levels.forEach(c -> cells.add(new Cell("n/a", Document.Tone.MUTED)));
                return cells;
            });
            row.set(1 + levels.headSet(SuiteData.concurrency(r)).size(), marks.mark(Charts.withError(Optional.of(r), Measures.THROUGHPUT), r));
        }
        return new Table(header, List.copyOf(rows.values()));
    }

    /** The model, plus its thread count when the model was run with several. */
    private static String seriesName(BenchmarkResult r, List<BenchmarkResult> all) {
        String model = SuiteLayout.modelOf(r).orElse(r.shortName());
        long counts = all.stream().filter(o -> SuiteLayout.modelOf(o).orElse(o.shortName()).equals(model))
                .map(o -> o.param(SuiteLayout.THREADS).orElse("")).distinct().count();
        return counts > 1 ? model + " (threads=" + r.param(SuiteLayout.THREADS).orElse("?") + ")" : model;
    }

    private static List<BenchmarkResult> sorted(List<BenchmarkResult> results) {
        return results.stream().sorted(Comparator
                .comparing((BenchmarkResult r) -> SuiteLayout.modelOf(r).orElse(""), SuiteLayout.MODEL_ORDER)
                .thenComparingDouble(r -> SuiteData.number(r.param(SuiteLayout.THREADS).orElse("0")))
                .thenComparingInt(SuiteData::concurrency)).toList();
    }

    private static List<String> models(List<BenchmarkResult> results) {
        return results.stream().map(r -> SuiteLayout.modelOf(r).orElse(r.shortName())).distinct()
                .sorted(SuiteLayout.MODEL_ORDER).toList();
    }
}
