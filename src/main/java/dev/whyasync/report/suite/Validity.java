package dev.whyasync.report.suite;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.chart.Quantity;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.Metric;
import dev.whyasync.report.stats.Steadiness;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The checks a result of the IO or load benchmark must pass before a claim may use it (DESIGN
 * §5a, §8a), and how it fared on each. The benchmark judges C in flight, CPU headroom and keeping
 * up per iteration and reports each as a 0/1 metric that JMH averages over the iterations; the
 * report tests steadiness itself, from the iterations JMH kept ({@link Steadiness}).
 *
 * <p>A check metric's score is an average of per-iteration flags, so one failing iteration fails
 * the result: a mean in flight below 0.95 C for part of the run is not a run at C. A check whose
 * metric the result lacks (files from before the metric existed) is not checked and does not
 * count against the result.
 */
public record Validity(List<Failure> failures, List<Check> unchecked) {

    /** A check, with the mark tables put beside a result that failed it. */
    public enum Check {
        C_HELD("c", "C not held", "C held", "no " + SuiteLayout.INFLIGHT_CHECK + " metric"),
        STEADY("t", "not steady", "steadiness", "fewer than " + Steadiness.MIN_ITERATIONS + " measured iterations per fork"),
        CPU_HEADROOM("cpu", "CPU-saturated", "CPU headroom", "no " + SuiteLayout.CPU_SATURATED + " metric"),
        KEPT_UP("r", "saturated at R", "keeping up with the offered rate", "no " + SuiteLayout.LOAD_SATURATED + " metric");

        private final String mark;
        private final String failure;
        private final String subject;
        private final String whyUnchecked;

        Check(String mark, String failure, String subject, String whyUnchecked) {
            this.mark = mark;
            this.failure = failure;
            this.subject = subject;
            this.whyUnchecked = whyUnchecked;
        }

        /** Why a result was not checked: the metric it lacks, or too few iterations. */
        public String whyUnchecked() {
            return whyUnchecked;
        }

        public String mark() {
            return "[" + mark + "]";
        }

        /** What failing it is called: "C not held". */
        public String failure() {
            return failure;
        }

        /** What the check is about: "C held", "steadiness". */
        public String subject() {
            return subject;
        }
    }

    /** A failed check with the numbers that failed it: "C not held (mean in flight 2k of 8192)". */
    public record Failure(Check check, String text) {
    }

    /** Nothing checked: the benchmarks that report no checks. */
    public static final Validity NONE = new Validity(List.of(), List.of());

    private static final double FLAG = 1e-9;

    public Validity {
        failures = List.copyOf(failures);
        unchecked = List.copyOf(unchecked);
    }

    /**
     * Checks one result. {@code noise} is the iteration noise pooled over the result's benchmark in
     * the run; {@code cores} the machine's, from the meta file, for the CPU check's text.
     */
    public static Validity of(BenchmarkResult result, Steadiness.Noise noise, Optional<Long> cores) {
        List<Failure> failures = new ArrayList<>();
        List<Check> unchecked = new ArrayList<>();
        if (result.param(SuiteLayout.CONCURRENCY).isPresent()) {
            flag(result, Measures.INFLIGHT_CHECK, Check.C_HELD, v -> v < 1 - FLAG,
                    () -> Check.C_HELD.failure(), () -> inFlight(result), failures, unchecked);
        }
        Steadiness steadiness = Steadiness.of(result.primaryMetric().rawData(), noise);
        switch (steadiness.status()) {
            case NOT_STEADY -> failures.add(new Failure(Check.STEADY, String.format(Locale.ROOT, "%s (score %s %.0f%% over %d iterations)",
                    Check.STEADY.failure(), steadiness.change() > 0 ? "rose" : "fell", 100 * Math.abs(steadiness.change()),
                    steadiness.iterations())));
            case NOT_TESTED -> unchecked.add(Check.STEADY);
            case STEADY -> { }
        }
        flag(result, Measures.CPU_SATURATED, Check.CPU_HEADROOM, v -> v > FLAG,
                () -> Check.CPU_HEADROOM.failure(), () -> cpu(result, cores), failures, unchecked);
        if (SuiteLayout.benchmarkOf(result.shortName()).filter(SuiteLayout.LOAD::equals).isPresent()) {
            flag(result, Measures.LOAD_SATURATED, Check.KEPT_UP, v -> v > FLAG,
                    () -> "saturated at " + Measures.LOAD_OFFERED.of(result).stream()
                            .mapToObj(r -> Quantity.format(r, "tasks/s")).findFirst().orElse("the offered rate"),
                    () -> keptUp(result), failures, unchecked);
        }
        return new Validity(failures, unchecked);
    }

