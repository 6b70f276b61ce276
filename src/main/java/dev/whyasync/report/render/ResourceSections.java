package dev.whyasync.report.render;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.chart.BarChart;
import dev.whyasync.report.chart.BarChart.Bar;
import dev.whyasync.report.chart.LineChart;
import dev.whyasync.report.chart.Palette;
import dev.whyasync.report.render.Document.Block;
import dev.whyasync.report.render.Document.Cell;
import dev.whyasync.report.render.Document.Paragraph;
import dev.whyasync.report.render.Document.Section;
import dev.whyasync.report.render.Document.Table;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.suite.Measure;
import dev.whyasync.report.suite.Measures;
import dev.whyasync.report.suite.SuiteData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

/** CPU per task, memory per task in flight, and latency percentiles on the headline workload. */
final class ResourceSections {

    private ResourceSections() {
    }

    static Section cpu(SuiteData data) {
        String title = "CPU per task";
        if (!Charts.anyHas(data.headlineIo(), Measures.CPU)) {
            return Charts.notMeasured("cpu", title, SuiteLayout.IO + " " + SuiteLayout.CPU_PER_TASK);
        }
        CheckMarks marks = new CheckMarks(data);
        return new Section("cpu", title, Charts.concat(List.of(
                Paragraph.of("Client process CPU time per finished task (user + system, all threads), headline workload "
                        + Charts.workloadLabel(data.headline()) + "."),
                Charts.lines(byConcurrency(data, Measures.CPU, "CPU per task vs concurrency", "CPU time per task")),
                byConcurrencyTable(data, Measures.CPU, marks)), marks.legend()));
    }

