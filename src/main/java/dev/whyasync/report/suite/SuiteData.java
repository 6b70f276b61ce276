package dev.whyasync.report.suite;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.Run;
import dev.whyasync.report.stats.Samples;
import dev.whyasync.report.stats.Steadiness;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A run seen through {@link SuiteLayout}: the suite's results by benchmark and model, the checks
 * each IO and load result passed ({@link Validity}), and the headline IO workload the claims are
 * judged on (the IO-bound case: longest server delay, smallest page, keep-alive). Where a model was
 * measured with several thread counts (pool sizes, event loops), its best-throughput configuration
 * speaks for it.
 *
 * <p>The report shows every result with its failed checks; the claims see a view, {@link #passing},
 * without the results that failed the checks they need, so that every lookup a rule makes (levels,
 * best configuration, matchups, RSS slopes) skips them alike.
 */
public final class SuiteData {

    private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*([kKmMgG](?=i?[bB]?$))?");

    private final Run run;
    private final Map<String, List<BenchmarkResult>> byBenchmark = new LinkedHashMap<>();
    private final Map<String, String> headline;
    private final Map<BenchmarkResult, Validity> validity;
    private final List<BenchmarkResult> excluded;

    public SuiteData(Run run) {
        this.run = run;
        for (BenchmarkResult r : run.results()) {
            String benchmark = SuiteLayout.benchmarkOf(r.shortName()).orElse(r.shortName());
            byBenchmark.computeIfAbsent(benchmark, k -> new ArrayList<>()).add(r);
        }
        headline = results(SuiteLayout.IO).stream().map(SuiteData::workload).distinct()
                .min(HEADLINE_FIRST).orElse(Map.of());
        validity = new IdentityHashMap<>();
        for (String benchmark : SuiteLayout.CHECKED) {
            Steadiness.Noise noise = Steadiness.Noise.of(results(benchmark).stream().map(r -> r.primaryMetric().rawData()).toList());
            results(benchmark).forEach(r -> validity.put(r, Validity.of(r, noise, run.meta().cores())));
        }
        excluded = List.of();
    }

    /** A view of {@code all} without the checked results that failed any of {@code checks}. */
    private SuiteData(SuiteData all, Set<Validity.Check> checks) {
        run = all.run;
        headline = all.headline;
        validity = all.validity;
        List<BenchmarkResult> left = new ArrayList<>();
        all.byBenchmark.forEach((benchmark, results) -> results.forEach(r -> {
            if (all.validity(r).passes(checks)) {
                byBenchmark.computeIfAbsent(benchmark, k -> new ArrayList<>()).add(r);
            } else {
                left.add(r);
            }
        }));
        excluded = List.copyOf(left);
    }

    /** The run without the results that failed any of these checks: what a claim needing them may use. */
    public SuiteData passing(Set<Validity.Check> checks) {
        return checks.isEmpty() ? this : new SuiteData(this, checks);
    }

    /** The results {@link #passing} left out of this view; empty for the whole run. */
    public List<BenchmarkResult> excluded() {
        return excluded;
    }

    /** How a result fared on its checks; {@link Validity#NONE} for benchmarks that have none. */
    public Validity validity(BenchmarkResult result) {
        return validity.getOrDefault(result, Validity.NONE);
    }

    /**
     * A result's name in notes and legends: its model, thread count, C or offered rate and, for an
     * IO result off the headline workload, where it differs ("actors C=64 (faults=5, retry=2)").
     */
    public String describe(BenchmarkResult result) {
        StringBuilder name = new StringBuilder(SuiteLayout.modelOf(result).orElse(result.shortName()));
        result.param(SuiteLayout.THREADS).filter(t -> !t.isBlank() && !t.equals("0")).ifPresent(t -> name.append(" threads=").append(t));
        result.param(SuiteLayout.CONCURRENCY).ifPresent(c -> name.append(" C=").append(c));
        result.param(SuiteLayout.RATE).ifPresent(r -> name.append(" at ").append(r).append(" tasks/s"));
        if (SuiteLayout.benchmarkOf(result.shortName()).filter(SuiteLayout.IO::equals).isPresent()) {
            String differences = workload(result).entrySet().stream()
                    .filter(e -> !e.getValue().equals(headline.getOrDefault(e.getKey(), "")))
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
            if (!differences.isEmpty()) {
                name.append(" (").append(differences).append(')');
            }
        }
        return name.toString();
    }

    public Run run() {
        return run;
    }

    public List<BenchmarkResult> results(String benchmark) {
        return byBenchmark.getOrDefault(benchmark, List.of());
    }

    public boolean measured(String benchmark) {
        return !results(benchmark).isEmpty();
    }

    /** Benchmarks in the run that the suite layout does not know, in order of appearance. */
    public List<String> otherBenchmarks() {
        return byBenchmark.keySet().stream().filter(b -> !SuiteLayout.BENCHMARKS.contains(b)).toList();
    }

    public List<String> models(String benchmark) {
        TreeSet<String> models = new TreeSet<>(SuiteLayout.MODEL_ORDER);
        results(benchmark).forEach(r -> SuiteLayout.modelOf(r).ifPresent(models::add));
        return List.copyOf(models);
    }

    /** The IO workload parameters (all but model, concurrency and threads) of one result. */
    public static Map<String, String> workload(BenchmarkResult result) {
        Map<String, String> params = new TreeMap<>(result.params());
        params.remove(SuiteLayout.MODEL);
        params.remove(SuiteLayout.CONCURRENCY);
        params.remove(SuiteLayout.THREADS);
        return params;
    }

    public Map<String, String> headline() {
        return headline;
    }

    /** The IO results at the headline workload, except soak runs (their rate carries the soak's full GCs). */
    public List<BenchmarkResult> headlineIo() {
        return results(SuiteLayout.IO).stream()
                .filter(r -> workload(r).equals(headline) && Measures.SOAK_LEAKS.of(r).isEmpty()).toList();
    }

    /** The concurrency levels at which a model has headline results, lowest first. */
    public TreeSet<Integer> levels(String model) {
        TreeSet<Integer> levels = new TreeSet<>();
        headlineIo().stream().filter(r -> SuiteLayout.modelOf(r).orElse("").equals(model))
                .map(SuiteData::concurrency).filter(c -> c >= 0).forEach(levels::add);
        return levels;
    }

    /** The highest concurrency at which every given model has a headline result. */
    public OptionalInt topConcurrency(Collection<String> models) {
        TreeSet<Integer> common = null;
        for (String model : models) {
            TreeSet<Integer> levels = levels(model);
            if (common == null) {
                common = levels;
            } else {
                common.retainAll(levels);
            }
        }
        return common == null || common.isEmpty() ? OptionalInt.empty() : OptionalInt.of(common.last());
    }

    /** The model's headline result at a concurrency: its best-throughput thread configuration. */
    public Optional<BenchmarkResult> io(String model, int concurrency) {
        return ioByThreads(model, concurrency).values().stream()
                .max(Comparator.comparingDouble(r -> Measures.THROUGHPUT.of(r).orElse(Double.NEGATIVE_INFINITY)));
    }

    public OptionalDouble io(String model, int concurrency, Measure measure) {
        return io(model, concurrency).map(measure::of).orElse(OptionalDouble.empty());
    }

    /** The number with its samples, for a rule that decides on an interval. */
    public Optional<Samples> ioSamples(String model, int concurrency, Measure measure) {
        return io(model, concurrency).flatMap(r -> samples(r, measure));
    }

    /**
     * A measure of one result with its samples; a measure that counts code ({@link Measures#EXACT})
     * is exact however few samples it has.
     */
    public static Optional<Samples> samples(BenchmarkResult result, Measure measure) {
        return measure.samples(result).map(s -> !s.hasSpread() && Measures.EXACT.contains(measure) ? Samples.exact(s.centre()) : s);
    }

    /** The model's headline results at a concurrency, keyed by the threads parameter ("" if none). */
    public Map<String, BenchmarkResult> ioByThreads(String model, int concurrency) {
        Map<String, BenchmarkResult> byThreads = new TreeMap<>();
        headlineIo().stream()
                .filter(r -> SuiteLayout.modelOf(r).orElse("").equals(model) && concurrency(r) == concurrency)
                .forEach(r -> byThreads.putIfAbsent(r.param(SuiteLayout.THREADS).orElse(""), r));
        return byThreads;
    }

    /**
     * Extra resident memory per extra task in flight: the slope of RSS between the model's lowest
     * and highest measured concurrency. Unlike RSS / C it does not charge the JVM's fixed footprint
     * to the tasks.
     */
    public OptionalDouble marginalRss(String model) {
        TreeSet<Integer> levels = levels(model);
        if (levels.size() < 2) {
            return OptionalDouble.empty();
        }
        OptionalDouble low = io(model, levels.first(), Measures.RSS);
        OptionalDouble high = io(model, levels.last(), Measures.RSS);
        if (low.isEmpty() || high.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((high.getAsDouble() - low.getAsDouble()) / (levels.last() - levels.first()));
    }

    /**
     * The offered rates at which the load benchmark ran a model, lowest first: the open loop's
     * "levels". A run with several load workloads (page delays, sizes) keeps the first in
     * parameter order, so that every model is compared on the same one.
     */
    public TreeSet<Integer> rates(String model) {
        TreeSet<Integer> rates = new TreeSet<>();
        loadAt(model).forEach(r -> rates.add((int) numberOrZero(r, SuiteLayout.RATE)));
        return rates;
    }

    /** The model's load result at an offered rate, with its samples. */
    public Optional<Samples> loadSamples(String model, int rate, Measure measure) {
        return loadAt(model).filter(r -> (int) numberOrZero(r, SuiteLayout.RATE) == rate).findFirst()
                .flatMap(r -> samples(r, measure));
    }

    /** A model's load results on the run's first load workload, default thread setting first. */
    private Stream<BenchmarkResult> loadAt(String model) {
        Comparator<BenchmarkResult> workloadOrder = Comparator.comparing(r -> loadWorkload(r).toString());
        Optional<Map<String, String>> first = results(SuiteLayout.LOAD).stream().min(workloadOrder).map(SuiteData::loadWorkload);
        return results(SuiteLayout.LOAD).stream()
                .filter(r -> SuiteLayout.modelOf(r).orElse("").equals(model) && first.get().equals(loadWorkload(r)))
                .sorted(Comparator.comparingDouble(r -> numberOrZero(r, SuiteLayout.THREADS)));
    }

    /** The load workload: every parameter but the model, its thread count and the offered rate. */
    public static Map<String, String> loadWorkload(BenchmarkResult result) {
        Map<String, String> params = new TreeMap<>(workload(result));
        params.remove(SuiteLayout.RATE);
        return params;
    }

    /**
     * A per-model benchmark's result (footprint, spawn, switch, code, cancel, inert). With a
     * {@code tasks} parameter, the largest number of tasks attempted speaks for the model.
     */
    public Optional<BenchmarkResult> single(String benchmark, String model) {
        return results(benchmark).stream().filter(r -> SuiteLayout.modelOf(r).orElse("").equals(model))
                .max(Comparator.comparingDouble(r -> number(r.param(SuiteLayout.TASKS).orElse("0"))));
    }

    public OptionalDouble single(String benchmark, String model, Measure measure) {
        return single(benchmark, model).map(measure::of).orElse(OptionalDouble.empty());
    }

    public Optional<Samples> singleSamples(String benchmark, String model, Measure measure) {
        return single(benchmark, model).flatMap(r -> samples(r, measure));
    }

    /** A per-second secondary count (errors, retries) per 100 finished tasks: both are rates over the same time. */
    public static OptionalDouble perHundredTasks(BenchmarkResult result, Measure count) {
        OptionalDouble tasks = Measures.THROUGHPUT.of(result);
        if (tasks.isEmpty() || tasks.getAsDouble() <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(100 * count.of(result).orElse(0) / tasks.getAsDouble());
    }

    /** A numeric parameter of a result; 0 when absent (files from before the parameter existed). */
    public static double numberOrZero(BenchmarkResult result, String param) {
        double value = number(result.param(param).orElse("0"));
        return Double.isNaN(value) ? 0 : value;
    }

    /** Soak results in which a resource grew beyond its noise, as "model (C=256): threads, heap". */
    public List<String> soakLeaks() {
        return results(SuiteLayout.IO).stream().filter(r -> Measures.SOAK_LEAKS.of(r).orElse(0) > 0)
                .map(r -> SuiteLayout.modelOf(r).orElse(r.shortName()) + " (C=" + concurrency(r) + "): "
                        + String.join(", ", soakGrown(r)))
                .toList();
    }

    /** The resources of a soak result that grew by more than the noise allowed them. */
    public static List<String> soakGrown(BenchmarkResult result) {
        return SuiteLayout.SOAK_RESOURCES.stream().filter(resource -> {
            OptionalDouble growth = soak(result, resource, "growth");
            OptionalDouble allowed = soak(result, resource, "allowed");
            return growth.isPresent() && allowed.isPresent() && growth.getAsDouble() > allowed.getAsDouble();
        }).toList();
    }

    /** One figure of a soak: {@code soak.<resource>.<part>}, part = start, growth or allowed. */
    public static OptionalDouble soak(BenchmarkResult result, String resource, String part) {
        return Measure.secondary("soak." + resource + "." + part, "", Measure.AS_IS).of(result);
    }

    public static int concurrency(BenchmarkResult result) {
        return (int) number(result.param(SuiteLayout.CONCURRENCY).orElse("-1"));
    }

    /** A parameter value as a number: {@code 20}, {@code 20ms}, {@code 64k}, {@code 1KiB}; NaN if none. */
    public static double number(String value) {
        Matcher m = LEADING_NUMBER.matcher(value);
        if (!m.find()) {
            return Double.NaN;
        }
        double base = Double.parseDouble(m.group(1));
        String prefix = m.group(2) == null ? "" : m.group(2).toLowerCase(Locale.ROOT);
        return switch (prefix) {
            case "k" -> base * 1024;
            case "m" -> base * 1024 * 1024;
            case "g" -> base * 1024 * 1024 * 1024;
            default -> base;
        };
    }

    /**
     * A workload on a clean path first (no faults, retries, network delay or bandwidth cap: those
     * have sections of their own), then the longest delay (IO-bound), smallest page, keep-alive, text.
     */
    private static final Comparator<Map<String, String>> HEADLINE_FIRST = Comparator
            .comparing((Map<String, String> w) -> perturbed(w))
            .thenComparingDouble(w -> -orZero(w.get(SuiteLayout.DELAY)))
            .thenComparingDouble(w -> orZero(w.get(SuiteLayout.SIZE)))
            .thenComparing(w -> !SuiteLayout.PREFERRED_REUSE.equals(w.get(SuiteLayout.REUSE)))
            .thenComparing(Map::toString);

    /** Whether a workload runs with faults, retries, network delay or a bandwidth cap. */
    public static boolean perturbed(Map<String, String> workload) {
        return Stream.of(SuiteLayout.FAULTS, SuiteLayout.RETRY, SuiteLayout.NET_DELAY, SuiteLayout.BANDWIDTH)
                .anyMatch(name -> orZero(workload.get(name)) > 0);
    }

    private static double orZero(String value) {
        double n = value == null ? Double.NaN : number(value);
        return Double.isNaN(n) ? 0 : n;
    }
}
