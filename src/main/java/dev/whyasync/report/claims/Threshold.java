package dev.whyasync.report.claims;

import dev.whyasync.report.chart.Quantity;
import dev.whyasync.report.stats.RatioEstimate;

/**
 * A rule's line for a ratio: the part holds when the ratio is at least ({@code ≥}), at most
 * ({@code ≤}) or below ({@code <}) the bound. {@link #decide} asks the whole 95% interval to clear
 * the line, so that a ratio whose iterations fall on both sides of it decides nothing.
 */
record Threshold(String symbol, double bound) {

    static Threshold atLeast(double bound) {
        return new Threshold("≥", bound);
    }

    static Threshold atMost(double bound) {
        return new Threshold("≤", bound);
    }

    static Threshold below(double bound) {
        return new Threshold("<", bound);
    }

    /** Whether a single value holds. */
    boolean holds(double value) {
        return switch (symbol) {
            case "≥" -> value >= bound;
            case "≤" -> value <= bound;
            default -> value < bound;
        };
    }

    /** Yes when the interval's both ends hold, no when neither does, undecided otherwise or without an interval. */
    Decision decide(RatioEstimate ratio) {
        if (!ratio.hasInterval()) {
            return Decision.UNDECIDED;
        }
        boolean low = holds(ratio.low());
        boolean high = holds(ratio.high());
        return low == high ? Decision.of(low) : Decision.UNDECIDED;
    }

    @Override
    public String toString() {
        return symbol + " " + Quantity.ratio(bound);
    }
}
