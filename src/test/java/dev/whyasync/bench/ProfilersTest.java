package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Each custom profiler, attached to a short real JMH run, puts its metrics into JMH's results. */
class ProfilersTest {
    private static final String HLOG = "latency.hlog";
    @TempDir
    static Path dir;
    private static Map<String, Result> metrics;
    /** The run's secondary metrics as JMH's JSON result file has them. */
    private static JsonNode json;
    /** JMH's human-readable output of the run. */
    private static String text;

    @BeforeAll
    static void runProfiledWork() throws Exception {
        Path jsonFile = dir.resolve("result.json");
        Path textFile = dir.resolve("output.txt");
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(ProfiledWork.class.getName())
                .forks(1)
                .warmupIterations(1).warmupTime(TimeValue.milliseconds(300))
                .measurementIterations(2).measurementTime(TimeValue.milliseconds(300))
                .addProfiler(ClientCpuProfiler.class)
                .addProfiler(LatencyProfiler.class)
                .addProfiler(FootprintProfiler.class)
                .addProfiler(ReportedMetricsProfiler.class)
                .result(jsonFile.toString()).resultFormat(ResultFormatType.JSON)
                .output(textFile.toString())
                .jvmArgsAppend("-D" + LatencyLog.PROPERTY + "=" + dir.resolve(HLOG))
                .build()).run();
        assertEquals(1, results.size());
        metrics = results.iterator().next().getSecondaryResults();
        json = new ObjectMapper().readTree(jsonFile.toFile()).get(0).get("secondaryMetrics");
        text = Files.readString(textFile);
    }

    private static double score(String name) {
        Result result = metrics.get(name);
        assertNotNull(result, name + " missing; secondary metrics: " + metrics.keySet());
        return result.getScore();
    }

    private static JsonNode jsonMetric(String name) {
        JsonNode metric = json.get(name);
        assertNotNull(metric, name + " missing from the JSON; it has " + json);
        return metric;
    }

    /** A metric's rawData: one value per measured iteration of the one fork. */
    private static List<Double> rawData(String name) {
        List<Double> values = new ArrayList<>();
        jsonMetric(name).get("rawData").get(0).forEach(v -> values.add(v.asDouble()));
        return values;
    }

    @Test
    void cpuProfilerReportsCpuAndAllocationPerOperation() {
        double cpu = score("cpu.ns/op");
        assertTrue(cpu > 0 && cpu < 10_000_000, "cpu.ns/op " + cpu);
        double allocated = score("alloc.bytes/op");
        assertTrue(allocated >= 4096, "each op allocates a 4 KiB array, profiler says " + allocated);
        assertTrue(score("cpu.cores") > 0);
    }

    @Test
    void latencyProfilerReportsOrderedPercentiles() {
        double p50 = score("latency.p50");
        double p999 = score("latency.p999");
        assertTrue(p50 >= 1.0, "every recorded latency is at least 1 ms, p50 " + p50);
        assertTrue(p50 <= score("latency.p90") && score("latency.p90") <= score("latency.p99") && score("latency.p99") <= p999);
    }

    @Test
    void latencyCountIsEveryTaskRecordedInTheMeasuredIterations() {
        List<Double> successes = rawData(ProfiledWork.SUCCESSES);
        List<Double> failures = rawData(ProfiledWork.FAILURES);
        assertEquals(2, successes.size());
        assertEquals(successes.get(0) + successes.get(1), jsonMetric(LatencyResult.COUNT).get("score").asDouble());
        assertEquals(successes, rawData(LatencyResult.COUNT), "each iteration's own count");
        assertEquals(failures.get(0) + failures.get(1), jsonMetric(FailedLatencyResult.COUNT).get("score").asDouble());
        double failedP99 = jsonMetric(FailedLatencyResult.P99).get("score").asDouble();
        assertTrue(failedP99 >= 1.75, "failures are recorded at 1.75 ms and up, p99 " + failedP99);
    }

    @Test
    void latencyMetricCarriesTheDistributionInScorePercentiles() {
        JsonNode latency = jsonMetric(LatencyResult.LABEL);
        assertEquals("ms", latency.get("scoreUnit").asText());
        JsonNode percentiles = latency.get("scorePercentiles");
        HashSet<Double> distinct = new HashSet<>();
        percentiles.forEach(p -> distinct.add(p.asDouble()));
        assertTrue(distinct.size() > 3, "recorded latencies spread over 1 to 4.2 ms, JSON has " + percentiles);
        assertEquals(percentiles.get("99.0").asDouble(), jsonMetric(LatencyResult.P99).get("score").asDouble(), 0);
        assertEquals(percentiles.get("50.0").asDouble(), jsonMetric(LatencyResult.P50).get("score").asDouble(), 0);
    }

    @Test
    void textOutputShowsPerIterationPercentilesAndTheMergedDistribution() {
        assertTrue(text.contains("latency.p99:"), text);
        assertTrue(text.contains(":latency\":") && text.contains("p(99.9000) ="), text);
    }

    @Test
    void latencyProfilerAppendsMeasuredIntervalsToTheHistogramLog() throws Exception {
        Path file = dir.resolve(HLOG);
        assertTrue(Files.readString(file).startsWith("#[whyasync " + ProfiledWork.class.getName() + ".work concurrency=16 pid="));
        Map<String, Long> counts = new HashMap<>();
        int lines = 0;
        try (HistogramLogReader reader = new HistogramLogReader(file.toFile())) {
            for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; lines++) {
                counts.merge(h.getTag(), ((Histogram) h).getTotalCount(), Long::sum);
            }
        }
        assertEquals(4, lines, "two measured iterations (no warmup), a success and a failure line each");
        assertEquals((long) score(LatencyResult.COUNT), counts.get("success"));
        assertEquals((long) score(FailedLatencyResult.COUNT), counts.get("failure"));
    }

    @Test
    void footprintProfilerReportsMemoryAndThreads() {
        double rss = score("rss.bytes");
        assertTrue(rss > 10_000_000, "a JVM has more than 10 MB resident, profiler says " + rss);
        assertTrue(score("heap.bytes") > 0);
        assertTrue(score("threads.peak") >= 2);
        // per task in flight only where a task loop measured what was in flight, never from the nominal concurrency
        assertFalse(metrics.containsKey("rss.bytes/task"), "no task loop ran, so no memory per task in flight");
    }
}
