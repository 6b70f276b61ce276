package dev.whyasync.report.chart;

import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * A line chart with one line per series, optional error bars, log or linear axes and a legend on
 * the right. On a log x axis with few distinct x values (concurrency 1, 64, 1024, 8192) the ticks
 * are the measured values themselves, which reads better than decades.
 */
public record LineChart(String title, String subtitle, String xLabel, String xUnit, boolean logX,
                        String yLabel, String yUnit, boolean logY, List<Series> series) {

    private static final int PLOT_WIDTH = 600;
    private static final int HEIGHT = 420;
    private static final int MAX_DATA_TICKS = 10;
    private static final String DASH = "7 4";

    /** One line: a name for the legend, its colour, dashed for a second line of the same colour. */
    public record Series(String name, String color, boolean dashed, List<Point> points) {
        public Series(String name, String color, List<Point> points) {
            this(name, color, false, points);
        }
    }

    /** A measured point; {@code low} and {@code high} bound the error bar, NaN for none. */
    public record Point(double x, double y, double low, double high) {
        public static Point of(double x, double y) {
            return new Point(x, y, Double.NaN, Double.NaN);
        }
    }

    public String toSvg() {
        List<Point> drawable = series.stream().flatMap(s -> s.points().stream())
                .filter(p -> accepts(logX, p.x()) && accepts(logY, p.y())).toList();
        Scale y = drawable.isEmpty() ? null : yScale(drawable);
        double left = y == null ? 80 : Frame.leftMargin(y, yUnit);
        int legend = 60 + 7 * series.stream().mapToInt(s -> s.name().length()).max().orElse(0);
        Frame frame = new Frame((int) (left + PLOT_WIDTH + legend), HEIGHT, left, legend, 52, 56);
        Svg svg = frame.open(title, subtitle);
        if (y == null) {
            svg.text((frame.left + frame.right) / 2, (frame.top + frame.bottom) / 2, "no data", "middle", 13);
            return svg.close();
        }
        y = y.over(frame.bottom, frame.top);
        Scale x = xScale(frame, drawable);
        frame.valueAxis(svg, y, yUnit, Frame.axisTitle(yLabel, yUnit, logY));
        xTicks(svg, frame, x, drawable);
        frame.xLabel(svg, Frame.axisTitle(xLabel, xUnit, logX));
        for (int i = 0; i < series.size(); i++) {
            drawSeries(svg, frame, x, y, series.get(i), i);
        }
        legend(svg, frame);
        return svg.close();
    }

    private Scale xScale(Frame frame, List<Point> points) {
        double lo = points.stream().mapToDouble(Point::x).min().orElseThrow();
        double hi = points.stream().mapToDouble(Point::x).max().orElseThrow();
        double inset = 18;
        if (logX && distinctX(points).size() <= MAX_DATA_TICKS) {
            return Scale.padded(lo, hi, frame.left + inset, frame.right - inset);
        }
        return Scale.covering(lo, hi, frame.left + inset, frame.right - inset, logX, "B".equals(xUnit));
    }

    private Scale yScale(List<Point> points) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Point p : points) {
            lo = Math.min(lo, accepts(logY, p.low()) ? Math.min(p.y(), p.low()) : p.y());
            hi = Math.max(hi, accepts(logY, p.high()) ? Math.max(p.y(), p.high()) : p.y());
        }
        return Scale.covering(lo, hi, 0, 1, logY, "B".equals(yUnit));
    }

    private void xTicks(Svg svg, Frame frame, Scale x, List<Point> points) {
        TreeSet<Double> values = distinctX(points);
        List<Double> ticks = logX && values.size() <= MAX_DATA_TICKS ? List.copyOf(values) : x.ticks();
        for (double tick : ticks) {
            double px = x.map(tick);
            if (px >= frame.left - 1 && px <= frame.right + 1) {
                svg.line(px, frame.bottom, px, frame.bottom + 5, Frame.AXIS, 1, null);
                svg.text(px, frame.bottom + 18, xTickLabel(tick), "middle", 11);
            }
        }
    }

    private void drawSeries(Svg svg, Frame frame, Scale x, Scale y, Series s, int index) {
        List<Point> points = s.points().stream().filter(p -> accepts(logX, p.x()) && accepts(logY, p.y()))
                .sorted(Comparator.comparingDouble(Point::x)).toList();
        StringBuilder line = new StringBuilder();
        for (Point p : points) {
            line.append(line.isEmpty() ? "" : " ").append(Svg.n(x.map(p.x()))).append(',').append(Svg.n(y.map(p.y())));
        }
        if (points.size() > 1) {
            svg.polyline(line, s.color(), s.dashed() ? DASH : null);
        }
        for (Point p : points) {
            frame.errorBar(svg, y, x.map(p.x()), p.low(), p.high(), s.color());
            svg.marker(x.map(p.x()), y.map(p.y()), index, s.color());
        }
    }

    private void legend(Svg svg, Frame frame) {
        double lx = frame.right + 22;
        double ly = frame.top + 8;
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            double row = ly + i * 22;
            svg.line(lx, row, lx + 26, row, s.color(), 2, s.dashed() ? DASH : null);
            svg.marker(lx + 13, row, i, s.color());
            svg.text(lx + 34, row + 4, s.name(), "start", 12);
        }
    }

    /** Counts such as concurrency levels read best exact: 1024, not 1.02k. */
    private String xTickLabel(double tick) {
        boolean count = xUnit.isEmpty() && tick == Math.rint(tick) && Math.abs(tick) < 1e6;
        return count ? String.valueOf((long) tick) : Quantity.format(tick, xUnit);
    }

    private static TreeSet<Double> distinctX(List<Point> points) {
        TreeSet<Double> values = new TreeSet<>();
        points.forEach(p -> values.add(p.x()));
        return values;
    }

    private static boolean accepts(boolean log, double value) {
        return Double.isFinite(value) && (!log || value > 0);
    }
}
