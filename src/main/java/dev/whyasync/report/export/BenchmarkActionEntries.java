package dev.whyasync.report.export;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.Direction;
import dev.whyasync.report.results.Metric;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A run as github-action-benchmark's custom tools read it: one entry ({@code name}, {@code value},
 * {@code unit}, {@code range}, {@code extra}) per benchmark, parameter set and metric, split by
 * direction into the {@code customBiggerIsBetter} and {@code customSmallerIsBetter} files. Its
 * {@code tool: jmh} reads every JMH score as smaller-is-better and drops the secondary metrics; here
 * the primary score goes where its mode says, and the metrics the claims rest on (allocation, CPU
 * and p99 latency per task, RSS per task in flight) follow it, all of them costs.
 *
 * <p>The surprising fact: the action keys a series by its name, so a name that spelled every
 * parameter would start every series anew whenever a parameter is added. A name holds only the
 * parameters whose value varies among the benchmark's results in this run; {@code extra} keeps all.
 * The action's {@code JSON.parse} takes no NaN, so a metric without a finite value is left out.
 */
public final class BenchmarkActionEntries {
    /** The secondary metrics exported beside the primary score: costs per task, lower is better. */
    static final List<String> KEY_SECONDARIES = List.of(SuiteLayout.ALLOC_PER_TASK_OWN, SuiteLayout.CPU_PER_TASK,
            SuiteLayout.LATENCY_P99, SuiteLayout.RSS_PER_TASK);
    /** Stands for the mode among the varying parameters: no parameter has an empty name. */
    private static final String MODE = "";

    /** One entry of the action's custom format. */
    public record Entry(String name, double value, String unit, String range, String extra) {
    }

    /** The entries of each file: the bigger-is-better ones and the smaller-is-better ones, in the run's order. */
    public record Split(List<Entry> bigger, List<Entry> smaller) {
    }

    private BenchmarkActionEntries() {
    }

    public static Split of(List<BenchmarkResult> results) {
        Map<String, Set<String>> varying = varyingParams(results);
        List<Entry> bigger = new ArrayList<>();
        List<Entry> smaller = new ArrayList<>();
        for (BenchmarkResult result : results) {
            String name = shortName(result, varying.get(result.benchmark()));
            String extra = extra(result);
            Metric primary = result.primaryMetric();
            Direction direction = Direction.ofPrimary(result.mode(), primary.scoreUnit());
            entry(name, primary, extra).ifPresent(e -> (direction == Direction.HIGHER ? bigger : smaller).add(e));
            for (String metric : KEY_SECONDARIES) {
                result.secondary(metric).flatMap(m -> entry(name + " " + metric, m, extra)).ifPresent(smaller::add);
            }
        }
        return new Split(bigger, smaller);
    }

    private static Optional<Entry> entry(String name, Metric metric, String extra) {
        if (!Double.isFinite(metric.value())) {
            return Optional.empty();
        }
        Double error = metric.scoreError();
        String range = error != null && Double.isFinite(error) ? String.format(Locale.ROOT, "± %.6g", error) : null;
        return Optional.of(new Entry(name, metric.value(), metric.scoreUnit(), range, extra));
    }

    /** For each benchmark, the parameters with more than one value among its results, and the mode when it has several. */
    private static Map<String, Set<String>> varyingParams(List<BenchmarkResult> results) {
        Map<String, Map<String, Set<String>>> values = new LinkedHashMap<>();
        for (BenchmarkResult result : results) {
            Map<String, Set<String>> seen = values.computeIfAbsent(result.benchmark(), b -> new TreeMap<>());
            seen.computeIfAbsent(MODE, p -> new LinkedHashSet<>()).add(result.mode());
            result.params().forEach((param, value) -> seen.computeIfAbsent(param, p -> new LinkedHashSet<>()).add(value));
        }
        Map<String, Set<String>> varying = new LinkedHashMap<>();
        values.forEach((benchmark, seen) -> varying.put(benchmark, seen.entrySet().stream()
                .filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).collect(Collectors.toCollection(LinkedHashSet::new))));
        return varying;
    }

    /** "IoBenchmark.tasks model=futures concurrency=64": the model first, then the other varying parameters by name. */
    private static String shortName(BenchmarkResult result, Set<String> varying) {
        StringBuilder name = new StringBuilder(result.shortName());
        if (varying.contains(MODE)) {
            name.append(" [").append(result.mode()).append(']');
        }
        varying.stream().filter(p -> !p.equals(MODE)).sorted((a, b) -> a.equals(SuiteLayout.MODEL) ? -1 : b.equals(SuiteLayout.MODEL)
                ? 1 : a.compareTo(b)).forEach(p -> name.append(' ').append(p).append('=').append(result.params().get(p)));
        return name.toString();
    }

    /** The mode, forks and iterations, and every parameter: what the name leaves out. */
    private static String extra(BenchmarkResult result) {
        String params = result.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
        return "mode " + result.mode() + ", " + result.forks() + " fork(s) x " + result.measurementIterations()
                + " iterations" + (params.isEmpty() ? "" : "; " + params);
    }
}