    static Section memory(SuiteData data) {
        String title = "Memory per task in flight";
        List<BenchmarkResult> headline = data.headlineIo();
        if (!Charts.anyHas(headline, Measures.RSS) && !Charts.anyHas(headline, Measures.ALLOC)) {
            return Charts.notMeasured("memory", title, SuiteLayout.IO + " memory");
        }
        List<String> models = Charts.ioModels(data);
        CheckMarks marks = new CheckMarks(data);
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("Resident set size of the client with C tasks in flight, the extra RSS each extra task "
                + "in flight costs (slope between the lowest and highest C), and bytes allocated per task (-prof gc)."));
        if (Charts.anyHas(headline, Measures.RSS)) {
            blocks.add(Charts.lines(byConcurrency(data, Measures.RSS, "Resident memory vs concurrency", "RSS")));
            blocks.add(Charts.valueBars("Extra RSS per extra task in flight", "slope of RSS from the lowest to the highest C",
                    "bytes per task", "B", models, data::marginalRss));
        }
        if (Charts.anyHas(headline, Measures.ALLOC)) {
            blocks.add(Charts.modelBars("Allocation per task", "at each model's highest C (see table)", "bytes allocated per task",
                    Measures.ALLOC, models, m -> top(data, m)));
        }
        blocks.add(memoryTable(data, models, marks));
        blocks.addAll(marks.legend());
        return new Section("memory", title, blocks);
    }

    /**
     * One row per model at its highest C. The columns for metrics from newer benchmark versions
     * (tasks in flight, runtime threads, fixture CPU) appear only when some result carries them.
     */
    private static Table memoryTable(SuiteData data, List<String> models, CheckMarks marks) {
        List<BenchmarkResult> tops = models.stream().map(m -> top(data, m)).flatMap(Optional::stream).toList();
        boolean inFlight = Charts.anyHas(tops, Measures.INFLIGHT_MEAN);
        boolean runtime = Charts.anyHas(tops, Measures.RUNTIME_THREADS);
        boolean fixture = Charts.anyHas(tops, Measures.FIXTURE_CPU);
        List<String> header = new ArrayList<>(List.of("model", "C"));
        header.addAll(inFlight ? List.of("in flight") : List.of());
        header.addAll(List.of("RSS", "live heap", "RSS per extra task", "allocated per task", "peak threads"));
        header.addAll(runtime ? List.of("runtime threads") : List.of());
        header.addAll(fixture ? List.of("client CPU", "fixture CPU") : List.of());
        header.add("errors");
        List<List<Cell>> rows = new ArrayList<>();
        for (String model : models) {
            Optional<BenchmarkResult> r = top(data, model);
            List<Cell> row = new ArrayList<>(List.of(Cell.of(model),
                    marks.mark(Cell.of(String.valueOf(data.levels(model).last())), r)));
            if (inFlight) {
                row.add(Charts.cell(value(r, Measures.INFLIGHT_MEAN), ""));
            }
            row.addAll(List.of(Charts.cell(value(r, Measures.RSS), "B"), Charts.cell(value(r, Measures.HEAP), "B"),
                    Charts.cell(data.marginalRss(model), "B"), Charts.cell(value(r, Measures.ALLOC), "B"),
                    Charts.cell(value(r, Measures.THREADS_PEAK), "")));
            if (runtime) {
                row.add(Charts.cell(value(r, Measures.RUNTIME_THREADS), ""));
            }
            if (fixture) {
                row.add(Charts.cell(value(r, Measures.CPU_CORES), "cores"));
                row.add(Charts.cell(value(r, Measures.FIXTURE_CPU), "cores"));
            }
            row.add(Charts.cell(value(r, Measures.ERRORS), ""));
            rows.add(row);
        }
        return new Table(header, rows);
    }

    static Section latency(SuiteData data) {
        String title = "Latency percentiles";
        if (Measures.LATENCIES.stream().noneMatch(m -> Charts.anyHas(data.headlineIo(), m))) {
            return Charts.notMeasured("latency", title, SuiteLayout.IO + " latency");
        }
        List<String> models = Charts.ioModels(data);
        String[] names = {"p50", "p90", "p99", "p99.9"};
        List<BarChart.BarSeries> series = new ArrayList<>();
        List<List<Cell>> rows = new ArrayList<>();
        CheckMarks marks = new CheckMarks(data);
        models.forEach(m -> rows.add(new ArrayList<>(List.of(Cell.of(m),
                marks.mark(Cell.of(String.valueOf(data.levels(m).last())), top(data, m))))));
        for (int i = 0; i < names.length; i++) {
            Measure measure = Measures.LATENCIES.get(i);
            List<Bar> bars = new ArrayList<>();
            for (int j = 0; j < models.size(); j++) {
                OptionalDouble value = value(top(data, models.get(j)), measure);
                bars.add(Bar.of(value.orElse(Double.NaN), Palette.shade(i)));
                rows.get(j).add(Charts.cell(value, "ms"));
            }
            series.add(new BarChart.BarSeries(names[i], bars));
        }
        BarChart chart = new BarChart("Task latency percentiles", "at each model's highest C; workload "
                + Charts.workloadLabel(data.headline()), "latency per task", "ms", true, models, series);
        return new Section("latency", title, Charts.concat(List.of(
                Paragraph.of("Time from a task's start to its combined result (HdrHistogram), at each model's highest C."),
                Charts.bars(chart),
                new Table(List.of("model", "C", "p50", "p90", "p99", "p99.9"), rows)), marks.legend()));
    }

    private static OptionalDouble value(Optional<BenchmarkResult> result, Measure measure) {
        return result.map(measure::of).orElse(OptionalDouble.empty());
    }

    /** A model's headline result at its highest measured concurrency. */
    private static Optional<BenchmarkResult> top(SuiteData data, String model) {
        return data.levels(model).isEmpty() ? Optional.empty() : data.io(model, data.levels(model).last());
    }

    private static LineChart byConcurrency(SuiteData data, Measure measure, String title, String yLabel) {
        List<String> models = Charts.ioModels(data);
        List<LineChart.Series> series = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            String model = models.get(i);
            List<LineChart.Point> points = new ArrayList<>();
            for (int level : data.levels(model)) {
                data.io(model, level).ifPresent(r -> measure.of(r).ifPresent(y ->
                        points.add(new LineChart.Point(level, y, measure.low(r), measure.high(r)))));
            }
            series.add(new LineChart.Series(model, Charts.color(model, i), points));
        }
        return new LineChart(title, "workload: " + Charts.workloadLabel(data.headline()), "tasks in flight (C)", "", true,
                yLabel, measure.unit(), true, series);
    }

    private static Table byConcurrencyTable(SuiteData data, Measure measure, CheckMarks marks) {
        TreeSet<Integer> levels = new TreeSet<>();
        Charts.ioModels(data).forEach(m -> levels.addAll(data.levels(m)));
        List<String> header = new ArrayList<>(List.of("model"));
        levels.forEach(c -> header.add("C=" + c));
        List<List<Cell>> rows = new ArrayList<>();
        for (String model : Charts.ioModels(data)) {
            List<Cell> row = new ArrayList<>(List.of(Cell.of(model)));
            levels.forEach(c -> row.add(marks.mark(Charts.withError(data.io(model, c), measure), data.io(model, c))));
            rows.add(row);
        }
        return new Table(header, rows);
    }
}
