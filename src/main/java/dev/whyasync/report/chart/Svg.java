package dev.whyasync.report.chart;

import java.util.Locale;

/**
 * A small writer for the SVG the charts need: lines, rectangles, text, markers. Output is
 * well-formed XML without a namespace declaration (inline SVG in HTML gets its namespace from the
 * HTML parser), so the page holds no URL at all.
 */
public final class Svg {

    static final String FONT = "font-family=\"system-ui, sans-serif\"";
    /** The font size of a box's label, and the width of one of its characters, roughly, in pixels. */
    private static final int BOX_FONT = 9;
    private static final double CHAR_WIDTH = 5.2;

    private final StringBuilder out = new StringBuilder();

    Svg(int width, int height, String title) {
        out.append("<svg class=\"chart\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">")
                .append("<title>").append(escape(title)).append("</title>")
                .append("<rect x=\"0\" y=\"0\" width=\"").append(width).append("\" height=\"").append(height)
                .append("\" fill=\"#ffffff\"/>");
    }

    Svg line(double x1, double y1, double x2, double y2, String stroke, double width, String dash) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"").append(n(width)).append('"');
        if (dash != null) {
            out.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        out.append("/>");
        return this;
    }

    Svg rect(double x, double y, double w, double h, String fill) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"").append(fill).append("\"/>");
        return this;
    }

    Svg polyline(StringBuilder points, String stroke, String dash) {
        out.append("<polyline points=\"").append(points).append("\" fill=\"none\" stroke=\"").append(stroke)
                .append("\" stroke-width=\"2\"");
        if (dash != null) {
            out.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        out.append("/>");
        return this;
    }

    /** Text; {@code anchor} is start, middle or end; {@code rotate} turns it about its anchor. */
    Svg text(double x, double y, String text, String anchor, int size, String weight, double rotate) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" text-anchor=\"").append(anchor)
                .append("\" font-size=\"").append(size).append("\" ").append(FONT)
                .append(" font-weight=\"").append(weight).append("\" fill=\"#222222\"");
        if (rotate != 0) {
            out.append(" transform=\"rotate(").append(n(rotate)).append(' ').append(n(x)).append(' ').append(n(y)).append(")\"");
        }
        out.append('>').append(escape(text)).append("</text>");
        return this;
    }

    Svg text(double x, double y, String text, String anchor, int size) {
        return text(x, y, text, anchor, size, "normal", 0);
    }

    /**
     * A box with a label clipped to its width and a tooltip ({@code <title>}) that names it in full:
     * a frame of a flame graph. The label is left out when fewer than three characters would fit;
     * its font and colour come from the page's style, since a graph holds hundreds of them.
     */
    Svg box(double x, double y, double w, double h, String fill, String label, String tooltip) {
        out.append("<g><title>").append(escape(tooltip)).append("</title>");
        rect(x, y, w, h, fill);
        int fits = (int) ((w - 4) / CHAR_WIDTH);
        if (fits >= 3) {
            String shown = label.length() <= fits ? label : label.substring(0, fits - 2) + "..";
            out.append("<text x=\"").append(n(x + 2)).append("\" y=\"").append(n(y + h - 3)).append("\" font-size=\"")
                    .append(BOX_FONT).append("\">").append(escape(shown)).append("</text>");
        }
        out.append("</g>");
        return this;
    }

    /** A point marker; the shape tells series apart where colours alone would not. */
    Svg marker(double x, double y, int shape, String color) {
        double r = 4.5;
        switch (shape % 4) {
            case 0 -> out.append("<circle cx=\"").append(n(x)).append("\" cy=\"").append(n(y)).append("\" r=\"")
                    .append(n(r)).append("\" fill=\"").append(color).append("\"/>");
            case 1 -> rect(x - r, y - r, 2 * r, 2 * r, color);
            case 2 -> polygon(color, x, y - r - 1, x + r + 1, y + r, x - r - 1, y + r);
            default -> polygon(color, x, y - r - 1, x + r + 1, y, x, y + r + 1, x - r - 1, y);
        }
        return this;
    }

    private void polygon(String fill, double... xy) {
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            points.append(i == 0 ? "" : " ").append(n(xy[i])).append(',').append(n(xy[i + 1]));
        }
        out.append("<polygon points=\"").append(points).append("\" fill=\"").append(fill).append("\"/>");
    }

    String close() {
        return out.append("</svg>").toString();
    }

    static String n(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** Text made safe for XML content and attribute values; the HTML report uses it too. */
    public static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '"' -> s.append("&quot;");
                default -> s.append(c < 0x20 && c != '\t' && c != '\n' ? ' ' : c);
            }
        }
        return s.toString();
    }
}
