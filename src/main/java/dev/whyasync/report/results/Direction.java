package dev.whyasync.report.results;

import java.util.Locale;

/**
 * Which way a score improves. JMH's mode says it for the primary metric (throughput up, times
 * down); for other metrics the unit does: {@code ops/s} counts work done, {@code x/op} is a cost.
 */
public enum Direction {
    HIGHER("higher is better"),
    LOWER("lower is better"),
    UNKNOWN("no better direction");

    private final String text;

    Direction(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    public static Direction ofPrimary(String mode, String unit) {
        return switch (mode == null ? "" : mode) {
            case "thrpt" -> HIGHER;
            case "avgt", "sample", "ss" -> LOWER;
            default -> ofUnit(unit);
        };
    }

    public static Direction ofUnit(String unit) {
        String u = unit == null ? "" : unit.strip().toLowerCase(Locale.ROOT);
        if (u.startsWith("ops/")) {
            return HIGHER;
        }
        if (u.endsWith("/op")) {
            return LOWER;
        }
        return ScoreUnit.secondsIn(u) > 0 ? LOWER : UNKNOWN;
    }

    /** Whether {@code ratio} (new / old) moves in the bad direction. */
    public boolean isWorse(double ratio) {
        return switch (this) {
            case HIGHER -> ratio < 1;
            case LOWER -> ratio > 1;
            case UNKNOWN -> false;
        };
    }
}
