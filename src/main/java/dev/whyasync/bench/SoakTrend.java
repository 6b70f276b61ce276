package dev.whyasync.bench;

import java.util.Arrays;

/**
 * Whether one resource (threads, open files, RSS, live heap) grew during a soak by more than its
 * noise. The series is split into a first and a last window (a fifth of the samples each, at least
 * one); growth is the difference of their medians, and the allowance is three robust standard
 * deviations of the noisier window (1.4826 x its median absolute deviation) plus a floor: a fixed
 * amount and a share of the starting level, because a count that never moved has no spread, and a
 * few more file descriptors or megabytes over minutes is what the JVM does on its own (code cache,
 * a lazily opened jar). Growth above the allowance is a failure of the soak.
 *
 * @param start    median of the first window
 * @param end      median of the last window
 * @param growth   {@code end - start}
 * @param allowed  how much growth is taken for noise
 */
public record SoakTrend(String resource, String unit, int samples, double start, double end, double growth, double allowed) {
    private static final double WINDOW_SHARE = 0.2;
    private static final double MAD_TO_SIGMA = 1.4826;
    private static final double SIGMAS = 3;

    /** The growth a resource may show without counting as a leak: {@code fixed + share x start}. */
    public record Floor(double fixed, double share) {
    }

    public static SoakTrend of(String resource, String unit, double[] series, Floor floor) {
        if (series.length == 0) {
            throw new IllegalArgumentException("no samples of " + resource);
        }
        int window = Math.max(1, (int) Math.round(series.length * WINDOW_SHARE));
        double[] first = Arrays.copyOfRange(series, 0, window);
        double[] last = Arrays.copyOfRange(series, series.length - window, series.length);
        double start = median(first);
        double end = median(last);
        double spread = MAD_TO_SIGMA * Math.max(deviation(first), deviation(last));
        double allowed = SIGMAS * spread + floor.fixed() + floor.share() * Math.abs(start);
        return new SoakTrend(resource, unit, series.length, start, end, end - start, allowed);
    }

    /** Whether the resource grew by more than its noise. */
    public boolean grew() {
        return growth > allowed;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Median absolute deviation from the median. */
    private static double deviation(double[] values) {
        double centre = median(values);
        return median(Arrays.stream(values).map(v -> Math.abs(v - centre)).toArray());
    }
}
