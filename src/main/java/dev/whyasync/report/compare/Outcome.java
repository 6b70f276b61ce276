package dev.whyasync.report.compare;

import dev.whyasync.report.results.Direction;
import dev.whyasync.report.stats.RatioEstimate;

/** What a ratio between two runs amounts to, given which way is better and a size threshold. */
public enum Outcome {
    REGRESSION("regression"),
    IMPROVEMENT("improvement"),
    CHANGED("changed"),
    BELOW_THRESHOLD("below threshold"),
    NOT_SIGNIFICANT("not significant"),
    NO_INTERVAL("no interval");

    private final String text;

    Outcome(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /**
     * Significant (the 95% interval leaves out 1) and larger than the threshold in percent: a
     * regression or improvement by the direction, "changed" when no direction is known.
     */
    public static Outcome of(RatioEstimate ratio, Direction direction, double thresholdPercent) {
        if (!ratio.hasInterval()) {
            return NO_INTERVAL;
        }
        if (!ratio.significant()) {
            return NOT_SIGNIFICANT;
        }
        if (Math.abs(ratio.changePercent()) <= thresholdPercent) {
            return BELOW_THRESHOLD;
        }
        if (direction == Direction.UNKNOWN) {
            return CHANGED;
        }
        return direction.isWorse(ratio.ratio()) ? REGRESSION : IMPROVEMENT;
    }
}
