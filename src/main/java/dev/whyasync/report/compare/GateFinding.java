package dev.whyasync.report.compare;

/**
 * One benchmark and parameter set as the gate sees it: the absolute change, the change relative
 * to the reference model of the same run and parameter set (null when there is none), and whether
 * it counts as a regression.
 */
public record GateFinding(Change absolute, String reference, Change relative, boolean regression, String why) {

    /** Slower in absolute terms, whether or not the within-run check confirmed it. */
    public boolean absoluteRegression() {
        return absolute.outcome() == Outcome.REGRESSION;
    }
}
