package dev.whyasync.report.results;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What identifies one measurement across runs: benchmark, mode and the full parameter set. */
public record BenchmarkKey(String benchmark, String mode, Map<String, String> params) {

    public BenchmarkKey {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** The same key with one parameter removed: groups the models of one parameter set. */
    public BenchmarkKey without(String param) {
        TreeMap<String, String> rest = new TreeMap<>(params);
        rest.remove(param);
        return new BenchmarkKey(benchmark, mode, rest);
    }

    public String paramsLabel() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    public String label() {
        String p = paramsLabel();
        return shortName() + " [" + mode + "]" + (p.isEmpty() ? "" : " " + p);
    }

    /** {@code Class.method}, without the package. */
    public String shortName() {
        return shortNameOf(benchmark);
    }

    static String shortNameOf(String benchmark) {
        if (benchmark == null) {
            return "";
        }
        int method = benchmark.lastIndexOf('.');
        int type = method <= 0 ? -1 : benchmark.lastIndexOf('.', method - 1);
        return benchmark.substring(type + 1);
    }
}
