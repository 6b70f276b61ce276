package dev.whyasync.report.chart;

import java.util.List;

/**
 * A bar chart: one group of bars per category, one bar per series in each group, error bars where
 * known and the value printed above each bar. With a single series every bar keeps its own colour
 * (one per model) and no legend is drawn; with several, a legend names the series.
 */
public record BarChart(String title, String subtitle, String yLabel, String yUnit, boolean logY,
                       List<String> categories, List<BarSeries> series) {

    private static final int PLOT_WIDTH = 680;
    private static final int HEIGHT = 380;
    private static final double MIN_LABELLED_BAR = 26;

    /** One series: a name for the legend and one bar per category, in category order. */
    public record BarSeries(String name, List<Bar> bars) {
    }

    /** A bar's value (NaN when not measured), its error bounds (NaN for none) and colour. */
    public record Bar(double value, double low, double high, String color) {
        public static Bar of(double value, String color) {
            return new Bar(value, Double.NaN, Double.NaN, color);
        }
    }

    public String toSvg() {
        boolean legend = series.size() > 1;
        int legendWidth = legend ? 50 + 7 * series.stream().mapToInt(b -> b.name().length()).max().orElse(0) : 24;
        Scale y = yScale();
        double left = y == null ? 80 : Frame.leftMargin(y, yUnit);
        Frame frame = new Frame((int) (left + PLOT_WIDTH + legendWidth), HEIGHT, left, legendWidth, 52, 62);
        Svg svg = frame.open(title, subtitle);
        if (y == null) {
            svg.text((frame.left + frame.right) / 2, (frame.top + frame.bottom) / 2, "no data", "middle", 13);
            return svg.close();
        }
        y = y.over(frame.bottom, frame.top);
        frame.valueAxis(svg, y, yUnit, Frame.axisTitle(yLabel, yUnit, logY));
        double group = (frame.right - frame.left) / categories.size();
        double barWidth = Math.min(64, group * 0.78 / series.size());
        for (int c = 0; c < categories.size(); c++) {
            double start = frame.left + c * group + (group - barWidth * series.size()) / 2;
            for (int s = 0; s < series.size(); s++) {
                drawBar(svg, frame, y, series.get(s).bars().get(c), start + s * barWidth, barWidth);
            }
            categoryLabel(svg, frame, frame.left + c * group + group / 2, categories.get(c));
        }
        if (legend) {
            legend(svg, frame);
        }
        return svg.close();
    }

    private Scale yScale() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (BarSeries s : series) {
            for (Bar b : s.bars()) {
                if (accepts(b.value())) {
                    lo = Math.min(lo, b.value());
                    hi = Math.max(hi, accepts(b.high()) ? Math.max(b.value(), b.high()) : b.value());
                }
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            return null;
        }
        return Scale.covering(lo, hi == lo && !logY && lo == 0 ? 1 : hi, 0, 1, logY, "B".equals(yUnit));
    }

    /** A bar, its error bar, and its value above both; a zero on a log axis is written, not drawn. */
    private void drawBar(Svg svg, Frame frame, Scale y, Bar bar, double x, double width) {
        double centre = x + width / 2;
        if (!accepts(bar.value())) {
            String text = bar.value() == 0 ? Quantity.format(0, Frame.unitOnTicks(yUnit) ? yUnit : "") : "n/a";
            svg.text(centre, frame.bottom - 6, text, "middle", 10);
            return;
        }
        double base = logY ? frame.bottom : y.map(0);
        double top = y.map(bar.value());
        svg.rect(x + 1, Math.min(top, base), width - 2, Math.max(1, Math.abs(base - top)), bar.color());
        frame.errorBar(svg, y, centre, bar.low(), bar.high(), "#333333");
        if (width >= MIN_LABELLED_BAR) {
            double above = y.accepts(bar.high()) ? Math.max(frame.top, Math.min(top, y.map(bar.high()))) : top;
            svg.text(centre, Math.min(above, base) - 5, Quantity.format(bar.value(), Frame.unitOnTicks(yUnit) ? yUnit : ""), "middle", 10);
        }
    }

    private void categoryLabel(Svg svg, Frame frame, double x, String label) {
        if (categories.size() > 9) {
            svg.text(x, frame.bottom + 14, label, "end", 11, "normal", -30);
        } else {
            svg.text(x, frame.bottom + 18, label, "middle", 12);
        }
    }

    private void legend(Svg svg, Frame frame) {
        double lx = frame.right + 20;
        for (int i = 0; i < series.size(); i++) {
            double row = frame.top + 8 + i * 22;
            String color = series.get(i).bars().isEmpty() ? "#888888" : series.get(i).bars().get(0).color();
            svg.rect(lx, row - 7, 14, 14, color);
            svg.text(lx + 22, row + 4, series.get(i).name(), "start", 12);
        }
    }

    private boolean accepts(double value) {
        return Double.isFinite(value) && (!logY || value > 0);
    }
}
