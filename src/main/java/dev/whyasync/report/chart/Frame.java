package dev.whyasync.report.chart;

import java.util.List;

/**
 * What every chart shares: the title, the plot area, the value axis with its grid and tick labels,
 * and the axis titles. Charts draw their data inside {@link #left}..{@link #right} and
 * {@link #top}..{@link #bottom}. Times and bytes carry their unit on every tick (it changes along
 * the axis: µs, ms); other units go once into the axis title.
 */
final class Frame {

    static final String GRID = "#e3e3e3";
    static final String AXIS = "#777777";
    private static final double CHAR_WIDTH = 6.6;

    final int width;
    final int height;
    final double left;
    final double right;
    final double top;
    final double bottom;

    Frame(int width, int height, double left, double right, double top, double bottom) {
        this.width = width;
        this.height = height;
        this.left = left;
        this.right = width - right;
        this.top = top;
        this.bottom = height - bottom;
    }

    /** Room on the left for the value axis: its widest tick label plus the rotated title. */
    static double leftMargin(Scale y, String unit) {
        int widest = y.ticks().stream().mapToInt(t -> tickLabel(t, unit).length()).max().orElse(4);
        return Math.max(64, 36 + CHAR_WIDTH * widest);
    }

    static boolean unitOnTicks(String unit) {
        return List.of("ns", "ms", "B").contains(unit);
    }

    static String axisTitle(String label, String unit, boolean log) {
        String withUnit = unit.isEmpty() || unitOnTicks(unit) || label.contains(unit) ? label : label + " (" + unit + ")";
        return withUnit + (log ? ", log scale" : "");
    }

    Svg open(String title, String subtitle) {
        Svg svg = new Svg(width, height, title);
        svg.text(left, 22, title, "start", 15, "bold", 0);
        if (subtitle != null && !subtitle.isEmpty()) {
            svg.text(left, 38, subtitle, "start", 11, "normal", 0);
        }
        return svg;
    }

    /** Horizontal grid lines and labels for the value axis, the axis line, and its title. */
    void valueAxis(Svg svg, Scale y, String unit, String title) {
        for (double tick : y.ticks()) {
            double py = y.map(tick);
            svg.line(left, py, right, py, GRID, 1, null);
            svg.text(left - 6, py + 4, tickLabel(tick, unit), "end", 11);
        }
        svg.line(left, top, left, bottom, AXIS, 1, null);
        svg.line(left, bottom, right, bottom, AXIS, 1, null);
        svg.text(16, (top + bottom) / 2, title, "middle", 12, "normal", -90);
    }

    void xLabel(Svg svg, String label) {
        svg.text((left + right) / 2, height - 10, label, "middle", 12);
    }

    /** A vertical error bar with caps, clipped to the plot (JMH's lower bound can be negative). */
    void errorBar(Svg svg, Scale y, double x, double low, double high, String color) {
        if (!y.accepts(high)) {
            return;
        }
        double y1 = Math.max(top, Math.min(bottom, y.map(high)));
        double y2 = y.accepts(low) ? Math.max(top, Math.min(bottom, y.map(low))) : bottom;
        svg.line(x, y1, x, y2, color, 1.2, null);
        svg.line(x - 4, y1, x + 4, y1, color, 1.2, null);
        svg.line(x - 4, y2, x + 4, y2, color, 1.2, null);
    }

    private static String tickLabel(double tick, String unit) {
        return Quantity.format(tick, unitOnTicks(unit) ? unit : "");
    }
}
