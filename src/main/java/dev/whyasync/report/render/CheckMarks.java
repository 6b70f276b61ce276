package dev.whyasync.report.render;

import dev.whyasync.report.claims.SeedClaims;
import dev.whyasync.report.render.Document.Block;
import dev.whyasync.report.render.Document.Cell;
import dev.whyasync.report.render.Document.Paragraph;
import dev.whyasync.report.render.Document.Tone;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.suite.SuiteData;
import dev.whyasync.report.suite.Validity;
import dev.whyasync.report.suite.Validity.Check;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The marks a table puts beside results that failed a check ({@code [c]}, {@code [t]},
 * {@code [cpu]}) and the legend under the table that says which check each failed and by how much.
 * One per table: it collects the marked results while the table is built. A result no claim may use
 * (C not held, not steady) is also greyed in the HTML.
 */
final class CheckMarks {

    private final SuiteData data;
    private final Check[] shownByTable;
    private final List<BenchmarkResult> marked = new ArrayList<>();

    /** {@code shownByTable}: checks the table states in a column of its own, so they get no mark. */
    CheckMarks(SuiteData data, Check... shownByTable) {
        this.data = data;
        this.shownByTable = shownByTable;
    }

    Cell mark(Cell cell, Optional<BenchmarkResult> result) {
        return result.map(r -> mark(cell, r)).orElse(cell);
    }

    Cell mark(Cell cell, BenchmarkResult result) {
        Validity validity = data.validity(result);
        String marks = validity.marks(shownByTable);
        if (marks.isEmpty()) {
            return cell;
        }
        if (marked.stream().noneMatch(r -> r == result)) {
            marked.add(result);
        }
        boolean unusable = !validity.passes(EnumSet.of(Check.C_HELD, Check.STEADY));
        return new Cell(cell.text() + " " + marks, unusable ? Tone.MUTED : cell.tone());
    }

    /** What the marks mean and, for each marked result, what failed; nothing when no result was marked. */
    List<Block> legend() {
        if (marked.isEmpty()) {
            return List.of();
        }
        Set<Check> shown = EnumSet.noneOf(Check.class);
        marked.forEach(r -> data.validity(r).failures().forEach(f -> shown.add(f.check())));
        Arrays.asList(shownByTable).forEach(shown::remove);
        String meaning = shown.stream().map(c -> c.mark() + " " + c.failure()).collect(Collectors.joining(", "));
        String details = marked.stream().map(r -> data.describe(r) + ": " + data.validity(r).failures().stream()
                        .filter(f -> shown.contains(f.check())).map(Validity.Failure::text).collect(Collectors.joining("; ")))
                .collect(Collectors.joining(". "));
        return List.of(Paragraph.of("Marked results failed a check: " + meaning + ". " + details + "."));
    }

    /** Which claims leave out which marked results, from what each claim declares it needs. */
    static final String USE = "The claims use no result with C not held or not steady, and no CPU-saturated one in the claims "
            + "about the cost of IO-bound tasks (" + SeedClaims.ALL.stream().filter(c -> c.needs().contains(Check.CPU_HEADROOM))
            .map(c -> String.valueOf(c.number())).collect(Collectors.joining(", "))
            + "): a CPU-saturated figure ranks CPU efficiency, not concurrency.";

    /** "Not checked: C held (no inflight.check metric) in 10 of 10 results; ..."; empty when every check was made. */
    static Optional<Paragraph> unchecked(SuiteData data, List<BenchmarkResult> results) {
        List<String> parts = new ArrayList<>();
        for (Check check : Check.values()) {
            long count = results.stream().filter(r -> data.validity(r).unchecked().contains(check)).count();
            if (count > 0) {
                parts.add(check.subject() + " in " + count + " of " + results.size() + " results (" + check.whyUnchecked() + ")");
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(Paragraph.muted("Not checked: " + String.join("; ", parts)
                + ". Such results are shown and used as they are."));
    }
}
