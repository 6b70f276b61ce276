package dev.whyasync.report.compare;

import dev.whyasync.report.chart.Quantity;
import dev.whyasync.report.stats.RatioEstimate;
import java.util.Locale;

/** How ratios, intervals and scores read in the compare and gate tables. */
final class ChangeFormat {

    private ChangeFormat() {
    }

    static String ratio(RatioEstimate r) {
        return Double.isFinite(r.ratio()) ? String.format(Locale.ROOT, "%.3f (%+.1f%%)", r.ratio(), r.changePercent()) : "n/a";
    }

    static String interval(RatioEstimate r) {
        return r.hasInterval() ? String.format(Locale.ROOT, "[%.3f, %.3f]", r.low(), r.high()) : "n/a";
    }

    static String score(double value, String unit) {
        return Quantity.format(value, "") + " " + unit;
    }

    static String params(Change c) {
        String label = c.key().paramsLabel();
        return label.isEmpty() ? "-" : label;
    }

    static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
