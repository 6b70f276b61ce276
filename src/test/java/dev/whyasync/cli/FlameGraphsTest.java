package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.report.flame.Collapsed;
import dev.whyasync.report.flame.CpuShares;
import dev.whyasync.report.flame.FlameIndex;
import dev.whyasync.report.flame.FrameGroup;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.ResultReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --flame} for real: two models each run a few seconds against a real fixture while
 * async-profiler samples the fork, with the itimer engine that needs no permission (so the test
 * runs in any container); each model gets CPU and allocation graphs that hold its runtime's
 * frames, its CPU shares join its result, and the report embeds the graphs with no reference
 * outside the file.
 */
@Timeout(180)
class FlameGraphsTest {
    private static final String SUITE = "^dev\\.whyasync\\.cli\\.FlameTasksBenchmark\\.";
    /** A src or href that leaves the file: the report must hold none. */
    private static final Pattern EXTERNAL = Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE);

    @Test
    void eachModelGetsFlameGraphsWithItsRuntimeAndTheReportEmbedsThem(@TempDir Path results) throws Exception {
        String output;
        try (BenchProcess bench = BenchProcess.start(results, "--profile", "quick", "--only", SUITE, "--flame",
                "--flame-engine", "itimer")) {
            int status = bench.awaitExit(Duration.ofSeconds(150));
            output = bench.output();
            assertEquals(0, status, output);
            bench.assertNoProcessLeft(Duration.ofSeconds(10));
        }
        assertTrue(output.contains("CPU engine itimer: --flame-engine itimer"), "the plan names the engine: " + output);
        String runId = InterruptedRunTest.onlyRunId(results);
        FlameIndex index = FlameIndex.read(FlameIndex.file(results, runId)).orElseThrow();
        assertEquals("itimer", index.engine());
        assertEquals(2, index.units().size(), index.toString());
        Map<String, String> runtimes = Map.of("callbacks", "io.netty", "reactive", "reactor.core");
        for (FlameIndex.Unit unit : index.units()) {
            assertEquals("itimer", unit.engine(), "async-profiler's recording names the engine that sampled");
            Path dir = results.resolve(unit.dir());
            Collapsed cpu = Collapsed.read(dir.resolve(FlameIndex.CPU_STACKS));
            Collapsed alloc = Collapsed.read(dir.resolve(FlameIndex.ALLOC_STACKS));
            assertTrue(cpu.total() > 50, unit.model() + ": CPU samples " + cpu.total());
            assertTrue(alloc.total() > 0, unit.model() + ": allocation samples");
            String runtime = runtimes.get(unit.model());
            assertTrue(cpu.hasFrame(runtime), unit.model() + "'s CPU graph holds a " + runtime + " frame");
            assertTrue(alloc.hasFrame(runtime), unit.model() + "'s allocation graph holds a " + runtime + " frame");
            assertTrue(cpu.hasFrame("dev.whyasync."), "and the task's own code");
            for (String file : List.of(FlameIndex.CPU_HTML, FlameIndex.ALLOC_HTML, FlameIndex.RECORDING)) {
                assertTrue(Files.size(dir.resolve(file)) > 1000, dir.resolve(file) + " written");
            }
            assertFalse(unit.topFrames().isEmpty(), "top frames");
        }
        for (BenchmarkResult result : ResultReader.read(results.resolve(runId + ".json")).results()) {
            double sum = 0;
            for (FrameGroup group : FrameGroup.values()) {
                sum += result.secondary(CpuShares.METRIC_PREFIX + group.key()).orElseThrow().value();
            }
            assertEquals(100, sum, 0.01, "the shares of " + result.key().label() + " cover every sample");
            assertTrue(result.secondary("async").isEmpty(), "JMH's list of files is not a metric");
        }
        // callbacks' runtime is Netty itself: its samples count as runtime, none as Netty
        BenchmarkResult callbacks = ResultReader.read(results.resolve(runId + ".json")).results().stream()
                .filter(r -> "callbacks".equals(r.key().params().get("model"))).findFirst().orElseThrow();
        assertTrue(callbacks.secondary("flame.cpu.runtime").orElseThrow().value() > 0, "Netty's event loop at work");
        assertEquals(0, callbacks.secondary("flame.cpu.netty").orElseThrow().value());

        String html = Files.readString(results.resolve(runId + ".html"));
        assertTrue(html.contains("<section id=\"flame\">"), "a flame section");
        for (FlameIndex.Unit unit : index.units()) {
            assertTrue(html.contains("aria-label=\"CPU and allocation flame graphs: FlameTasksBenchmark.task model="
                    + unit.model()), unit.model() + "'s pair is embedded");
        }
        assertTrue(html.contains("(the model's runtime): "), "frames carry their group in their tooltip");
        assertFalse(EXTERNAL.matcher(html).find(), "no reference outside the file");
        assertFalse(html.contains("<script"), "no script");
        String markdown = Files.readString(results.resolve(runId + ".md"));
        for (FlameIndex.Unit unit : index.units()) {
            assertTrue(markdown.contains("(" + unit.dir() + "/" + FlameIndex.CPU_HTML + ")"), "Markdown links the graphs");
        }
    }
}
