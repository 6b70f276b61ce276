package dev.whyasync.report.claims;

import static dev.whyasync.report.SuiteLayout.ACTORS;
import static dev.whyasync.report.SuiteLayout.ASYNC;
import static dev.whyasync.report.SuiteLayout.CALLBACKS;
import static dev.whyasync.report.SuiteLayout.CODE;
import static dev.whyasync.report.SuiteLayout.CONTROL;
import static dev.whyasync.report.SuiteLayout.FOOTPRINT;
import static dev.whyasync.report.SuiteLayout.LINEAR_CODE;
import static dev.whyasync.report.SuiteLayout.MODELS;
import static dev.whyasync.report.SuiteLayout.NON_BLOCKING;
import static dev.whyasync.report.SuiteLayout.VIRTUAL;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.chart.Quantity;
import dev.whyasync.report.stats.Samples;
import dev.whyasync.report.suite.Measures;
import dev.whyasync.report.suite.SuiteData;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Claims 3, 4, 5 and 15: how particular models hold up, in speed, scale and code shape. */
final class ModelClaims {

    static final Claim CALLBACKS_FAST = new Claim(3, "Callbacks can be very performant.",
            "On the headline IO workload, at the highest concurrency callbacks share with another model: "
                    + "callbacks' throughput divided by the best other model's. Supported at 0.9 or more, mixed "
                    + "from 0.5 to 0.9, refuted below 0.5.",
            Claim.MEASURED, ModelClaims::callbacksFast);

    static final Claim VIRTUAL_SCALES = new Claim(4, "Coroutines (virtual threads) support a large number of tasks, like async.",
            "Stackful coroutines on the JVM are virtual threads. Virtual threads hold at least half as many idle "
                    + "tasks as the best async model (footprint benchmark), and on the headline IO workload, at the "
                    + "highest concurrency they share with an async model, reach at least half the best async "
                    + "throughput. Supported if both hold, refuted if neither, mixed otherwise.",
            Claim.MEASURED, ModelClaims::virtualScales);

    static final Claim ACTORS_EFFICIENT = new Claim(5, "Actors can be implemented efficiently.",
            "On the headline IO workload, at the highest concurrency actors share with another non-blocking "
                    + "model: actors' throughput is at least half the best non-blocking model's, and actors' CPU per "
                    + "task at most 2x the cheapest's. Supported if both hold, refuted if neither, mixed otherwise.",
            Claim.MEASURED, ModelClaims::actorsEfficient);

    static final Claim PROGRAMMING_MODEL = new Claim(15,
            "Threads and coroutines need no change to the programming model; callbacks are verbose and non-linear.",
            "Code footprint benchmark, source lines on each model's task path (its own file plus the shared "
                    + "classes its task uses) against the sequential control's: threads and virtual threads (the JVM's "
                    + "stackful coroutines) each at most 1.5x the control (no change), callbacks at least 2x "
                    + "(verbose). Kotlin coroutines are async, not stackful: their lines are shown, not judged. Each "
                    + "model is one part: supported if all hold, refuted if none, mixed otherwise.",
            ModelClaims::programmingModel);

    private ModelClaims() {
    }

    private static Assessment callbacksFast(SuiteData data) {
        Optional<Matchup> matchup = Matchup.of(data, CALLBACKS, MODELS);
        if (matchup.isEmpty()) {
            return Assessment.notMeasured("IoBenchmark throughput of callbacks and another model");
        }
        Matchup m = matchup.get();
        Evidence e = new Evidence();
        Optional<Samples> own = e.number("callbacks throughput" + m.at(), data.ioSamples(CALLBACKS, m.concurrency(), Measures.THROUGHPUT), "tasks/s");
        Optional<Pick> best = Pick.highest(m.rivals(), Rules.io(data, m, Measures.THROUGHPUT));
        if (own.isEmpty() || best.isEmpty()) {
            return Assessment.notMeasured("IoBenchmark throughput of callbacks and another model");
        }
        e.number(best.get().model() + " throughput" + m.at(), Optional.of(best.get().samples()), "tasks/s");
        return e.graded(e.ratio("callbacks / " + best.get().model(), own.get(), best.get().samples()), 0.9, 0.5);
    }

