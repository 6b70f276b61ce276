package dev.whyasync.report.render;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.chart.BarChart;
import dev.whyasync.report.chart.BarChart.Bar;
import dev.whyasync.report.chart.LineChart;
import dev.whyasync.report.chart.Palette;
import dev.whyasync.report.chart.Quantity;
import dev.whyasync.report.render.Document.Block;
import dev.whyasync.report.render.Document.Cell;
import dev.whyasync.report.render.Document.Figure;
import dev.whyasync.report.render.Document.Paragraph;
import dev.whyasync.report.render.Document.Section;
import dev.whyasync.report.render.Document.Table;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.suite.Measure;
import dev.whyasync.report.suite.SuiteData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What the report's sections share: model colours, per-model charts, cells, "not measured". */
final class Charts {

    static final String NOT_MEASURED = "not measured in this run";

    private Charts() {
    }

    /** A suite model keeps its colour everywhere; other series take colours after the suite's. */
    static String color(String model, int position) {
        int index = SuiteLayout.MODELS.indexOf(SuiteLayout.baseModel(model));
        return Palette.color(index >= 0 ? index : SuiteLayout.MODELS.size() + 1 + position);
    }

    static Section notMeasured(String id, String title, String source) {
        return new Section(id, title, List.of(Paragraph.muted(NOT_MEASURED + " (no " + source + " results)")));
    }

    /** One bar per model from each model's result, with JMH's confidence interval as error bar. */
    static Figure modelBars(String title, String subtitle, String yLabel, Measure measure, List<String> models,
                            Function<String, Optional<BenchmarkResult>> resultOf) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            Optional<BenchmarkResult> result = resultOf.apply(models.get(i));
            double value = result.flatMap(r -> boxed(measure.of(r))).orElse(Double.NaN);
            double low = result.map(measure::low).orElse(Double.NaN);
            double high = result.map(measure::high).orElse(Double.NaN);
            bars.add(new Bar(value, low, high, color(models.get(i), i)));
        }
        return new Figure(title, new BarChart(title, subtitle, yLabel, measure.unit(), wideRange(bars), models,
                List.of(new BarChart.BarSeries(measure.name(), bars))).toSvg(), List.of(), modelNumbers(yLabel, measure.unit(), models, bars));
    }

    /** One bar per model from a number computed for it (no error bar). */
    static Figure valueBars(String title, String subtitle, String yLabel, String unit, List<String> models,
                            Function<String, OptionalDouble> valueOf) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            bars.add(Bar.of(valueOf.apply(models.get(i)).orElse(Double.NaN), color(models.get(i), i)));
        }
        return new Figure(title, new BarChart(title, subtitle, yLabel, unit, wideRange(bars), models,
                List.of(new BarChart.BarSeries(yLabel, bars))).toSvg(), List.of(), modelNumbers(yLabel, unit, models, bars));
    }

    /** The numbers of a one-series bar chart: a row per model, its value and, where JMH gave one, its interval. */
    private static Table modelNumbers(String label, String unit, List<String> models, List<Bar> bars) {
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < models.size(); i++) {
            Bar bar = bars.get(i);
            rows.add(List.of(Cell.of(models.get(i)), Cell.of(Quantity.format(bar.value(), unit)), Cell.of(interval(bar.low(), bar.high(), unit))));
        }
        return new Table(List.of("model", label, "interval"), rows);
    }

    private static String interval(double low, double high, String unit) {
        return Double.isFinite(low) && Double.isFinite(high) ? Quantity.format(low, unit) + " to " + Quantity.format(high, unit) : "";
    }

    /** A bar chart with its numbers: a row per category, a column per series. */
    static Figure bars(BarChart chart) {
        List<String> header = new ArrayList<>(List.of(""));
        chart.series().forEach(series -> header.add(series.name()));
        List<List<Cell>> rows = new ArrayList<>();
        for (int i = 0; i < chart.categories().size(); i++) {
            List<Cell> row = new ArrayList<>(List.of(Cell.of(chart.categories().get(i))));
            for (BarChart.BarSeries series : chart.series()) {
                row.add(Cell.of(Quantity.format(series.bars().get(i).value(), chart.yUnit())));
            }
            rows.add(row);
        }
        return new Figure(chart.title(), chart.toSvg(), List.of(), new Table(header, rows));
    }

    static Figure lines(LineChart chart) {
        List<List<Cell>> rows = new ArrayList<>();
        for (LineChart.Series series : chart.series()) {
            for (LineChart.Point p : series.points()) {
                String x = chart.xUnit().isEmpty() && p.x() == Math.rint(p.x()) ? String.valueOf((long) p.x())
                        : Quantity.format(p.x(), chart.xUnit());
                rows.add(List.of(Cell.of(series.name()), Cell.of(x),
                        Cell.of(Quantity.format(p.y(), chart.yUnit())), Cell.of(interval(p.low(), p.high(), chart.yUnit()))));
            }
        }
        Table numbers = new Table(List.of("series", chart.xLabel(), chart.yLabel(), "interval"), rows);
        return new Figure(chart.title(), chart.toSvg(), List.of(), numbers);
    }

    /** Log scale when positive values span more than a factor of 30. */
    static boolean wideRange(List<Bar> bars) {
        double min = bars.stream().mapToDouble(Bar::value).filter(v -> v > 0).min().orElse(1);
        double max = bars.stream().mapToDouble(Bar::value).filter(v -> v > 0).max().orElse(1);
        return max / min > 30;
    }

    static Cell cell(OptionalDouble value, String unit) {
        return value.isPresent() ? Cell.of(Quantity.format(value.getAsDouble(), unit)) : new Cell("n/a", Document.Tone.MUTED);
    }

    /** "1.23k tasks/s ± 4%" from a result, or n/a. */
    static Cell withError(Optional<BenchmarkResult> result, Measure measure) {
        if (result.isEmpty() || measure.of(result.get()).isEmpty()) {
            return new Cell("n/a", Document.Tone.MUTED);
        }
        double value = measure.of(result.get()).getAsDouble();
        double high = measure.high(result.get());
        String error = Double.isFinite(high) && value != 0
                ? String.format(Locale.ROOT, " \u00b1 %.0f%%", 100 * Math.abs(high - value) / Math.abs(value)) : "";
        return Cell.of(Quantity.format(value, measure.unit()) + error);
    }

    /** Whether any of the given results carries the measure. */
    static boolean anyHas(List<BenchmarkResult> results, Measure measure) {
        return results.stream().anyMatch(r -> measure.of(r).isPresent());
    }

    static String workloadLabel(Map<String, String> workload) {
        return workload.isEmpty() ? "default workload"
                : workload.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(", "));
    }

    static Optional<Double> boxed(OptionalDouble value) {
        return value.isPresent() ? Optional.of(value.getAsDouble()) : Optional.empty();
    }

    /** A section's blocks followed by more (such as a table's legend). */
    static List<Block> concat(List<Block> first, List<Block> then) {
        List<Block> all = new ArrayList<>(first);
        all.addAll(then);
        return all;
    }

    /** The models measured at the headline workload, in suite order. */
    static List<String> ioModels(SuiteData data) {
        return data.models(SuiteLayout.IO).stream().filter(m -> !data.levels(m).isEmpty()).toList();
    }
}
