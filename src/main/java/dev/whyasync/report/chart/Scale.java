package dev.whyasync.report.chart;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps data values to pixels along one axis, linearly or by log, and proposes tick values: whole
 * decades on a log axis (with 2 and 5 between them when the range is narrow), 1-2-5 steps on a
 * linear one. Byte axes are binary: powers of two, so that ticks read 64 MiB rather than 95.4 MiB.
 */
record Scale(double min, double max, double from, double to, boolean log, boolean binary) {

    private static final int MAX_BINARY_TICKS = 7;

    /** A scale that covers {@code lo..hi}, widened to tick boundaries; linear scales start at zero. */
    static Scale covering(double lo, double hi, double from, double to, boolean log, boolean binary) {
        if (log) {
            double base = binary ? 2 : 10;
            double bottom = Math.pow(base, Math.floor(Math.log(lo) / Math.log(base)));
            double top = Math.pow(base, Math.ceil(Math.log(hi) / Math.log(base)));
            return new Scale(bottom, top > bottom ? top : bottom * base, from, to, true, binary);
        }
        double bottom = Math.min(0, lo);
        double step = step((hi - bottom) / 5, binary);
        double top = Math.ceil(hi / step) * step;
        return new Scale(bottom, top > bottom ? top : bottom + step, from, to, false, binary);
    }

    /** A log scale padded around the given values without widening to decades (for x data ticks). */
    static Scale padded(double lo, double hi, double from, double to) {
        double pad = lo == hi ? 2 : 1.4;
        return new Scale(lo / pad, hi * pad, from, to, true, false);
    }

    /** The same domain drawn over another pixel range. */
    Scale over(double newFrom, double newTo) {
        return new Scale(min, max, newFrom, newTo, log, binary);
    }

    double map(double value) {
        double fraction = log
                ? (Math.log(value) - Math.log(min)) / (Math.log(max) - Math.log(min))
                : (value - min) / (max - min);
        return from + fraction * (to - from);
    }

    /** Whether a value can be drawn: log scales cannot show zero or negatives. */
    boolean accepts(double value) {
        return Double.isFinite(value) && (!log || value > 0);
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        if (log && binary) {
            double doublings = Math.round(Math.log(max / min) / Math.log(2));
            double factor = Math.pow(2, Math.ceil(doublings / MAX_BINARY_TICKS));
            for (double v = min; v <= max * 1.0001; v *= factor) {
                ticks.add(v);
            }
        } else if (log) {
            int decades = (int) Math.round(Math.log10(max / min));
            for (double d = min; d <= max * 1.0001; d *= 10) {
                ticks.add(d);
                if (decades <= 2 && d * 10 <= max * 1.0001) {
                    ticks.add(2 * d);
                    ticks.add(5 * d);
                }
            }
        } else {
            double step = step((max - min) / 5, binary);
            for (double v = min; v <= max + step / 1000; v += step) {
                ticks.add(Math.abs(v) < step / 1e6 ? 0 : v);
            }
        }
        return ticks;
    }

    private static double step(double rough, boolean binary) {
        if (!(rough > 0)) {
            return 1;
        }
        if (binary) {
            return Math.pow(2, Math.ceil(Math.log(rough) / Math.log(2)));
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
        double f = rough / magnitude;
        return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * magnitude;
    }
}
