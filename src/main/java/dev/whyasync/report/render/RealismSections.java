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
import dev.whyasync.report.suite.Measure;
import dev.whyasync.report.suite.Measures;
import dev.whyasync.report.suite.SuiteData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Predicate;

/**
 * The IO benchmark off the clean path: under faults (with and without retry), across a delaying
 * network path instead of a delaying server, and over a soak. Each section lists the results that
 * carry its parameter or metrics, next to the same workload on the clean path where the run has it.
 */
final class RealismSections {

    private RealismSections() {
    }

    static Section faults(SuiteData data) {
        String title = "Faults and retry";
        List<BenchmarkResult> faulty = io(data, r -> SuiteData.numberOrZero(r, SuiteLayout.FAULTS) > 0);
        if (faulty.isEmpty()) {
            return Charts.notMeasured("faults", title, SuiteLayout.IO + " with " + SuiteLayout.FAULTS + " > 0");
        }
        List<String> cases = faulty.stream().map(RealismSections::faultCase).distinct().toList();
        List<String> models = models(faulty);
        List<BarChart.BarSeries> series = new ArrayList<>();
        for (int m = 0; m < models.size(); m++) {
            String model = models.get(m);
            List<Bar> bars = new ArrayList<>();
            for (String faultCase : cases) {
                bars.add(Bar.of(faulty.stream().filter(r -> model(r).equals(model) && faultCase(r).equals(faultCase))
                        .findFirst().flatMap(r -> Charts.boxed(SuiteData.perHundredTasks(r, Measures.ERRORS))).orElse(Double.NaN),
                        Charts.color(model, m)));
            }
            series.add(new BarChart.BarSeries(model, bars));
        }
        List<List<Cell>> rows = new ArrayList<>();
        CheckMarks marks = new CheckMarks(data);
        for (BenchmarkResult r : faulty) {
            Optional<BenchmarkResult> clean = twin(data, r, Map.of(SuiteLayout.FAULTS, 0.0, SuiteLayout.RETRY, 0.0));
            rows.add(List.of(Cell.of(model(r)), Cell.of(faultCase(r)), Cell.of(String.valueOf(SuiteData.concurrency(r))),
                    marks.mark(Charts.withError(Optional.of(r), Measures.THROUGHPUT), r),
                    ratioCell(Measures.THROUGHPUT.of(r), clean.map(Measures.THROUGHPUT::of).orElse(OptionalDouble.empty())),
                    Charts.cell(SuiteData.perHundredTasks(r, Measures.ERRORS), ""),
                    Charts.cell(SuiteData.perHundredTasks(r, Measures.RETRIES), ""),
                    Charts.cell(Measures.P99.of(r), "ms")));
        }
        return new Section("faults", title, Charts.concat(List.of(
                Paragraph.of("The fixture plays a fault (status 500, reset, stall, truncated body, slow drip) on the given "
                        + "share of page requests, drawn anew for each request, so a retry can succeed. Every task ends in "
                        + "success or a typed error within the request timeout; errors and retries are per 100 finished "
                        + "tasks. Each model retries in its own idiom (a loop, a recursive future, Mono.retryWhen, a "
                        + "message re-sent by the task's actor): Reactor ships a retry operator; the other runtimes leave "
                        + "retry to the task's code, and none retries a failed request by itself."),
                Charts.bars(new BarChart("Errors per 100 tasks under faults", "one bar per model", "errors per 100 tasks", "",
                        false, cases, series)),
                new Table(List.of("model", "faults, retry", "C", "tasks/s", "vs no faults", "errors /100 tasks",
                        "retries /100 tasks", "p99"), rows)), marks.legend()));
    }

    static Section network(SuiteData data) {
        String title = "Network delay vs server delay";
        List<BenchmarkResult> delayed = io(data, r -> SuiteData.numberOrZero(r, SuiteLayout.NET_DELAY) > 0 || SuiteData.numberOrZero(r, SuiteLayout.BANDWIDTH) > 0);
        if (delayed.isEmpty()) {
            return Charts.notMeasured("network", title, SuiteLayout.IO + " with " + SuiteLayout.NET_DELAY + " > 0");
        }
        List<List<Cell>> rows = new ArrayList<>();
        CheckMarks marks = new CheckMarks(data);
        for (BenchmarkResult r : delayed) {
            double network = SuiteData.numberOrZero(r, SuiteLayout.NET_DELAY);
            double server = SuiteData.numberOrZero(r, SuiteLayout.DELAY);
            Optional<BenchmarkResult> same = twin(data, r, Map.of(SuiteLayout.NET_DELAY, 0.0, SuiteLayout.BANDWIDTH, 0.0,
                    SuiteLayout.DELAY, server + 2 * network));
            double cap = SuiteData.numberOrZero(r, SuiteLayout.BANDWIDTH);
            rows.add(List.of(Cell.of(model(r)), Cell.of(String.valueOf(SuiteData.concurrency(r))),
                    Cell.of(ms(network) + " each way" + (cap > 0 ? ", cap " + Quantity.format(cap, "B") + "/s" : "")),
                    Cell.of(ms(server)),
                    marks.mark(Charts.withError(Optional.of(r), Measures.THROUGHPUT), r),
                    same.isPresent() ? marks.mark(Charts.withError(same, Measures.THROUGHPUT), same)
                            : new Cell("not in this run", Document.Tone.MUTED),
                    ratioCell(Measures.THROUGHPUT.of(r), same.map(Measures.THROUGHPUT::of).orElse(OptionalDouble.empty())),
                    Charts.cell(Measures.P99.of(r), "ms")));
        }
        return new Section("network", title, Charts.concat(List.of(
                Paragraph.of("The same round trip spent on the wire instead of in the server: a network delay of d ms each "
                        + "way (a delaying TCP proxy in its own process, or netem where the kernel has it; the meta file "
                        + "says which) against a server delay of 2d ms on a direct path. A network delay also holds back "
                        + "connection set-up and every TCP acknowledgement, which a server delay does not."),
                new Table(List.of("model", "C", "network delay", "server delay", "tasks/s",
                        "tasks/s, server delay +2d", "network / server", "p99"), rows)), marks.legend()));
    }

