package dev.whyasync.report.claims;

import dev.whyasync.report.chart.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Collects, while one rule runs, the numbers it used and the parts of the claim it could decide.
 * The verdict follows from the decided parts: all hold, supported; none holds, refuted; some,
 * mixed; none decided, not measured. Parts that could not be decided are named in the note.
 */
final class Evidence {

    private final List<String> numbers = new ArrayList<>();
    private final List<String> undecided = new ArrayList<>();
    private int holding;
    private int failing;

    /** Records a number used ("threads CPU/task at C=8192 = 12 µs") and passes it on. */
    OptionalDouble number(String label, OptionalDouble value, String unit) {
        value.ifPresent(v -> numbers.add(label + " = " + Quantity.format(v, unit)));
        return value;
    }

    void ratio(String label, double ratio) {
        numbers.add(label + " = " + Quantity.ratio(ratio));
    }

    void text(String line) {
        numbers.add(line);
    }

    void part(String name, boolean holds) {
        numbers.add(name + (holds ? ": yes" : ": no"));
        if (holds) {
            holding++;
        } else {
            failing++;
        }
    }

    void undecided(String name) {
        undecided.add(name);
    }

    boolean anyDecided() {
        return holding + failing > 0;
    }

    Assessment verdict() {
        Verdict verdict = holding + failing == 0 ? Verdict.NOT_MEASURED
                : failing == 0 ? Verdict.SUPPORTED
                : holding == 0 ? Verdict.REFUTED
                : Verdict.MIXED;
        String note = undecided.isEmpty() ? "" : "not measured: " + String.join("; ", undecided);
        return new Assessment(verdict, numbers, note);
    }

    /** A one-number claim: supported at or above {@code supportAt}, refuted below {@code refuteBelow}. */
    Assessment graded(double value, double supportAt, double refuteBelow) {
        Verdict verdict = value >= supportAt ? Verdict.SUPPORTED : value < refuteBelow ? Verdict.REFUTED : Verdict.MIXED;
        return new Assessment(verdict, numbers, "");
    }
}
