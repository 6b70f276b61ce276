package dev.whyasync.report.compare;

import dev.whyasync.report.results.BenchmarkKey;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The compare command's Markdown: one row per benchmark, parameter set and metric, then a summary. */
public final class ComparisonTable {

    private static final int LISTED_MISSING = 5;

    private ComparisonTable() {
    }

    public static String markdown(RunComparison c) {
        StringBuilder out = new StringBuilder();
        out.append("Compare A = ").append(c.before().file()).append(" with B = ").append(c.after().file())
                .append(": ratio B/A with a 95% interval (Welch t on log scores over iteration samples); ")
                .append("changes both significant and beyond ").append(Math.round(c.thresholdPercent()))
                .append("% are marked.\n\n");
        out.append("| benchmark | mode | params | metric | A | B | B/A | 95% CI | better | verdict |\n");
        out.append("| --- | --- | --- | --- | ---: | ---: | ---: | --- | --- | --- |\n");
        for (Change ch : c.changes()) {
            String verdict = ch.outcome() == Outcome.REGRESSION || ch.outcome() == Outcome.IMPROVEMENT
                    ? "**" + ch.outcome().text() + "**" : ch.outcome().text();
            out.append("| ").append(ChangeFormat.cell(ch.key().shortName()))
                    .append(" | ").append(ch.key().mode())
                    .append(" | ").append(ChangeFormat.cell(ChangeFormat.params(ch)))
                    .append(" | ").append(ChangeFormat.cell(ch.metric()))
                    .append(" | ").append(ChangeFormat.score(ch.before().centre(), ch.unit()))
                    .append(" | ").append(ChangeFormat.score(ch.after().centre(), ch.unit()))
                    .append(" | ").append(ChangeFormat.ratio(ch.ratio()))
                    .append(" | ").append(ChangeFormat.interval(ch.ratio()))
                    .append(" | ").append(ch.direction().text())
                    .append(" | ").append(verdict).append(" |\n");
        }
        Map<Outcome, Long> counts = c.changes().stream()
                .collect(Collectors.groupingBy(Change::outcome, () -> new EnumMap<>(Outcome.class), Collectors.counting()));
        out.append('\n').append(counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().text())
                .collect(Collectors.joining(", "))).append(".\n");
        missing(out, "Only in A", c.onlyBefore());
        missing(out, "Only in B", c.onlyAfter());
        return out.toString();
    }

    private static void missing(StringBuilder out, String label, List<BenchmarkKey> keys) {
        if (!keys.isEmpty()) {
            out.append(label).append(" (").append(keys.size()).append("): ")
                    .append(keys.stream().limit(LISTED_MISSING).map(BenchmarkKey::label).collect(Collectors.joining("; ")))
                    .append(keys.size() > LISTED_MISSING ? "; ..." : "").append('\n');
        }
    }
}
