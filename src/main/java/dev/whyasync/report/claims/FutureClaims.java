package dev.whyasync.report.claims;

import static dev.whyasync.report.SuiteLayout.CANCEL;
import static dev.whyasync.report.SuiteLayout.INERT;
import static dev.whyasync.report.SuiteLayout.NON_BLOCKING;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.suite.Measures;
import dev.whyasync.report.suite.SuiteData;
import java.util.OptionalDouble;

/** Claims 11 and 13: how futures start and stop. */
final class FutureClaims {

    static final Claim CANCEL_STOPS = new Claim(11, "Dropping (cancelling) a future stops its progress.",
            "Cancellation benchmark, each non-blocking model (callbacks, futures, actors, coroutines, reactive, and "
                    + "their variants): "
                    + "after cancel, the fixture sees no further reads (cancel.reads.after = 0) and the task's socket "
                    + "closes within 100 ms (either alone when only one is measured). Each model is one part: supported if all hold, refuted if none, mixed "
                    + "otherwise.",
            FutureClaims::cancelStops);

    static final Claim INERT_FUTURES = new Claim(13, "Futures are inert: they make progress only when polled (awaited).",
            "Inertness benchmark, each non-blocking library on its default way to start a task (callbacks, "
                    + "CompletableFuture, an actor's ask, async { }, a Mono): the fixture saw no request before the task "
                    + "was awaited (requests.before.await = 0). Opt-in inert variants (such as a lazily started "
                    + "coroutine) are shown beside, not judged: a library whose default is eager is eager. Each "
                    + "library is one part: supported if all hold, refuted if none, mixed otherwise.",
            FutureClaims::inert);

    private static final double CLOSE_WITHIN_MS = 100;

    private FutureClaims() {
    }

    private static Assessment cancelStops(SuiteData data) {
        Evidence e = new Evidence();
        for (String model : data.models(CANCEL)) {
            if (!NON_BLOCKING.contains(SuiteLayout.baseModel(model))) {
                continue;
            }
            OptionalDouble reads = e.number(model + " reads after cancel", data.single(CANCEL, model, Measures.CANCEL_READS), "");
            OptionalDouble close = e.number(model + " close after cancel", data.single(CANCEL, model, Measures.CANCEL_CLOSE), "ms");
            if (reads.isEmpty() && close.isEmpty()) {
                e.missing(model + " cancellation metrics");
                continue;
            }
            boolean quiet = reads.isEmpty() || reads.getAsDouble() == 0;
            boolean closed = close.isEmpty() || close.getAsDouble() <= CLOSE_WITHIN_MS;
            e.part(model + " stops when cancelled", Decision.of(quiet && closed));
        }
        return e.anyPart() ? e.verdict() : Assessment.notMeasured("CancelBenchmark results for a non-blocking model");
    }

    private static Assessment inert(SuiteData data) {
        Evidence e = new Evidence();
        for (String model : data.models(INERT)) {
            if (!NON_BLOCKING.contains(SuiteLayout.baseModel(model))) {
                continue;
            }
            boolean variant = !SuiteLayout.baseModel(model).equals(model);
            OptionalDouble early = e.number(model + (variant ? " (opt-in variant, not judged)" : "") + " requests before await",
                    data.single(INERT, model, Measures.REQUESTS_BEFORE_AWAIT), "");
            if (variant) {
                continue;
            }
            if (early.isPresent()) {
                e.part(model + " is inert", Decision.of(early.getAsDouble() == 0));
            } else {
                e.missing(model + " requests before await");
            }
        }
        return e.anyPart() ? e.verdict() : Assessment.notMeasured("InertBenchmark results for a non-blocking model");
    }
}
