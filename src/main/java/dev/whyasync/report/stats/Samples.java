package dev.whyasync.report.stats;

import java.util.List;

/**
 * A score with the spread of the iterations behind it. The centre is the score JMH published (so a
 * ratio matches the numbers a reader sees); the variance comes from the iteration samples.
 */
public record Samples(double centre, int n, double variance) {

    public static Samples of(double score, List<Double> iterations) {
        int n = iterations.size();
        if (n < 2) {
            return new Samples(score, n, Double.NaN);
        }
        double mean = iterations.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double squares = iterations.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        return new Samples(score, n, squares / (n - 1));
    }

    /**
     * A number without noise, such as a count of source lines or bytecode: its interval is the
     * number itself. (n is unbounded, so it adds nothing to a ratio's variance or degrees of freedom.)
     */
    public static Samples exact(double value) {
        return new Samples(value, Integer.MAX_VALUE, 0);
    }

    /** Whether a spread is known: at least two iterations. */
    public boolean hasSpread() {
        return n >= 2 && Double.isFinite(variance);
    }

    /** Variance of log(centre) by the delta method: s^2 / (n * centre^2). */
    double logVariance() {
        return variance / (n * centre * centre);
    }
}