    static Section soak(SuiteData data) {
        String title = "Soak: leaks over time";
        List<BenchmarkResult> soaked = io(data, r -> Measures.SOAK_LEAKS.of(r).isPresent());
        if (soaked.isEmpty()) {
            return Charts.notMeasured("soak", title, SuiteLayout.IO + " with the soak profiler");
        }
        List<List<Cell>> rows = new ArrayList<>();
        CheckMarks marks = new CheckMarks(data);
        for (BenchmarkResult r : soaked) {
            List<Cell> row = new ArrayList<>(List.of(Cell.of(model(r)), Cell.of(String.valueOf(SuiteData.concurrency(r))),
                    marks.mark(Charts.withError(Optional.of(r), Measures.THROUGHPUT), r)));
            List<String> grown = SuiteData.soakGrown(r);
            for (String resource : SuiteLayout.SOAK_RESOURCES) {
                OptionalDouble start = SuiteData.soak(r, resource, "start");
                OptionalDouble growth = SuiteData.soak(r, resource, "growth");
                OptionalDouble allowed = SuiteData.soak(r, resource, "allowed");
                if (start.isEmpty() || growth.isEmpty() || allowed.isEmpty()) {
                    row.add(new Cell("n/a", Document.Tone.MUTED));
                    continue;
                }
                String unit = resource.equals("rss") || resource.equals("heap") ? "B" : "";
                row.add(new Cell(Quantity.format(start.getAsDouble(), unit) + " " + signed(growth.getAsDouble(), unit)
                        + "\n(noise " + Quantity.format(allowed.getAsDouble(), unit) + ")",
                        grown.contains(resource) ? Document.Tone.BAD : Document.Tone.PLAIN));
            }
            row.add(grown.isEmpty() ? new Cell("steady", Document.Tone.GOOD)
                    : new Cell("FAIL: " + String.join(", ", grown) + " grew", Document.Tone.BAD));
            rows.add(row);
        }
        return new Section("soak", title, Charts.concat(List.of(
                Paragraph.of("Each model ran for the whole soak with C tasks in flight while its platform threads, open "
                        + "file descriptors and resident memory were sampled every second and its live heap (after a "
                        + "full GC) every ten. Each cell: level at the start, growth from the first to the last fifth "
                        + "of the soak, and the growth taken for noise (three robust standard deviations plus a floor). "
                        + "Growth beyond noise fails the soak."),
                new Table(List.of("model", "C", "tasks/s", "threads", "open files", "RSS", "live heap", "verdict"), rows)),
                marks.legend()));
    }

    private static List<BenchmarkResult> io(SuiteData data, Predicate<BenchmarkResult> which) {
        return data.results(SuiteLayout.IO).stream().filter(which)
                .sorted(Comparator.comparing((BenchmarkResult r) -> SuiteData.workload(r).toString())
                        .thenComparing(RealismSections::model, SuiteLayout.MODEL_ORDER)
                        .thenComparingInt(SuiteData::concurrency))
                .toList();
    }

    /** The result of the same model and parameters but for the given values (a missing parameter counts as 0). */
    private static Optional<BenchmarkResult> twin(SuiteData data, BenchmarkResult of, Map<String, Double> changed) {
        Map<String, String> wanted = new HashMap<>(of.params());
        changed.keySet().forEach(wanted::remove);
        return data.results(SuiteLayout.IO).stream().filter(r -> {
            Map<String, String> params = new HashMap<>(r.params());
            changed.keySet().forEach(params::remove);
            return params.equals(wanted) && changed.entrySet().stream()
                    .allMatch(e -> SuiteData.numberOrZero(r, e.getKey()) == e.getValue());
        }).findFirst();
    }

    private static String faultCase(BenchmarkResult r) {
        return String.format(Locale.ROOT, "faults %s%%, retry %d", Quantity.format(SuiteData.numberOrZero(r, SuiteLayout.FAULTS), ""),
                (int) SuiteData.numberOrZero(r, SuiteLayout.RETRY));
    }

    private static Cell ratioCell(OptionalDouble value, OptionalDouble reference) {
        if (value.isEmpty() || reference.isEmpty() || reference.getAsDouble() <= 0) {
            return new Cell("n/a", Document.Tone.MUTED);
        }
        return Cell.of(Quantity.ratio(value.getAsDouble() / reference.getAsDouble()));
    }

    private static List<String> models(List<BenchmarkResult> results) {
        return results.stream().map(RealismSections::model).distinct().sorted(SuiteLayout.MODEL_ORDER).toList();
    }

    private static String model(BenchmarkResult r) {
        return r.param(SuiteLayout.MODEL).orElse("(no model)");
    }

    /** "20 ms", and "0 ms" rather than the "0 ns" a zero time would print as. */
    private static String ms(double millis) {
        return millis == 0 ? "0 ms" : Quantity.format(millis, "ms");
    }

    private static String signed(double value, String unit) {
        return (value >= 0 ? "+" : "\u2212") + Quantity.format(Math.abs(value), unit);
    }
}