    /** Whether the result passed every one of these checks it was given (an unchecked one passes). */
    public boolean passes(Set<Check> checks) {
        return failures.stream().noneMatch(f -> checks.contains(f.check()));
    }

    public boolean failed(Check check) {
        return failures.stream().anyMatch(f -> f.check() == check);
    }

    public Optional<Failure> failure(Check check) {
        return failures.stream().filter(f -> f.check() == check).findFirst();
    }

    /** "[c] [t]" for the failed checks, empty for none; {@code except} leaves out a check a table shows itself. */
    public String marks(Check... except) {
        Set<Check> shown = Set.of(except);
        return failures.stream().map(Failure::check).filter(c -> !shown.contains(c)).map(Check::mark)
                .collect(Collectors.joining(" "));
    }

    private interface Test {
        boolean fails(double value);
    }

    private interface Text {
        String get();
    }

    /** A failure reads "what (numbers)": "C not held (mean in flight 2k of 8192, in 1 of 3 iterations)". */
    private static void flag(BenchmarkResult result, Measure metric, Check check, Test test, Text head, Text detail,
                             List<Failure> failures, List<Check> unchecked) {
        OptionalDouble value = metric.of(result);
        if (value.isEmpty()) {
            unchecked.add(check);
        } else if (test.fails(value.getAsDouble())) {
            failures.add(new Failure(check, head.get() + " (" + detail.get() + iterations(result, metric, test) + ")"));
        }
    }

    /** ", in 1 of 3 iterations" when not every iteration failed. */
    private static String iterations(BenchmarkResult result, Measure metric, Test test) {
        List<Double> samples = result.secondary(metric.name()).map(Metric::iterationSamples).orElse(List.of());
        long failed = samples.stream().filter(test::fails).count();
        return failed > 0 && failed < samples.size() ? ", in " + failed + " of " + samples.size() + " iterations" : "";
    }

    private static String inFlight(BenchmarkResult result) {
        OptionalDouble mean = Measures.INFLIGHT_MEAN.of(result);
        OptionalDouble min = Measures.INFLIGHT_MIN.of(result);
        return "mean in flight " + (mean.isPresent() ? count(mean.getAsDouble()) : "not reported") + " of "
                + result.param(SuiteLayout.CONCURRENCY).orElse("?") + (min.isPresent() ? ", lowest " + count(min.getAsDouble()) : "");
    }

    private static String cpu(BenchmarkResult result, Optional<Long> cores) {
        OptionalDouble machine = Measures.MACHINE_CPU.of(result);
        return "client " + cores(Measures.CPU_CORES.of(result)) + " + fixture " + cores(Measures.FIXTURE_CPU.of(result))
                + (machine.isPresent() ? ", machine " + cores(machine) : "")
                + cores.map(n -> " of " + n + " cores").orElse(" cores");
    }

    private static String keptUp(BenchmarkResult result) {
        OptionalDouble lag = Measures.LOAD_LAG.of(result);
        return "achieved " + Measures.THROUGHPUT.of(result).stream().mapToObj(v -> Quantity.format(v, "tasks/s")).findFirst().orElse("n/a")
                + (lag.isPresent() ? ", pacer " + Quantity.format(lag.getAsDouble(), "ms") + " behind" : "");
    }

    private static String cores(OptionalDouble value) {
        return value.isPresent() ? Quantity.format(value.getAsDouble(), "") : "?";
    }

    private static String count(double value) {
        return Quantity.format(value, "");
    }
}
