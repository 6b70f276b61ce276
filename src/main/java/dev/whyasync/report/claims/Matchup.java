package dev.whyasync.report.claims;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.suite.SuiteData;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The highest level at which a model and at least one of its rivals were both measured, with the
 * rivals present there: a headline concurrency of the closed loop ({@link #of}) or an offered
 * rate of the open loop ({@link #atLoad}). Comparing at one shared level keeps a model that was not
 * run at the top level from dragging every comparison down to a lower one.
 */
record Matchup(int level, String model, List<String> rivals, String at) {

    static Optional<Matchup> of(SuiteData data, String model, Collection<String> rivals) {
        return highest(data::levels, model, rivals, level -> " at C=" + level);
    }

    static Optional<Matchup> atLoad(SuiteData data, String model, Collection<String> rivals) {
        return highest(data::rates, model, rivals, rate -> " at " + rate + " tasks/s offered");
    }

    private static Optional<Matchup> highest(Function<String, TreeSet<Integer>> levels, String model,
                                             Collection<String> rivals, Function<Integer, String> at) {
        for (Integer level : levels.apply(model).descendingSet()) {
            List<String> present = rivals.stream().filter(r -> !r.equals(model) && levels.apply(r).contains(level))
                    .sorted(SuiteLayout.MODEL_ORDER).toList();
            if (!present.isEmpty()) {
                return Optional.of(new Matchup(level, model, present, at.apply(level)));
            }
        }
        return Optional.empty();
    }

    /** The concurrency of a closed-loop matchup. */
    int concurrency() {
        return level;
    }
}
