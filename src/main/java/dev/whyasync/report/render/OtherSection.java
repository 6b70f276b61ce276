package dev.whyasync.report.render;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.chart.BarChart;
import dev.whyasync.report.chart.BarChart.Bar;
import dev.whyasync.report.chart.Quantity;
import dev.whyasync.report.render.Document.Block;
import dev.whyasync.report.render.Document.Cell;
import dev.whyasync.report.render.Document.Paragraph;
import dev.whyasync.report.render.Document.Section;
import dev.whyasync.report.render.Document.Table;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.Metric;
import dev.whyasync.report.results.ScoreUnit;
import dev.whyasync.report.suite.Measure;
import dev.whyasync.report.suite.SuiteData;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Results of benchmarks the suite layout does not know (any JMH project's): per benchmark and
 * mode, a bar per parameter set (grouped by model when there is a model parameter) and a table
 * with the score, its error and the secondary metrics.
 */
final class OtherSection {

    private static final int MAX_SECONDARIES = 6;

    private OtherSection() {
    }

    static Optional<Section> build(SuiteData data) {
        List<String> benchmarks = data.otherBenchmarks();
        if (benchmarks.isEmpty()) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("Benchmarks outside the suite's layout, shown as JMH reported them. Error bars: JMH's "
                + "99.9% confidence interval."));
        for (String benchmark : benchmarks) {
            Map<String, List<BenchmarkResult>> byMode = new LinkedHashMap<>();
            data.results(benchmark).forEach(r -> byMode.computeIfAbsent(r.mode(), k -> new ArrayList<>()).add(r));
            byMode.forEach((mode, results) -> {
                Measure measure = displayMeasure(results.get(0).primaryMetric());
                blocks.add(chart(benchmark + " (" + mode + ")", measure, results));
                blocks.add(table(measure, results));
            });
        }
        return Optional.of(new Section("other", "Other benchmarks", blocks));
    }

    /** Times shown in ns and throughputs in ops/s whatever -tu was; other units as written. */
    private static Measure displayMeasure(Metric primary) {
        String unit = primary.scoreUnit();
        if (Double.isFinite(ScoreUnit.toNanos(1, unit))) {
            return Measure.primary("score", "ns", ScoreUnit::toNanos);
        }
        if (Double.isFinite(ScoreUnit.toOpsPerSecond(1, unit))) {
            return Measure.primary("score", "ops/s", ScoreUnit::toOpsPerSecond);
        }
        return Measure.primary("score", unit, Measure.AS_IS);
    }

    private static Block chart(String title, Measure measure, List<BenchmarkResult> results) {
        List<String> categories = results.stream().map(OtherSection::category).distinct().toList();
        List<String> series = results.stream().map(r -> r.param(SuiteLayout.MODEL).orElse("score")).distinct()
                .sorted(SuiteLayout.MODEL_ORDER).toList();
        List<BarChart.BarSeries> bars = new ArrayList<>();
        for (int s = 0; s < series.size(); s++) {
            List<Bar> row = new ArrayList<>();
            for (int c = 0; c < categories.size(); c++) {
                String color = series.size() == 1 && !SuiteLayout.MODELS.contains(series.get(s))
                        ? Charts.color("", c) : Charts.color(series.get(s), s);
                Optional<BenchmarkResult> r = find(results, categories.get(c), series.get(s));
                row.add(new Bar(r.flatMap(x -> Charts.boxed(measure.of(x))).orElse(Double.NaN),
                        r.map(measure::low).orElse(Double.NaN), r.map(measure::high).orElse(Double.NaN), color));
            }
            bars.add(new BarChart.BarSeries(series.get(s), row));
        }
        boolean log = Charts.wideRange(bars.stream().flatMap(b -> b.bars().stream()).toList());
        String subtitle = series.size() > 1 || !series.get(0).equals("score") ? "one bar per model" : "";
        String axis = measure.unit().equals("ns") ? "time per operation" : measure.unit().equals("ops/s") ? "throughput" : "score";
        return Charts.bars(new BarChart(title, subtitle, axis, measure.unit(), log, categories, bars));
    }

    private static Table table(Measure measure, List<BenchmarkResult> results) {
        List<List<Cell>> rows = new ArrayList<>();
        for (BenchmarkResult r : results) {
            Metric m = r.primaryMetric();
            String percentiles = m.percentile("50.0").isPresent() && "sample".equals(r.mode())
                    ? "p50 " + Quantity.format(measure.conversion().apply(m.percentile("50.0").get(), m.scoreUnit()), measure.unit())
                    + ", p99 " + Quantity.format(measure.conversion().apply(m.percentile("99.0").orElse(Double.NaN), m.scoreUnit()), measure.unit())
                    : "";
            String secondaries = r.secondaryMetrics().entrySet().stream().limit(MAX_SECONDARIES)
                    .map(e -> e.getKey() + " = " + Quantity.format(e.getValue().value(), e.getValue().scoreUnit()))
                    .collect(Collectors.joining("\n"));
            rows.add(List.of(Cell.of(r.key().paramsLabel().isEmpty() ? "(none)" : r.key().paramsLabel()),
                    Charts.withError(Optional.of(r), measure), Cell.of(m.scoreUnit()), Cell.of(percentiles), Cell.of(secondaries)));
        }
        return new Table(List.of("parameters", "score \u00b1 error", "JMH unit", "percentiles", "secondary metrics"), rows);
    }

    private static String category(BenchmarkResult r) {
        String label = r.key().without(SuiteLayout.MODEL).paramsLabel();
        return label.isEmpty() ? r.shortName() : label;
    }

    private static Optional<BenchmarkResult> find(List<BenchmarkResult> results, String category, String series) {
        return results.stream().filter(r -> category(r).equals(category)
                && r.param(SuiteLayout.MODEL).orElse("score").equals(series)).findFirst();
    }
}
