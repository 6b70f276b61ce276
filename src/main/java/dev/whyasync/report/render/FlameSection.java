package dev.whyasync.report.render;

import dev.whyasync.report.chart.FlameChart;
import dev.whyasync.report.chart.Quantity;
import dev.whyasync.report.flame.Collapsed;
import dev.whyasync.report.flame.CpuShares;
import dev.whyasync.report.flame.FlameIndex;
import dev.whyasync.report.flame.FrameGroup;
import dev.whyasync.report.render.Document.Block;
import dev.whyasync.report.render.Document.Cell;
import dev.whyasync.report.render.Document.Figure;
import dev.whyasync.report.render.Document.Link;
import dev.whyasync.report.render.Document.Paragraph;
import dev.whyasync.report.render.Document.Section;
import dev.whyasync.report.render.Document.Table;
import dev.whyasync.report.results.BenchmarkKey;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.Metric;
import dev.whyasync.report.results.Run;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the time goes, by async-profiler ({@code bench --flame}): per profiled benchmark, a table of
 * each model's CPU shares by package group and its top frames, then each model's CPU and
 * allocation flame graphs side by side, drawn from the collapsed stacks beside the results and
 * linked to async-profiler's interactive graphs. A run without flame metrics has no such section.
 */
final class FlameSection {
    private static final int TOP_SHOWN = 3;

    private FlameSection() {
    }

    static Optional<Section> build(Run run) {
        Path dir = run.file().toAbsolutePath().getParent();
        List<Block> blocks = new ArrayList<>();
        FlameIndex index = null;
        try {
            index = FlameIndex.read(FlameIndex.file(dir, run.id())).orElse(null);
        } catch (UncheckedIOException e) {
            blocks.add(Paragraph.muted(e.getMessage()));
        }
        Map<BenchmarkKey, FlameIndex.Unit> units = new LinkedHashMap<>();
        if (index != null) {
            index.units().forEach(u -> units.put(new BenchmarkKey(u.benchmark(), u.mode(), u.params()), u));
        }
        Map<String, List<BenchmarkResult>> byBenchmark = new LinkedHashMap<>();
        run.results().stream().filter(r -> r.secondary(CpuShares.METRIC_PREFIX + FrameGroup.JDK.key()).isPresent())
                .forEach(r -> byBenchmark.computeIfAbsent(r.shortName() + " [" + r.mode() + "]", k -> new ArrayList<>()).add(r));
        if (byBenchmark.isEmpty()) {
            return Optional.empty();
        }
        blocks.add(0, Paragraph.of("async-profiler sampled the client JVM during the measured iterations of one unit per "
                + "model" + (index == null ? "" : ", its CPU with the " + index.engine() + " engine (" + index.engineReason()
                + ")") + ". Each CPU sample counts for the group of its innermost Java frame (a syscall for the JDK method "
                + "that made it), or for GC or the JIT compiler when a collector's or compiler's thread was running. The "
                + "model's runtime is what it adds to the shared transport: the JDK's Thread for threads, its executor for "
                + "pool, VirtualThread and its ForkJoin scheduler for virtual, CompletableFuture for futures, Pekko, "
                + "kotlinx.coroutines, Reactor; for callbacks it is Netty itself, whose column is then empty. The "
                + "profiler ran inside the CPU window: compare this run's CPU figures only with another flame run."));
        byBenchmark.forEach((benchmark, results) -> {
            blocks.add(Paragraph.of(benchmark + ": share of CPU samples, and the methods most samples ended in:"));
            blocks.add(shareTable(results, units));
            for (BenchmarkResult result : results) {
                FlameIndex.Unit unit = units.get(result.key());
                if (unit != null) {
                    blocks.add(figure(dir, result, unit));
                }
            }
        });
        if (units.isEmpty()) {
            blocks.add(Paragraph.muted("No " + run.id() + ".flame.json beside the results: the shares are in the results, "
                    + "the graphs are not."));
        }
        return Optional.of(new Section("flame", "Where the time goes (flame graphs)", blocks));
    }

    private static Table shareTable(List<BenchmarkResult> results, Map<BenchmarkKey, FlameIndex.Unit> units) {
        List<String> header = new ArrayList<>(List.of("parameters"));
        for (FrameGroup group : FrameGroup.values()) {
            header.add(group.title());
        }
        header.add("top frames");
        List<List<Cell>> rows = new ArrayList<>();
        for (BenchmarkResult r : results) {
            List<Cell> row = new ArrayList<>();
            row.add(Cell.of(r.key().paramsLabel().isEmpty() ? "(none)" : r.key().paramsLabel()));
            for (FrameGroup group : FrameGroup.values()) {
                row.add(r.secondary(CpuShares.METRIC_PREFIX + group.key()).map(Metric::value).filter(Double::isFinite)
                        .map(v -> Cell.of(percent(v))).orElse(new Cell("n/a", Document.Tone.MUTED)));
            }
            FlameIndex.Unit unit = units.get(r.key());
            row.add(unit == null ? new Cell("n/a", Document.Tone.MUTED) : Cell.of(unit.topFrames().stream().limit(TOP_SHOWN)
                    .map(t -> t.frame() + " " + percent(t.percent())).collect(Collectors.joining("\n"))));
            rows.add(row);
        }
        return new Table(header, rows);
    }

    private static Block figure(Path dir, BenchmarkResult result, FlameIndex.Unit unit) {
        String title = result.shortName() + " " + result.key().paramsLabel();
        Path folder = dir.resolve(unit.dir());
        List<String> runtime = FrameGroup.runtimeOf(unit.model());
        try {
            String svg = FlameChart.pair("CPU and allocation flame graphs: " + title,
                    new FlameChart.Graph((unit.model() == null ? "" : unit.model() + ": ") + "CPU, " + unit.cpuSamples()
                            + " samples (" + unit.engine() + ")", Collapsed.read(folder.resolve(FlameIndex.CPU_STACKS)),
                            runtime, "CPU samples"),
                    new FlameChart.Graph("allocation, " + Quantity.format(unit.allocBytes(), "B") + " sampled",
                            Collapsed.read(folder.resolve(FlameIndex.ALLOC_STACKS)), runtime, "sampled bytes"));
            String link = unit.dir().replace('\\', '/');
            return new Figure(title, svg, List.of(new Link("CPU flame graph (interactive)", link + "/" + FlameIndex.CPU_HTML),
                    new Link("allocation flame graph (interactive)", link + "/" + FlameIndex.ALLOC_HTML),
                    new Link("JFR recording", link + "/" + FlameIndex.RECORDING)));
        } catch (UncheckedIOException e) {
            return Paragraph.muted("The flame graphs of " + title + " are missing: " + e.getMessage());
        }
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }
}
