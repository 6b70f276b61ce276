package dev.whyasync.report.render;

import dev.whyasync.report.claims.Assessment;
import dev.whyasync.report.claims.Claim;
import dev.whyasync.report.claims.SeedClaims;
import dev.whyasync.report.claims.Verdict;
import dev.whyasync.report.render.Document.Cell;
import dev.whyasync.report.render.Document.Paragraph;
import dev.whyasync.report.render.Document.Section;
import dev.whyasync.report.render.Document.Table;
import dev.whyasync.report.render.Document.Tone;
import dev.whyasync.report.suite.Validity.Check;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The seed claims with their verdicts, the numbers behind each, and the rule that decided it. */
final class ClaimsSection {

    private ClaimsSection() {
    }

    /** How the claims class the models: stated once, here and in the README. */
    private static final String CLASSES = "Models are classed once for every claim: OS threads (threads, pool, pool-200) "
            + "block an OS thread per waiting task; virtual threads are the JVM's stackful coroutines (\"coroutines\" in "
            + "claims 4 and 15); async means tasks that never block a thread while they wait, written as callbacks, "
            + "CompletableFutures, Kotlin coroutines (suspend functions compiled to state machines, the JVM's kin of "
            + "async/await) or Reactor; actors never block either but are a model of their own.";

    /** The profile whose few, short iterations make every verdict indicative only. */
    private static final String QUICK = "quick";

    static Section build(List<SeedClaims.Row> assessed, Optional<String> profile) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        List<List<Cell>> rows = new ArrayList<>();
        for (SeedClaims.Row row : assessed) {
            Assessment a = row.assessment();
            counts.merge(a.verdict(), 1, Integer::sum);
            String numbers = String.join("\n", a.numbers()) + (a.note().isEmpty() ? "" : (a.numbers().isEmpty() ? "" : "\n") + a.note());
            rows.add(List.of(Cell.of(String.valueOf(row.claim().number())), Cell.of(row.claim().text()),
                    new Cell(a.verdict().text(), tone(a.verdict())), Cell.of(numbers), Cell.of(rule(row.claim()))));
        }
        String summary = counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().text())
                .collect(Collectors.joining(", "));
        String from = profile.map(p -> "the " + p + " profile").orElse("a run of unknown profile (no meta file)");
        boolean indicative = profile.map(QUICK::equals).orElse(false);
        return new Section("claims", "Claims", List.of(
                Paragraph.of((indicative ? "Indicative only (quick profile). " : "") + "Each seed claim of the \"Why async?\" argument, judged from this run's numbers by the rule "
                        + "shown beside it; every verdict here comes from " + from + "."
                        + (indicative ? " The quick profile runs one fork of few short iterations: its verdicts are "
                                + "indicative, not a finding." : "")
                        + " A part of a claim is yes or no only when the whole 95% interval of its ratio (Welch's t "
                        + "on the log scale, from the iterations of every fork) clears the rule's threshold; "
                        + "otherwise it is undecided, and so is the claim, which names the part. A claim is supported "
                        + "or refuted only when every part is decided. A claim whose inputs were not measured says "
                        + "so. Verdicts: " + summary + "."),
                Paragraph.of(CLASSES),
                Paragraph.of("Results that failed a check are marked in the tables above. " + CheckMarks.USE
                        + " A claim that left a result out names it under its numbers."),
                new Table(List.of("#", "claim", "verdict", "numbers used", "rule"), rows, "claims")));
    }

    /** The rule, and which checked results it may use. */
    private static String rule(Claim claim) {
        if (claim.needs().isEmpty()) {
            return claim.rule();
        }
        return claim.rule() + " Uses only IO results that passed these checks: " + claim.needs().stream()
                .sorted().map(Check::subject).collect(Collectors.joining(", ")) + ".";
    }

    private static Tone tone(Verdict verdict) {
        return switch (verdict) {
            case SUPPORTED -> Tone.GOOD;
            case REFUTED -> Tone.BAD;
            case MIXED -> Tone.MIXED;
            case UNDECIDED -> Tone.MUTED;
            case NOT_MEASURED -> Tone.MUTED;
        };
    }
}
