package dev.whyasync.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whyasync.report.results.ResultFormatException;
import dev.whyasync.report.results.ResultReader;
import dev.whyasync.report.results.Run;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes result files in the shape the benchmark suite produces (its benchmark names, parameters
 * and secondary metrics), with numbers the test chooses, so that report sections and claim rules
 * can be checked against known inputs. Each metric gets three iterations spread 2% around it.
 */
final class SuiteResults {

    static final String PACKAGE = "dev.whyasync.bench.";
    static final Map<String, String> HEADLINE = Map.of("size", "1024", "delay", "20", "reuse", "true");

    private final List<Map<String, Object>> results = new ArrayList<>();

    /** One IoBenchmark.tasks result at the headline workload. */
    SuiteResults io(String model, int concurrency, double tasksPerSecond, Map<String, Double> secondaries) {
        Map<String, String> params = new LinkedHashMap<>(HEADLINE);
        params.put("model", model);
        params.put("concurrency", String.valueOf(concurrency));
        return io(params, tasksPerSecond, secondaries);
    }

    SuiteResults io(Map<String, String> params, double tasksPerSecond, Map<String, Double> secondaries) {
        return add(SuiteLayout.IO, "thrpt", params, tasksPerSecond, "ops/s", secondaries);
    }

    /** One LoadBenchmark result: the open loop at an offered rate, with the headline page size and a 500 ms server delay. */
    SuiteResults load(String model, double rate, double achieved, Map<String, Double> secondaries) {
        Map<String, String> params = new LinkedHashMap<>(Map.of("size", "1024", "pageDelay", "500"));
        params.put("model", model);
        params.put("rate", String.valueOf((long) rate));
        return add(SuiteLayout.LOAD, "thrpt", params, achieved, "ops/s", secondaries);
    }

    /** Replaces the primary iterations of the result added last (one fork): a trend, or too few to test. */
    SuiteResults iterations(double... values) {
        @SuppressWarnings("unchecked")
        Map<String, Object> primary = (Map<String, Object>) results.get(results.size() - 1).get("primaryMetric");
        primary.put("rawData", List.of(java.util.Arrays.stream(values).boxed().toList()));
        return this;
    }

    /** The suite benchmarks with one benchmark method per model; the others take a model parameter. */
    static final List<String> PER_METHOD = List.of(SuiteLayout.FOOTPRINT, SuiteLayout.SPAWN, SuiteLayout.SWITCH, SuiteLayout.INERT);

    /** A per-model benchmark (footprint, spawn, switch, code, cancel, inert), named as the suite names it. */
    SuiteResults model(String benchmark, String mode, String model, double score, String unit, Map<String, Double> secondaries) {
        return model(benchmark, mode, model, Map.of(), score, unit, secondaries);
    }

    SuiteResults model(String benchmark, String mode, String model, Map<String, String> params, double score, String unit,
                       Map<String, Double> secondaries) {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (PER_METHOD.contains(benchmark)) {
            return add(benchmark + "." + model, mode, all, score, unit, secondaries);
        }
        all.put("model", model);
        return add(benchmark, mode, all, score, unit, secondaries);
    }

