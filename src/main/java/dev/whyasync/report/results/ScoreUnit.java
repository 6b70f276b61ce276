package dev.whyasync.report.results;

import java.util.Locale;

/**
 * Converts JMH score units ({@code ops/ms}, {@code us/op}, {@code ms}) to the fixed units the
 * report uses, so that runs made with different {@code -tu} settings read the same.
 */
public final class ScoreUnit {

    private ScoreUnit() {
    }

    /** Operations per second from a throughput score; NaN when the unit is not ops per time. */
    public static double toOpsPerSecond(double value, String unit) {
        String u = normal(unit);
        if (!u.startsWith("ops/")) {
            return Double.NaN;
        }
        double seconds = secondsIn(u.substring("ops/".length()));
        return seconds > 0 ? value / seconds : Double.NaN;
    }

    /** Nanoseconds from a time or time-per-operation score; NaN when the unit is not a time. */
    public static double toNanos(double value, String unit) {
        String u = normal(unit);
        if (u.endsWith("/op")) {
            u = u.substring(0, u.length() - "/op".length());
        }
        double seconds = secondsIn(u);
        return seconds > 0 ? value * seconds * 1e9 : Double.NaN;
    }

    public static double toMillis(double value, String unit) {
        return toNanos(value, unit) / 1e6;
    }

    /** Seconds in one time unit as JMH prints it, or -1 for anything else. */
    public static double secondsIn(String unit) {
        return switch (normal(unit)) {
            case "ns" -> 1e-9;
            case "us", "\u00b5s" -> 1e-6;
            case "ms" -> 1e-3;
            case "s", "sec" -> 1;
            case "min" -> 60;
            case "hr", "h" -> 3600;
            case "day", "d" -> 86400;
            default -> -1;
        };
    }

    private static String normal(String unit) {
        return unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
    }
}
