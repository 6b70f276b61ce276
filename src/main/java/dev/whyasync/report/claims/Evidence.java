package dev.whyasync.report.claims;

import dev.whyasync.report.chart.Quantity;
import dev.whyasync.report.stats.RatioEstimate;
import dev.whyasync.report.stats.Samples;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Collects, while one rule runs, the numbers it used and the parts of the claim it decided. The
 * verdict follows from the parts (DESIGN §8a): supported when every part is yes, refuted when every
 * part is no, mixed when every part is decided and they differ; undecided as soon as one part's
 * interval straddles its threshold or one part was not measured, so that a half-measured claim
 * never reads "supported"; not measured when no part could even be formed. The note names the
 * undecided and the missing parts.
 */
final class Evidence {

    private final List<String> numbers = new ArrayList<>();
    private final List<String> undecided = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private int holding;
    private int failing;

    /** Records a number used ("threads CPU/task at C=8192 = 12 µs") and passes it on. */
    OptionalDouble number(String label, OptionalDouble value, String unit) {
        value.ifPresent(v -> numbers.add(label + " = " + Quantity.format(v, unit)));
        return value;
    }

    Optional<Samples> number(String label, Optional<Samples> value, String unit) {
        value.ifPresent(v -> numbers.add(label + " = " + Quantity.format(v.centre(), unit)));
        return value;
    }

    /** Records a ratio with its 95% interval, "threads / callbacks = 4× [3.2×, 5×]", and returns it. */
    RatioEstimate ratio(String label, Samples numerator, Samples denominator) {
        RatioEstimate ratio = RatioEstimate.of(numerator, denominator);
        numbers.add(label + " = " + Quantity.ratio(ratio.ratio()) + " " + interval(ratio));
        return ratio;
    }

    void text(String line) {
        numbers.add(line);
    }

    void part(String name, Decision decision) {
        numbers.add(name + ": " + decision.text());
        switch (decision) {
            case YES -> holding++;
            case NO -> failing++;
            case UNDECIDED -> undecided.add(name);
        }
    }

    /** A part the rule could not form: one of its numbers is missing from the run. */
    void missing(String name) {
        missing.add(name);
    }

    /** Whether any part was formed, decided or not. */
    boolean anyPart() {
        return holding + failing + undecided.size() > 0;
    }

    Assessment verdict() {
        Verdict verdict = !anyPart() ? Verdict.NOT_MEASURED
                : !undecided.isEmpty() || !missing.isEmpty() ? Verdict.UNDECIDED
                : failing == 0 ? Verdict.SUPPORTED
                : holding == 0 ? Verdict.REFUTED
                : Verdict.MIXED;
        return new Assessment(verdict, numbers, note());
    }

    /**
     * A one-number claim: supported when the whole interval is at or above {@code supportAt},
     * refuted when it is below {@code refuteBelow}, mixed when it lies between, undecided when it
     * crosses either line.
     */
    Assessment graded(RatioEstimate ratio, double supportAt, double refuteBelow) {
        Decision support = Threshold.atLeast(supportAt).decide(ratio);
        Decision refute = Threshold.below(refuteBelow).decide(ratio);
        Verdict verdict = support == Decision.YES ? Verdict.SUPPORTED
                : refute == Decision.YES ? Verdict.REFUTED
                : support == Decision.NO && refute == Decision.NO ? Verdict.MIXED
                : Verdict.UNDECIDED;
        if (verdict == Verdict.UNDECIDED) {
            undecided.add("the interval " + interval(ratio) + " crosses " + Quantity.ratio(supportAt) + " or "
                    + Quantity.ratio(refuteBelow));
        }
        return new Assessment(verdict, numbers, note());
    }

    private String note() {
        List<String> parts = new ArrayList<>();
        if (!undecided.isEmpty()) {
            parts.add("undecided: " + String.join("; ", undecided));
        }
        if (!missing.isEmpty()) {
            parts.add("not measured: " + String.join("; ", missing));
        }
        return String.join("; ", parts);
    }

    private static String interval(RatioEstimate ratio) {
        return ratio.hasInterval()
                ? "[" + Quantity.ratio(ratio.low()) + ", " + Quantity.ratio(ratio.high()) + "]"
                : "[no interval: fewer than 2 samples]";
    }
}
