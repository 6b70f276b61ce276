package dev.whyasync.report.claims;

import dev.whyasync.report.stats.Samples;
import dev.whyasync.report.suite.Measure;
import dev.whyasync.report.suite.SuiteData;
import java.util.Optional;
import java.util.function.Function;

/** Building blocks the claim rules share: compare one model with the best or cheapest of others. */
final class Rules {

    private Rules() {
    }

    /**
     * Decides the part {@code name} by whether the interval of {@code own / reference} clears
     * {@code threshold}, recording both numbers and their ratio; the part is missing when either
     * number is.
     */
    static void ratioPart(Evidence e, String name, String model, String what, String unit,
                          Optional<Samples> own, Optional<Pick> reference, Threshold threshold) {
        Optional<Decision> decision = ratio(e, model, what, unit, own, reference, threshold);
        if (decision.isPresent()) {
            e.part(name, decision.get());
        } else {
            e.missing(name);
        }
    }

    /** {@link #ratioPart}'s decision without recording a part, for a part made of several ratios; empty when a number is missing. */
    static Optional<Decision> ratio(Evidence e, String model, String what, String unit,
                                    Optional<Samples> own, Optional<Pick> reference, Threshold threshold) {
        e.number(model + " " + what, own, unit);
        if (own.isEmpty() || reference.isEmpty() || reference.get().value() == 0) {
            return Optional.empty();
        }
        Pick ref = reference.get();
        e.number(ref.model() + " " + what, Optional.of(ref.samples()), unit);
        return Optional.of(threshold.decide(e.ratio(model + " / " + ref.model(), own.get(), ref.samples())));
    }

    static Function<String, Optional<Samples>> single(SuiteData data, String benchmark, Measure measure) {
        return model -> data.singleSamples(benchmark, model, measure);
    }

    static Function<String, Optional<Samples>> load(SuiteData data, Matchup matchup, Measure measure) {
        return model -> data.loadSamples(model, matchup.level(), measure);
    }

    static Function<String, Optional<Samples>> io(SuiteData data, Matchup matchup, Measure measure) {
        return model -> data.ioSamples(model, matchup.concurrency(), measure);
    }
}