    private static Assessment virtualScales(SuiteData data) {
        Evidence e = new Evidence();
        Rules.ratioPart(e, "virtual holds ≥ 1/2 the best async's idle tasks", VIRTUAL, "idle tasks held", "",
                data.singleSamples(FOOTPRINT, VIRTUAL, Measures.IDLE_HELD),
                Pick.highest(ASYNC, Rules.single(data, FOOTPRINT, Measures.IDLE_HELD)), Threshold.atLeast(0.5));
        Optional<Matchup> matchup = Matchup.of(data, VIRTUAL, ASYNC);
        if (matchup.isPresent()) {
            Matchup m = matchup.get();
            Rules.ratioPart(e, "virtual throughput ≥ 1/2 the best async's", VIRTUAL, "throughput" + m.at(), "tasks/s",
                    data.ioSamples(VIRTUAL, m.concurrency(), Measures.THROUGHPUT),
                    Pick.highest(m.rivals(), Rules.io(data, m, Measures.THROUGHPUT)), Threshold.atLeast(0.5));
        } else {
            e.missing("IoBenchmark throughput of virtual and an async model");
        }
        return e.verdict();
    }

    private static Assessment actorsEfficient(SuiteData data) {
        Optional<Matchup> matchup = Matchup.of(data, ACTORS, NON_BLOCKING);
        if (matchup.isEmpty()) {
            return Assessment.notMeasured("IoBenchmark results for actors and another non-blocking model");
        }
        Matchup m = matchup.get();
        Evidence e = new Evidence();
        Rules.ratioPart(e, "actors throughput ≥ 1/2 the best non-blocking", ACTORS, "throughput" + m.at(), "tasks/s",
                data.ioSamples(ACTORS, m.concurrency(), Measures.THROUGHPUT),
                Pick.highest(m.rivals(), Rules.io(data, m, Measures.THROUGHPUT)), Threshold.atLeast(0.5));
        Rules.ratioPart(e, "actors CPU per task ≤ 2x the cheapest non-blocking", ACTORS, "CPU per task" + m.at(), "ns",
                data.ioSamples(ACTORS, m.concurrency(), Measures.CPU),
                Pick.lowest(m.rivals(), Rules.io(data, m, Measures.CPU)), Threshold.atMost(2));
        // the seed's rider, "actors leave flow control and retry unanswered": shown, not judged
        data.results(SuiteLayout.IO).stream()
                .filter(r -> SuiteLayout.modelOf(r).orElse("").equals(ACTORS) && SuiteData.numberOrZero(r, SuiteLayout.FAULTS) > 0)
                .forEach(r -> e.text(String.format(Locale.ROOT, "under %s%% faults, retry %d, C=%d: actors errors per 100 tasks = %s, "
                                + "retries per 100 tasks = %s (retry written by hand: Pekko has none for a failed request)",
                        Quantity.format(SuiteData.numberOrZero(r, SuiteLayout.FAULTS), ""), (int) SuiteData.numberOrZero(r, SuiteLayout.RETRY),
                        SuiteData.concurrency(r), Quantity.format(SuiteData.perHundredTasks(r, Measures.ERRORS).orElse(Double.NaN), ""),
                        Quantity.format(SuiteData.perHundredTasks(r, Measures.RETRIES).orElse(Double.NaN), ""))));
        return e.verdict();
    }

    private static Assessment programmingModel(SuiteData data) {
        Evidence e = new Evidence();
        Optional<Pick> control = taskPathLines(data, CONTROL).map(lines -> new Pick(CONTROL, lines));
        for (String model : AsyncClaims.sorted(LINEAR_CODE)) {
            if (data.single(CODE, model).isPresent()) {
                Rules.ratioPart(e, model + " task code ≤ 1.5x the control", model, "task path source lines", "lines",
                        taskPathLines(data, model), control, Threshold.atMost(1.5));
            }
        }
        if (data.single(CODE, CALLBACKS).isPresent()) {
            Rules.ratioPart(e, "callbacks task code ≥ 2x the control", CALLBACKS, "task path source lines", "lines",
                    taskPathLines(data, CALLBACKS), control, Threshold.atLeast(2));
        }
        e.number("coroutines (async, not judged) task path source lines", taskPathLines(data, "coroutines"), "lines");
        return e.anyPart() ? e.verdict() : Assessment.notMeasured("task source lines of the control and other models");
    }

    /** A model's own source lines plus those of the shared classes its task uses; exact counts. */
    private static Optional<Samples> taskPathLines(SuiteData data, String model) {
        OptionalDouble own = data.single(CODE, model, Measures.SOURCE_LINES);
        OptionalDouble shared = data.single(CODE, model, Measures.SHARED_SOURCE_LINES);
        return own.isPresent() ? Optional.of(Samples.exact(own.getAsDouble() + shared.orElse(0))) : Optional.empty();
    }
}
