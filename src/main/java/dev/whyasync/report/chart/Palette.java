package dev.whyasync.report.chart;

import java.util.List;

/**
 * Colours for series. A model keeps its colour in every chart of a report: callers pass the model's
 * index in the suite's fixed model order. The first ten are Tableau 10 (the rest for series beyond the suite's models), chosen to stay apart for
 * the common colour-vision deficiencies when paired with the charts' marker shapes.
 */
public final class Palette {

    private static final List<String> COLORS = List.of(
            "#7f7f7f", "#d62728", "#ff7f0e", "#1f77b4", "#17becf",
            "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#bcbd22",
            "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd");

    /** Shades of one hue for ordered series such as percentiles. */
    private static final List<String> SEQUENCE = List.of("#9ecae1", "#6baed6", "#3182bd", "#08519c", "#08306b");

    private Palette() {
    }

    public static String color(int index) {
        return COLORS.get(Math.floorMod(index, COLORS.size()));
    }

    public static String shade(int index) {
        return SEQUENCE.get(Math.min(index, SEQUENCE.size() - 1));
    }
}
