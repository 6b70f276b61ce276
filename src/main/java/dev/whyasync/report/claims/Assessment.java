package dev.whyasync.report.claims;

import java.util.List;

/** A claim's verdict with the numbers it was computed from and a note on missing inputs. */
public record Assessment(Verdict verdict, List<String> numbers, String note) {

    public Assessment {
        numbers = List.copyOf(numbers);
        note = note == null ? "" : note;
    }

    /** The same verdict and numbers with one more remark in the note. */
    public Assessment withNote(String remark) {
        return new Assessment(verdict, numbers, note.isEmpty() ? remark : note + "; " + remark);
    }

    public static Assessment notMeasured(String what) {
        return new Assessment(Verdict.NOT_MEASURED, List.of(), "needs " + what);
    }
}
