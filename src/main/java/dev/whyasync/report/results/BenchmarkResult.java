package dev.whyasync.report.results;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One element of JMH's JSON result array: a benchmark method in one mode with one parameter set.
 * Fields JMH may add in later versions land in {@link #unknown()} rather than failing the read.
 */
public record BenchmarkResult(
        String jmhVersion,
        String benchmark,
        String mode,
        Integer threads,
        Integer forks,
        String jvm,
        List<String> jvmArgs,
        String jdkVersion,
        String vmName,
        String vmVersion,
        Integer warmupIterations,
        String warmupTime,
        Integer warmupBatchSize,
        Integer measurementIterations,
        String measurementTime,
        Integer measurementBatchSize,
        Map<String, String> params,
        Metric primaryMetric,
        Map<String, Metric> secondaryMetrics,
        @JsonAnySetter Map<String, Object> unknown) {

    public BenchmarkResult {
        jvmArgs = jvmArgs == null ? List.of() : jvmArgs;
        params = params == null ? Map.of() : new TreeMap<>(params);
        secondaryMetrics = secondaryMetrics == null ? Map.of() : secondaryMetrics;
        unknown = unknown == null ? Map.of() : unknown;
    }

    public BenchmarkKey key() {
        return new BenchmarkKey(benchmark, mode, params);
    }

    public Optional<String> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    /**
     * A secondary metric by name. Older JMH versions prefix profiler metrics with a middle dot
     * ({@code "·gc.alloc.rate.norm"}); both spellings are found.
     */
    public Optional<Metric> secondary(String name) {
        Metric metric = secondaryMetrics.get(name);
        return Optional.ofNullable(metric != null ? metric : secondaryMetrics.get("\u00b7" + name));
    }

    /** The benchmark's simple name, {@code Class.method}, without its package. */
    public String shortName() {
        return BenchmarkKey.shortNameOf(benchmark);
    }
}
