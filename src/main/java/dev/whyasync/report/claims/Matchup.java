package dev.whyasync.report.claims;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.suite.SuiteData;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The highest headline concurrency at which a model and at least one of its rivals were both
 * measured, with the rivals present there. Comparing at one shared level keeps a model that was
 * not run at the top level from dragging every comparison down to a lower one.
 */
record Matchup(int concurrency, String model, List<String> rivals) {

    static Optional<Matchup> of(SuiteData data, String model, Collection<String> rivals) {
        TreeSet<Integer> own = data.levels(model);
        for (Integer level : own.descendingSet()) {
            List<String> present = rivals.stream().filter(r -> !r.equals(model) && data.levels(r).contains(level))
                    .sorted(SuiteLayout.MODEL_ORDER).toList();
            if (!present.isEmpty()) {
                return Optional.of(new Matchup(level, model, present));
            }
        }
        return Optional.empty();
    }

    String at() {
        return " at C=" + concurrency;
    }
}
