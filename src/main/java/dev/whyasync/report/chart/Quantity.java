package dev.whyasync.report.chart;

import java.util.Locale;

/**
 * Formats a number with its unit the way a reader scans it: three significant digits and a prefix
 * ({@code 12.3 µs}, {@code 4 KiB}, {@code 1.5M tasks/s}). Bytes use binary prefixes, times move
 * between ns, µs, ms and s, everything else uses k, M, G.
 */
public final class Quantity {
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB"};
    private static final String[] SI = {"", "k", "M", "G", "T"};

    private Quantity() {
    }

    public static String format(double value, String unit) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        String u = unit == null ? "" : unit;
        return switch (u) {
            case "ns" -> time(value);
            case "ms" -> time(value * 1e6);
            case "B" -> bytes(value);
            default -> si(value) + (u.isEmpty() ? "" : " " + u);
        };
    }

    /** Like {@link #format} but a ratio: {@code 3.2×}. */
    public static String ratio(double value) {
        return Double.isFinite(value) ? digits(value) + "\u00d7" : "n/a";
    }

    private static String time(double nanos) {
        double abs = Math.abs(nanos);
        if (abs >= 1e9) {
            return digits(nanos / 1e9) + " s";
        }
        if (abs >= 1e6) {
            return digits(nanos / 1e6) + " ms";
        }
        if (abs >= 1e3) {
            return digits(nanos / 1e3) + " \u00b5s";
        }
        return digits(nanos) + " ns";
    }

    private static String bytes(double value) {
        return scaled(value, 1024, BINARY, " ");
    }

    private static String si(double value) {
        return scaled(value, 1000, SI, "");
    }

    /** The value divided by {@code base} until it is below it (or the prefixes run out), with its prefix. */
    private static String scaled(double value, double base, String[] prefixes, String separator) {
        double v = value;
        int i = 0;
        while (Math.abs(v) >= base && i < prefixes.length - 1) {
            v /= base;
            i++;
        }
        return digits(v) + separator + prefixes[i];
    }

    /** Three significant digits, trailing zeros dropped. */
    static String digits(double value) {
        double abs = Math.abs(value);
        String pattern = abs >= 100 || abs == 0 ? "%.0f" : abs >= 10 ? "%.1f" : abs >= 1 ? "%.2f" : "%.3g";
        String text = String.format(Locale.ROOT, pattern, value);
        if (text.contains(".") && !text.contains("e")) {
            text = text.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return text;
    }
}
