package dev.whyasync.report.claims;

import dev.whyasync.report.suite.Measure;
import dev.whyasync.report.suite.SuiteData;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoublePredicate;
import java.util.function.Function;

/** Building blocks the claim rules share: compare one model with the best or cheapest of others. */
final class Rules {

    private Rules() {
    }

    /**
     * Decides the part {@code name} by {@code holds(own / reference)}, recording both numbers and
     * their ratio; the part stays undecided when either number is missing.
     */
    static void ratioPart(Evidence e, String name, String model, String what, String unit,
                          OptionalDouble own, Optional<Pick> reference, DoublePredicate holds) {
        e.number(model + " " + what, own, unit);
        if (own.isEmpty() || reference.isEmpty() || reference.get().value() == 0) {
            e.undecided(name);
            return;
        }
        Pick ref = reference.get();
        e.number(ref.model() + " " + what, OptionalDouble.of(ref.value()), unit);
        e.ratio(model + " / " + ref.model(), own.getAsDouble() / ref.value());
        e.part(name, holds.test(own.getAsDouble() / ref.value()));
    }

    static Function<String, OptionalDouble> single(SuiteData data, String benchmark, Measure measure) {
        return model -> data.single(benchmark, model, measure);
    }

    static Function<String, OptionalDouble> io(SuiteData data, Matchup matchup, Measure measure) {
        return model -> data.io(model, matchup.concurrency(), measure);
    }
}