    SuiteResults add(String benchmark, String mode, Map<String, String> params, double score, String unit,
                     Map<String, Double> secondaries) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("jmhVersion", "1.37");
        result.put("benchmark", PACKAGE + benchmark);
        result.put("mode", mode);
        result.put("threads", 1);
        result.put("forks", 1);
        result.put("measurementIterations", 3);
        result.put("params", params);
        result.put("primaryMetric", metric(score, unit));
        Map<String, Object> secondary = new LinkedHashMap<>();
        secondaries.forEach((name, value) -> secondary.put(name, metric(value, unitOf(name))));
        result.put("secondaryMetrics", secondary);
        results.add(result);
        return this;
    }

    Path write(Path file) {
        try {
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), results);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** These results without those of one benchmark, as a run that skipped it. */
    SuiteResults without(String benchmark) {
        SuiteResults rest = new SuiteResults();
        results.stream().filter(r -> !String.valueOf(r.get("benchmark")).contains(benchmark)).forEach(rest.results::add);
        return rest;
    }

    Run read(Path file) {
        try {
            return ResultReader.read(write(file));
        } catch (ResultFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every suite benchmark for every model, with numbers shaped like the argument expects (threads
     * costly, async cheap). Test data for rendering, not a prediction.
     */
    static SuiteResults everything() {
        SuiteResults suite = new SuiteResults();
        for (String model : SuiteLayout.MODELS) {
            int i = SuiteLayout.MODELS.indexOf(model);
            double cost = switch (model) {
                case "threads" -> 4;
                case "pool" -> 3;
                case "virtual" -> 1.5;
                case "actors" -> 2;
                default -> 1 + i * 0.05;
            };
            double cap = switch (model) {
                case "sequential" -> 1;
                case "threads" -> 2000;
                case "pool" -> 200;
                default -> 1e9;
            };
            double perTask = model.equals("threads") ? 80_000 : model.equals("sequential") ? 0 : 1000 * cost;
            double runtimeThreads = model.equals("threads") || model.equals("sequential") ? 0 : model.equals("pool") ? 200 : 2;
            for (int c : new int[] {1, 64, 1024, 8192}) {
                double inFlight = Math.min(c, cap);
                double latency = 40 * c / inFlight;
                // a pool queues what it cannot run, so C is in flight; threads past 2000 cannot start
                double held = model.equals("threads") || model.equals("sequential") ? inFlight : c;
                Map<String, Double> secondaries = new LinkedHashMap<>(Map.of(
                        SuiteLayout.CPU_PER_TASK, 20_000 * cost, SuiteLayout.ALLOC_PER_TASK, 4000 * cost,
                        SuiteLayout.RSS, 100e6 + inFlight * perTask, SuiteLayout.HEAP, 50e6 + inFlight * perTask / 4,
                        SuiteLayout.THREADS_PEAK, model.equals("threads") ? 2 * inFlight : 20,
                        SuiteLayout.ERRORS, 0.0, SuiteLayout.PAGES, 2 * inFlight / 0.045));
                secondaries.putAll(Map.of(SuiteLayout.LATENCY_P50, latency, SuiteLayout.LATENCY_P90, latency * 1.3,
                        SuiteLayout.LATENCY_P99, latency * 2, SuiteLayout.LATENCY_P999, latency * 3));
                secondaries.putAll(Map.of(SuiteLayout.INFLIGHT_MEAN, held, SuiteLayout.INFLIGHT_MIN, 0.9 * held,
                        SuiteLayout.INFLIGHT_CHECK, model.equals("sequential") || held >= 0.95 * c ? 1.0 : 0.0,
                        SuiteLayout.RUNTIME_THREADS, runtimeThreads, SuiteLayout.CPU_CORES, 0.5,
                        SuiteLayout.FIXTURE_CPU, 0.3, SuiteLayout.CPU_SATURATED, 0.0));
                if (model.equals("callbacks")) {
                    for (String threads : new String[] {"1", "2"}) {
                        Map<String, String> params = new LinkedHashMap<>(HEADLINE);
                        params.putAll(Map.of("model", model, "concurrency", String.valueOf(c), "threads", threads));
                        double speed = threads.equals("1") ? 0.8 : 1;
                        Map<String, Double> adjusted = new LinkedHashMap<>(secondaries);
                        adjusted.put(SuiteLayout.CPU_PER_TASK, 20_000 * cost * speed);
                        suite.io(params, speed * inFlight / 0.045, adjusted);
                    }
                } else {
                    suite.io(model, c, inFlight / 0.045, secondaries);
                }
            }
            suite.offThePath(model, cost);
            suite.fixedLoad(model, cost, perTask, runtimeThreads);
            boolean async = SuiteLayout.NON_BLOCKING.contains(model) || model.equals("virtual");
            suite.model(SuiteLayout.FOOTPRINT, "ss", model, Map.of("tasks", "1000000"), 2e9, "ns/op", Map.of(
                    SuiteLayout.IDLE_HELD, model.equals("sequential") ? 1 : async ? 1e6 : 30_000,
                    SuiteLayout.IDLE_BYTES, model.equals("threads") || model.equals("pool") ? 70_000 : 300 * cost));
            suite.model(SuiteLayout.FOOTPRINT, "ss", model, Map.of("tasks", "1000"), 2e6, "ns/op", Map.of(
                    SuiteLayout.IDLE_HELD, model.equals("sequential") ? 1 : 1000.0, SuiteLayout.IDLE_BYTES, 90_000.0));
            suite.model(SuiteLayout.SPAWN, "avgt", model, model.equals("threads") ? 60_000 : 500 * cost, "ns/op", Map.of());
            suite.model(SuiteLayout.SWITCH, "avgt", model, model.equals("threads") ? 8_000 : 400 * cost, "ns/op", Map.of());
            suite.model(SuiteLayout.CODE, "ss", model, 5e7, "ns/op", Map.of(
                    SuiteLayout.CLASSES, 1500 + 800 * cost, SuiteLayout.METASPACE, 8e6 * (1 + (cost - 1) / 2),
                    SuiteLayout.TASK_BYTECODE, 2000 * cost, SuiteLayout.RUNTIME_JAR, async ? 2e6 : 0,
                    SuiteLayout.SOURCE_LINES, model.equals("callbacks") ? 90.0 : 30 + 5 * i));
            if (SuiteLayout.NON_BLOCKING.contains(model)) {
                suite.model(SuiteLayout.CANCEL, "ss", model, 1e6, "ns/op", Map.of(
                        SuiteLayout.CANCEL_CLOSE, model.equals("futures") ? 20_000.0 : 2,
                        SuiteLayout.CANCEL_READS, model.equals("futures") ? 4.0 : 0));
                suite.model(SuiteLayout.INERT, "ss", model, 1e6, "ns/op", Map.of(
                        SuiteLayout.REQUESTS_BEFORE_AWAIT, model.equals("reactive") || model.equals("coroutines") ? 0.0 : 2));
            }
        }
        return suite;
    }

    /**
     * The IO benchmark off the clean path at C=64: 5% faults without and with 2 retries (error share
     * 10% and 0.1% of tasks), 10 ms network delay each way at server delay 0 (0.8 of the rate at
     * server delay 20 ms), and a soak in which only the pool's thread count grows.
     */
    SuiteResults offThePath(String model, double cost) {
        double rate = 64 / 0.045 / cost;
        for (int retry : new int[] {0, 2}) {
            Map<String, String> params = new LinkedHashMap<>(HEADLINE);
            params.putAll(Map.of("model", model, "concurrency", "64", "faults", "5", "retry", String.valueOf(retry)));
            io(params, rate * 0.9, Map.of(SuiteLayout.ERRORS, rate * 0.9 * (retry == 0 ? 0.10 : 0.001),
                    SuiteLayout.RETRIES, retry == 0 ? 0 : rate * 0.9 * 0.1));
        }
        Map<String, String> network = new LinkedHashMap<>(HEADLINE);
        network.putAll(Map.of("model", model, "concurrency", "64", "delay", "0", "netDelay", "10"));
        io(network, 0.8 * 64 / 0.045, Map.of());
        Map<String, String> soak = new LinkedHashMap<>(HEADLINE);
        soak.putAll(Map.of("model", model, "concurrency", "256"));
        boolean leaks = model.equals("pool");
        Map<String, Double> resources = new LinkedHashMap<>(Map.of(SuiteLayout.SOAK_LEAKS, leaks ? 1.0 : 0));
        for (String resource : SuiteLayout.SOAK_RESOURCES) {
            resources.put("soak." + resource + ".start", 100.0);
            resources.put("soak." + resource + ".growth", leaks && resource.equals("threads") ? 60.0 : 1);
            resources.put("soak." + resource + ".allowed", 5.0);
        }
        return add(SuiteLayout.IO, "thrpt", soak, rate, "ops/s", resources);
    }

    /**
     * The open loop at 1000 and 4000 tasks/s with a 500 ms server delay: sequential (one task a
     * second) and the 200-thread pool (200 tasks/s) cannot keep up; the others can, at their cost.
     */
    SuiteResults fixedLoad(String model, double cost, double rssPerTask, double runtimeThreads) {
        double capacity = model.equals("sequential") ? 1 : model.equals("pool") ? 200 : 1e9;
        for (double rate : new double[] {1000, 4000}) {
            double achieved = Math.min(rate, capacity);
            boolean saturated = achieved < 0.95 * rate;
            double p50 = saturated ? 3000 : 500 + 2 * cost;
            Map<String, Double> secondaries = new LinkedHashMap<>(Map.of(
                    SuiteLayout.CPU_PER_TASK, 20_000 * cost, SuiteLayout.ALLOC_PER_TASK_OWN, 4000 * cost,
                    SuiteLayout.RSS_PER_TASK, rssPerTask, SuiteLayout.INFLIGHT_MEAN, saturated ? Math.min(capacity, 200) : rate * 0.5,
                    SuiteLayout.LATENCY_P50, p50, SuiteLayout.LATENCY_P99, p50 + 10 * cost,
                    SuiteLayout.LOAD_OFFERED, rate, SuiteLayout.LOAD_LAG, saturated ? 3000.0 : 1.0,
                    SuiteLayout.LOAD_SATURATED, saturated ? 1.0 : 0.0, SuiteLayout.RUNTIME_THREADS, runtimeThreads));
            secondaries.putAll(Map.of(SuiteLayout.CPU_CORES, achieved * 20_000 * cost * 1e-9, SuiteLayout.FIXTURE_CPU, 0.2,
                    SuiteLayout.CPU_SATURATED, 0.0));
            load(model, rate, achieved, secondaries);
        }
        return this;
    }

    private static Map<String, Object> metric(double score, String unit) {
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("score", score);
        metric.put("scoreError", score * 0.05);
        metric.put("scoreConfidence", List.of(score * 0.95, score * 1.05));
        metric.put("scoreUnit", unit);
        metric.put("rawData", List.of(List.of(score * 0.98, score, score * 1.02)));
        return metric;
    }

    private static String unitOf(String metric) {
        if (metric.startsWith("latency.") || metric.endsWith(".ms")) {
            return "ms";
        }
        if (metric.equals(SuiteLayout.CPU_PER_TASK)) {
            return "ns/op";
        }
        if (metric.equals(SuiteLayout.ALLOC_PER_TASK)) {
            return "B/op";
        }
        if (metric.equals(SuiteLayout.PAGES) || metric.equals(SuiteLayout.LOAD_OFFERED)) {
            return "ops/s";
        }
        return metric.contains("bytes") ? "B" : "#";
    }
}
