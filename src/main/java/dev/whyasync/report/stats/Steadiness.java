package dev.whyasync.report.stats;

import java.util.Collection;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Whether a score drifted over its measured iterations (DESIGN §5a: steady state before
 * measuring). Per fork, the least-squares slope of score against iteration index is tested with
 * Student's t; a fork is not steady when the slope is significant at 5% (two-sided) and the
 * fitted change from its first to its last iteration exceeds 5% of the fork's mean. Both are
 * needed: a tiny trend in a very quiet series is significant but harmless, and a large swing in a
 * noisy one is not a trend. A result is not steady when any of its forks is not.
 *
 * <p>The surprising fact: the suite measures three iterations per fork, and a line fitted to three
 * points leaves one degree of freedom for its noise, so t must exceed 12.7 and a warm-up as plain
 * as 28k, 38k, 41k tasks/s passes. The iteration noise, relative to the mean, is a property of the
 * machine and the benchmark rather than of one parameter set, so it is estimated from every fork of
 * the benchmark in the run ({@link Noise}) and the slope is tested against that: with ten results of
 * three iterations the test has ten degrees of freedom. A run in which every result drifts inflates
 * that noise and flags less, never more.
 */
public record Steadiness(Status status, double change, int iterations) {

    public enum Status {
        STEADY, NOT_STEADY,
        /** Fewer than {@link #MIN_ITERATIONS} iterations in every fork, or no spread to test against. */
        NOT_TESTED
    }

    public static final int MIN_ITERATIONS = 3;
    /** The smallest fitted change, relative to the mean, that counts as drift. */
    public static final double MAX_CHANGE = 0.05;
    private static final double TWO_SIDED_5_PERCENT = 0.975;

    /** Tests the forks against their own noise only (no other results to pool with). */
    public static Steadiness of(List<List<Double>> forks) {
        return of(forks, Noise.of(List.of(forks)));
    }

    /** Tests each fork's slope against the pooled relative noise; the worst fork speaks for the result. */
    public static Steadiness of(List<List<Double>> forks, Noise noise) {
        Steadiness result = new Steadiness(Status.NOT_TESTED, Double.NaN,
                forks.stream().mapToInt(f -> Line.finite(f).size()).max().orElse(0));
        if (noise.degreesOfFreedom() < 1) {
            return result;
        }
        double critical = new TDistribution(null, noise.degreesOfFreedom()).inverseCumulativeProbability(TWO_SIDED_5_PERCENT);
        for (List<Double> fork : forks) {
            Line line = Line.fit(Line.finite(fork));
            if (line == null) {
                continue;
            }
            double standardError = Math.sqrt(noise.relativeVariance() / line.sxx()) * line.mean();
            boolean significant = standardError == 0 ? line.slope() != 0 : Math.abs(line.slope() / standardError) > critical;
            double change = line.slope() * (line.n() - 1) / line.mean();
            Status status = significant && Math.abs(change) > MAX_CHANGE ? Status.NOT_STEADY : Status.STEADY;
            Steadiness forkResult = new Steadiness(status, change, line.n());
            if (result.status() == Status.NOT_TESTED || forkResult.worseThan(result)) {
                result = forkResult;
            }
        }
        return result;
    }

    private boolean worseThan(Steadiness other) {
        if (status != other.status) {
            return status == Status.NOT_STEADY;
        }
        return Math.abs(change) > Math.abs(other.change);
    }

    /**
     * Iteration noise relative to the mean, pooled over forks: each fork's squared residuals around
     * its own fitted line, divided by its mean squared, summed, over the summed degrees of freedom
     * (n - 2 per fork). Forks with fewer than three iterations or a mean of zero add nothing.
     */
    public record Noise(double relativeVariance, int degreesOfFreedom) {

        /** Pools the forks of several results; each element is one result's {@code rawData}. */
        public static Noise of(Collection<List<List<Double>>> results) {
            double squares = 0;
            int freedom = 0;
            for (List<List<Double>> forks : results) {
                for (List<Double> fork : forks) {
                    Line line = Line.fit(Line.finite(fork));
                    if (line != null) {
                        squares += line.residualSquares() / (line.mean() * line.mean());
                        freedom += line.n() - 2;
                    }
                }
            }
            return new Noise(freedom == 0 ? Double.NaN : squares / freedom, freedom);
        }
    }

    /** A least-squares line through (i, y_i), i = 0 .. n-1. */
    private record Line(int n, double mean, double slope, double sxx, double residualSquares) {

        static List<Double> finite(List<Double> values) {
            return values == null ? List.of() : values.stream().filter(v -> v != null && Double.isFinite(v)).toList();
        }

        /** The fitted line, or null with fewer than {@link #MIN_ITERATIONS} values or a mean of zero. */
        static Line fit(List<Double> y) {
            int n = y.size();
            if (n < MIN_ITERATIONS) {
                return null;
            }
            double mean = y.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            if (mean == 0) {
                return null;
            }
            double xMean = (n - 1) / 2.0;
            double sxx = 0;
            double sxy = 0;
            for (int i = 0; i < n; i++) {
                sxx += (i - xMean) * (i - xMean);
                sxy += (i - xMean) * (y.get(i) - mean);
            }
            double slope = sxy / sxx;
            double residuals = 0;
            for (int i = 0; i < n; i++) {
                double r = y.get(i) - (mean + slope * (i - xMean));
                residuals += r * r;
            }
            return new Line(n, Math.abs(mean), slope, sxx, residuals);
        }
    }
}
