package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.model.CoroutinesModel;
import dev.whyasync.model.ModelKind;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The code footprint benchmark, run by JMH as declared (a fresh JVM, one task against the real
 * fixture) with its profiler, for the model with the most moving parts, coroutines: every figure lands
 * in JMH's results, the static ones equal what {@link CodeSize} reads in this JVM, and the
 * loaded-class figures are those of a real first run. One model only, to keep the test short.
 */
class CodeFootprintBenchmarkTest {
    /** The names the report reads, spelled out: they are the contract with it. */
    private static final List<String> METRICS = List.of("classes.loaded", "metaspace.bytes", "task.bytecode.bytes",
            "task.bytecode.classes", "shared.bytecode.bytes", "runtime.jar.bytes", "runtime.jar.uncompressed.bytes",
            "task.source.lines", "shared.source.lines");
    private static Map<String, Result> metrics;

    @BeforeAll
    static void runTheBenchmark() throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(CodeFootprintBenchmark.class.getName())
                .param("model", "coroutines")
                .addProfiler(ReportedMetricsProfiler.class)
                .build()).run();
        assertEquals(1, results.size());
        metrics = results.iterator().next().getSecondaryResults();
    }

    private static double score(String metric) {
        Result result = metrics.get(metric);
        assertNotNull(result, metric + " missing; secondary metrics: " + metrics.keySet());
        return result.getScore();
    }

    @Test
    void everyFigureIsInTheResults() {
        for (String metric : METRICS) {
            assertTrue(score(metric) >= 0, metric);
        }
        assertTrue(score(CodeFootprint.CLASSES_LOADED) > 0, "running a task loads classes");
        assertTrue(score(CodeFootprint.METASPACE) > 0, "running a task grows metaspace");
    }

    @Test
    void staticFiguresAreTheCodeSizeOfTheModel() {
        CodeSize coroutines = CodeSize.of(ModelKind.COROUTINES, CoroutinesModel.class);
        assertEquals(coroutines.bytecode().bytes(), score(CodeFootprint.TASK_BYTECODE));
        assertEquals(coroutines.bytecode().classes(), score(CodeFootprint.TASK_CLASSES));
        assertEquals(coroutines.runtimeSize().compressed(), score(CodeFootprint.RUNTIME_JAR));
        assertEquals(coroutines.runtimeSize().uncompressed(), score(CodeFootprint.RUNTIME_UNCOMPRESSED));
        assertEquals(coroutines.sourceLines(), score(CodeFootprint.SOURCE_LINES));
    }

    /** The first coroutine task loads at least the model's own continuation classes, and kotlinx's besides. */
    @Test
    void theFirstTaskLoadsTheModelsOwnClasses() {
        double loaded = score(CodeFootprint.CLASSES_LOADED);
        assertTrue(loaded > score(CodeFootprint.TASK_CLASSES), "classes.loaded " + loaded);
    }
}
