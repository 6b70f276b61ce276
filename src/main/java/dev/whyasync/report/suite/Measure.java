package dev.whyasync.report.suite;

import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.Metric;
import dev.whyasync.report.stats.Samples;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A number the report reads from one result, in the report's own unit ({@code ns}, {@code ms},
 * {@code B}, {@code tasks/s} or a plain count): which metric, and how to convert its JMH unit.
 */
public record Measure(String name, String unit, Function<BenchmarkResult, Optional<Metric>> metric, Conversion conversion,
                      Measure fallback) {

    /** Converts a value from the unit JMH wrote to the measure's unit; NaN when it cannot. */
    @FunctionalInterface
    public interface Conversion {
        double apply(double value, String fromUnit);
    }

    public static final Conversion AS_IS = (value, unit) -> value;

    public static Measure primary(String name, String unit, Conversion conversion) {
        return new Measure(name, unit, r -> Optional.ofNullable(r.primaryMetric()), conversion, null);
    }

    public static Measure secondary(String metricName, String unit, Conversion conversion) {
        return new Measure(metricName, unit, r -> r.secondary(metricName), conversion, null);
    }

    /** This measure, or {@code other} for results that lack it (same name and unit). */
    public Measure orElse(Measure other) {
        return new Measure(name, unit, metric, conversion, other);
    }

    public OptionalDouble of(BenchmarkResult result) {
        OptionalDouble own = metric.apply(result).stream().mapToDouble(m -> convert(m.value(), m.scoreUnit()))
                .filter(Double::isFinite).findFirst();
        return own.isPresent() || fallback == null ? own : fallback.of(result);
    }

    /**
     * The value with the samples behind it, every measured iteration of every fork in this
     * measure's unit (JMH's own basis for its error), for the claims' intervals.
     */
    public Optional<Samples> samples(BenchmarkResult result) {
        OptionalDouble value = of(result);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        Measure source = source(result);
        return source.metric.apply(result).map(m -> Samples.of(value.getAsDouble(), m.iterationSamples().stream()
                .map(v -> source.convert(v, m.scoreUnit())).filter(Double::isFinite).toList()));
    }

    /** JMH's confidence bounds in this measure's unit; NaN where JMH gave none. */
    public double low(BenchmarkResult result) {
        return source(result).metric.apply(result).map(m -> source(result).convert(m.confidenceLow(), m.scoreUnit()))
                .orElse(Double.NaN);
    }

    public double high(BenchmarkResult result) {
        return source(result).metric.apply(result).map(m -> source(result).convert(m.confidenceHigh(), m.scoreUnit()))
                .orElse(Double.NaN);
    }

    /** The measure that supplies the value for this result: this one, or its fallback. */
    private Measure source(BenchmarkResult result) {
        boolean own = metric.apply(result).map(m -> Double.isFinite(convert(m.value(), m.scoreUnit()))).orElse(false);
        return own || fallback == null ? this : fallback.source(result);
    }

    /** A metric written without a unit is taken to be in the unit the suite documents for it. */
    private double convert(double value, String fromUnit) {
        double converted = conversion.apply(value, fromUnit);
        return Double.isNaN(converted) && fromUnit.isBlank() ? value : converted;
    }
}
