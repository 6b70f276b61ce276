package dev.whyasync.report.render;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.chart.BarChart;
import dev.whyasync.report.chart.BarChart.Bar;
import dev.whyasync.report.chart.Palette;
import dev.whyasync.report.chart.Quantity;
import dev.whyasync.report.render.Document.Block;
import dev.whyasync.report.render.Document.Cell;
import dev.whyasync.report.render.Document.Figure;
import dev.whyasync.report.render.Document.Paragraph;
import dev.whyasync.report.render.Document.Section;
import dev.whyasync.report.render.Document.Table;
import dev.whyasync.report.render.Document.Tone;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.suite.Measure;
import dev.whyasync.report.suite.Measures;
import dev.whyasync.report.suite.SuiteData;
import dev.whyasync.report.suite.Validity;
import dev.whyasync.report.suite.Validity.Check;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Cost at a fixed load (DESIGN §5a): the open-loop benchmark, tasks started at an offered rate R
 * whatever earlier ones are doing. Every model does the same work per second, so CPU, memory and
 * allocation per task compare like for like, which the closed loop's "as fast as it can" does not.
 * One table and one chart per workload; a model run with several thread counts gets a row per count.
 */
final class LoadSection {

    private LoadSection() {
    }

    static Section build(SuiteData data) {
        String title = "Cost at a fixed load";
        List<BenchmarkResult> load = data.results(SuiteLayout.LOAD);
        if (load.isEmpty()) {
            return Charts.notMeasured("load", title, SuiteLayout.describe(SuiteLayout.LOAD));
        }
        Map<Map<String, String>, List<BenchmarkResult>> byWorkload = new LinkedHashMap<>();
        load.stream().sorted(Comparator.comparing(r -> SuiteData.loadWorkload(r).toString()))
                .forEach(r -> byWorkload.computeIfAbsent(SuiteData.loadWorkload(r), k -> new ArrayList<>()).add(r));
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("Tasks start on a schedule at the offered rate R, whether or not earlier ones have finished "
                + "(open loop; latency counts from each task's intended start). At the same work per second: client CPU per "
                + "task, resident memory above the idle level per task in flight, bytes allocated per task, and latency "
                + "above the server's delay (a sequential task waits for the delay twice, once per page). Tasks in flight "
                + "follow Little's law, R \u00d7 latency. A model that could not keep up is saturated at R: its figures "
                + "are at the rate it achieved, with a growing backlog. Each result is checked for steadiness and CPU "
                + "headroom as in the closed loop."));
        CheckMarks marks = new CheckMarks(data, Check.KEPT_UP);
        byWorkload.forEach((workload, results) -> {
            if (byWorkload.size() > 1) {
                blocks.add(Paragraph.of("Workload " + Charts.workloadLabel(workload) + ":"));
            }
            blocks.add(cpuChart(workload, results));
            blocks.add(table(data, results, marks));
        });
        blocks.addAll(marks.legend());
        CheckMarks.unchecked(data, load).ifPresent(blocks::add);
        return new Section("load", title, blocks);
    }

    private static Figure cpuChart(Map<String, String> workload, List<BenchmarkResult> results) {
        List<String> configs = configs(results);
        List<String> rates = rates(results);
        List<BarChart.BarSeries> series = new ArrayList<>();
        for (int i = 0; i < rates.size(); i++) {
            List<Bar> bars = new ArrayList<>();
            for (String config : configs) {
                Optional<BenchmarkResult> r = find(results, config, rates.get(i));
                bars.add(new Bar(value(r, Measures.CPU).orElse(Double.NaN), r.map(Measures.CPU::low).orElse(Double.NaN),
                        r.map(Measures.CPU::high).orElse(Double.NaN), Palette.shade(i)));
            }
            series.add(new BarChart.BarSeries("R = " + rateLabel(rates.get(i)), bars));
        }
        boolean log = Charts.wideRange(series.stream().flatMap(s -> s.bars().stream()).toList());
        String title = "CPU per task at a fixed load";
        return Charts.bars(new BarChart(title, "workload: " + Charts.workloadLabel(workload) + "; one bar per offered rate",
                "CPU time per task", "ns", log, configs, series));
    }

    private static Table table(SuiteData data, List<BenchmarkResult> results, CheckMarks marks) {
        List<List<Cell>> rows = new ArrayList<>();
        for (String rate : rates(results)) {
            for (String config : configs(results)) {
                Optional<BenchmarkResult> found = find(results, config, rate);
                if (found.isEmpty()) {
                    continue;
                }
                BenchmarkResult r = found.get();
                double delay = SuiteData.numberOrZero(r, SuiteLayout.PAGE_DELAY);
                rows.add(List.of(Cell.of(config), Charts.cell(Measures.LOAD_OFFERED.of(r), "tasks/s"),
                        marks.mark(Charts.withError(found, Measures.THROUGHPUT), r),
                        Charts.cell(Measures.INFLIGHT_MEAN.of(r), ""), Charts.cell(Measures.CPU.of(r), "ns"),
                        Charts.cell(Measures.MEM_PER_TASK.of(r), "B"), Charts.cell(Measures.ALLOC.of(r), "B"),
                        Charts.cell(minus(Measures.P50.of(r), delay), "ms"), Charts.cell(minus(Measures.P99.of(r), delay), "ms"),
                        keptUp(data.validity(r))));
            }
        }
        return new Table(List.of("model", "offered", "achieved", "in flight", "CPU per task", "memory per task in flight",
                "allocated per task", "p50 above delay", "p99 above delay", "kept up"), rows);
    }

    private static Cell keptUp(Validity validity) {
        if (validity.unchecked().contains(Check.KEPT_UP)) {
            return new Cell("not checked", Tone.MUTED);
        }
        return validity.failure(Check.KEPT_UP).map(f -> new Cell(f.text(), Tone.BAD)).orElse(Cell.of("yes"));
    }

    private static OptionalDouble minus(OptionalDouble latency, double delay) {
        return latency.isPresent() ? OptionalDouble.of(latency.getAsDouble() - delay) : latency;
    }

    private static OptionalDouble value(Optional<BenchmarkResult> result, Measure measure) {
        return result.map(measure::of).orElse(OptionalDouble.empty());
    }

    /** Offered rates as the parameter spells them, lowest first. */
    private static List<String> rates(List<BenchmarkResult> results) {
        return results.stream().map(r -> r.param(SuiteLayout.RATE).orElse("")).distinct()
                .sorted(Comparator.comparingDouble(SuiteData::number)).toList();
    }

    private static String rateLabel(String rate) {
        double value = SuiteData.number(rate);
        return Double.isNaN(value) ? rate : Quantity.format(value, "tasks/s");
    }

    /** Models in suite order; a model run with several thread counts as one entry per count. */
    private static List<String> configs(List<BenchmarkResult> results) {
        return results.stream().sorted(Comparator
                        .comparing((BenchmarkResult r) -> model(r), SuiteLayout.MODEL_ORDER)
                        .thenComparingDouble(r -> SuiteData.numberOrZero(r, SuiteLayout.THREADS)))
                .map(r -> config(r, results)).distinct().toList();
    }

    private static String config(BenchmarkResult r, List<BenchmarkResult> all) {
        long counts = all.stream().filter(o -> model(o).equals(model(r)))
                .map(o -> o.param(SuiteLayout.THREADS).orElse("")).distinct().count();
        return counts > 1 ? model(r) + " (threads=" + r.param(SuiteLayout.THREADS).orElse("?") + ")" : model(r);
    }

    private static Optional<BenchmarkResult> find(List<BenchmarkResult> results, String config, String rate) {
        return results.stream().filter(r -> config(r, results).equals(config)
                && r.param(SuiteLayout.RATE).orElse("").equals(rate)).findFirst();
    }

    private static String model(BenchmarkResult r) {
        return SuiteLayout.modelOf(r).orElse(r.shortName());
    }
}
