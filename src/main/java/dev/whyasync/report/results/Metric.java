package dev.whyasync.report.results;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One metric of a JMH result, primary or secondary, as JMH writes it. Sample mode has no
 * {@code rawData}: its iterations are histograms of {@code [value, count]} pairs, so
 * {@link #iterationSamples()} derives one mean per iteration from them.
 */
public record Metric(
        Double score,
        Double scoreError,
        List<Double> scoreConfidence,
        Map<String, Double> scorePercentiles,
        String scoreUnit,
        List<List<Double>> rawData,
        List<List<List<List<Double>>>> rawDataHistogram,
        @JsonAnySetter Map<String, Object> unknown) {

    public Metric {
        scoreConfidence = scoreConfidence == null ? List.of() : scoreConfidence;
        scorePercentiles = scorePercentiles == null ? Map.of() : scorePercentiles;
        scoreUnit = scoreUnit == null ? "" : scoreUnit;
        rawData = rawData == null ? List.of() : rawData;
        rawDataHistogram = rawDataHistogram == null ? List.of() : rawDataHistogram;
        unknown = unknown == null ? Map.of() : unknown;
    }

    public double value() {
        return score == null ? Double.NaN : score;
    }

    /** Lower bound of JMH's 99.9% confidence interval, NaN when JMH could not compute it. */
    public double confidenceLow() {
        return scoreConfidence.size() == 2 && scoreConfidence.get(0) != null ? scoreConfidence.get(0) : Double.NaN;
    }

    public double confidenceHigh() {
        return scoreConfidence.size() == 2 && scoreConfidence.get(1) != null ? scoreConfidence.get(1) : Double.NaN;
    }

    /** A percentile such as {@code "99.0"}, present in sample mode and for multi-iteration metrics. */
    public Optional<Double> percentile(String key) {
        return Optional.ofNullable(scorePercentiles.get(key));
    }

    /** Every measured iteration of every fork, in order; empty when JMH wrote none. */
    public List<Double> iterationSamples() {
        List<Double> samples = new ArrayList<>();
        for (List<Double> fork : rawData) {
            fork.stream().filter(v -> v != null && Double.isFinite(v)).forEach(samples::add);
        }
        if (samples.isEmpty()) {
            for (List<List<List<Double>>> fork : rawDataHistogram) {
                fork.stream().map(Metric::histogramMean).filter(Double::isFinite).forEach(samples::add);
            }
        }
        return samples;
    }

    private static double histogramMean(List<List<Double>> iteration) {
        double sum = 0;
        double count = 0;
        for (List<Double> bucket : iteration) {
            if (bucket.size() >= 2 && bucket.get(0) != null && bucket.get(1) != null) {
                sum += bucket.get(0) * bucket.get(1);
                count += bucket.get(1);
            }
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
