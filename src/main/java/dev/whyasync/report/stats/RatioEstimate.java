package dev.whyasync.report.stats;

import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * A ratio of scores (or of ratios of scores) with a 95% confidence interval.
 *
 * <p>Why Welch's t on the log scale, not a bootstrap: a run has few iteration samples per benchmark
 * (3 to 20), and a percentile bootstrap of so few values gives intervals that are too narrow, which
 * in a gate means false alarms. Student's t with Welch-Satterthwaite degrees of freedom stays honest
 * at small n (few degrees of freedom widen the interval) and does not assume the two runs have the
 * same variance (they may come from different machines). Working on log(score) turns a ratio into a
 * difference and a ratio of ratios into a sum; the variance of each log-mean comes from the delta
 * method, s^2 / (n * mean^2). Iterations of one fork share that fork's JIT decisions, so with a
 * single fork the interval describes iteration noise only; more forks make it cover fork-to-fork
 * noise too. The confidence level is applied per comparison, with no correction for the number of
 * comparisons: the gate adds a size threshold and a second, within-run check instead.
 */
public record RatioEstimate(double ratio, double low, double high) {

    private static final double TWO_SIDED_95 = 0.975;

    public static RatioEstimate of(Samples numerator, Samples denominator) {
        return of(List.of(numerator), List.of(denominator));
    }

    /** The product of the numerators' centres over the product of the denominators'. */
    public static RatioEstimate of(List<Samples> numerators, List<Samples> denominators) {
        double ratio = product(numerators) / product(denominators);
        boolean positive = allPositive(numerators) && allPositive(denominators);
        boolean spread = numerators.stream().allMatch(Samples::hasSpread) && denominators.stream().allMatch(Samples::hasSpread);
        if (!positive || !spread || !Double.isFinite(ratio)) {
            return new RatioEstimate(ratio, Double.NaN, Double.NaN);
        }
        double variance = 0;
        double dfDenominator = 0;
        for (Samples s : concat(numerators, denominators)) {
            double v = s.logVariance();
            variance += v;
            dfDenominator += v * v / (s.n() - 1);
        }
        if (variance == 0) {
            return new RatioEstimate(ratio, ratio, ratio);
        }
        double degreesOfFreedom = variance * variance / dfDenominator;
        double t = new TDistribution(null, degreesOfFreedom).inverseCumulativeProbability(TWO_SIDED_95);
        double halfWidth = t * Math.sqrt(variance);
        return new RatioEstimate(ratio, ratio * Math.exp(-halfWidth), ratio * Math.exp(halfWidth));
    }

    public boolean hasInterval() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    /** Significant at 95%: the interval leaves out 1 (no change). */
    public boolean significant() {
        return hasInterval() && (high < 1 || low > 1);
    }

    /** The change in percent, signed: 0.83 is -17%. */
    public double changePercent() {
        return (ratio - 1) * 100;
    }

    private static double product(List<Samples> samples) {
        return samples.stream().mapToDouble(Samples::centre).reduce(1, (a, b) -> a * b);
    }

    private static boolean allPositive(List<Samples> samples) {
        return samples.stream().allMatch(s -> s.centre() > 0 && Double.isFinite(s.centre()));
    }

    private static List<Samples> concat(List<Samples> a, List<Samples> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
