package dev.whyasync.report.render;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.chart.Quantity;
import dev.whyasync.report.render.Document.Block;
import dev.whyasync.report.render.Document.Cell;
import dev.whyasync.report.render.Document.Paragraph;
import dev.whyasync.report.render.Document.Section;
import dev.whyasync.report.render.Document.Table;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.Metric;
import dev.whyasync.report.results.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the time goes, by JFR's count ({@code bench --jfr}): per benchmark, a row per unit with the
 * pins, thread starts, parks and GC pauses of an average measured iteration. A run without the JFR
 * metrics has no such section: it is an optional view, not one of the suite's measurements.
 */
final class JfrSection {

    private JfrSection() {
    }

    static Optional<Section> build(Run run) {
        Map<String, List<BenchmarkResult>> byBenchmark = new LinkedHashMap<>();
        run.results().stream().filter(r -> SuiteLayout.JFR_METRICS.stream().anyMatch(m -> r.secondary(m).isPresent()))
                .forEach(r -> byBenchmark.computeIfAbsent(r.shortName() + " [" + r.mode() + "]", k -> new ArrayList<>()).add(r));
        if (byBenchmark.isEmpty()) {
            return Optional.empty();
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("JFR counted these events in every measured iteration, inside this JVM; each cell is the mean "
                + "of one iteration over the iterations and forks. A pin is a virtual thread held on its carrier thread, a park "
                + "a platform thread (or a pinned virtual thread) waiting in LockSupport.park; both count from 1 ms up. Thread "
                + "starts are platform threads only. GC pauses are the stop-the-world pauses of every collection. The recording "
                + "runs during the measured work, so the CPU figures of this run hold its cost."));
        Path recordings = run.file().resolveSibling(run.id() + ".jfr");
        if (Files.isDirectory(recordings)) {
            blocks.add(Paragraph.of("Each unit's recording is in " + recordings.getFileName() + "/ beside the results "
                    + "(jfr print, JDK Mission Control)."));
        }
        byBenchmark.forEach((benchmark, results) -> {
            String time = results.get(0).measurementTime();
            blocks.add(Paragraph.of(benchmark + (time == null ? "" : ", per iteration of " + time) + ":"));
            List<List<Cell>> rows = new ArrayList<>();
            for (BenchmarkResult r : results) {
                rows.add(List.of(Cell.of(r.key().paramsLabel().isEmpty() ? "(none)" : r.key().paramsLabel()),
                        count(r, SuiteLayout.JFR_PINNED), millis(r, SuiteLayout.JFR_PINNED_MS),
                        count(r, SuiteLayout.JFR_THREAD_STARTS), count(r, SuiteLayout.JFR_PARKS), millis(r, SuiteLayout.JFR_PARK_MS),
                        count(r, SuiteLayout.JFR_GCS), millis(r, SuiteLayout.JFR_GC_PAUSE_MS)));
            }
            blocks.add(new Table(List.of("parameters", "pins", "pinned time", "thread starts", "parks", "park time", "GCs",
                    "GC pauses"), rows));
        });
        return Optional.of(new Section("jfr", "JFR events", blocks));
    }

    private static Cell count(BenchmarkResult result, String metric) {
        return result.secondary(metric).map(Metric::value).filter(Double::isFinite)
                .map(v -> Cell.of(Quantity.format(v, ""))).orElse(new Cell("n/a", Document.Tone.MUTED));
    }

    /** A total time in ms, "0" rather than the "0 ns" a zero time would print as. */
    private static Cell millis(BenchmarkResult result, String metric) {
        return result.secondary(metric).map(Metric::value).filter(Double::isFinite)
                .map(v -> Cell.of(v == 0 ? "0" : Quantity.format(v, "ms"))).orElse(new Cell("n/a", Document.Tone.MUTED));
    }
}
