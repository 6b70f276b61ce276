package dev.whyasync.report.claims;

import static dev.whyasync.report.SuiteLayout.ASYNC;
import static dev.whyasync.report.SuiteLayout.CALLBACKS;
import static dev.whyasync.report.SuiteLayout.CODE;
import static dev.whyasync.report.SuiteLayout.CONTROL;
import static dev.whyasync.report.SuiteLayout.FOOTPRINT;
import static dev.whyasync.report.SuiteLayout.OS_THREADS;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.chart.Quantity;
import dev.whyasync.report.stats.Samples;
import dev.whyasync.report.suite.Measure;
import dev.whyasync.report.suite.Measures;
import dev.whyasync.report.suite.SuiteData;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Claims 8, 9, 10 and 14: what async (callbacks, futures, coroutines, reactive) costs and saves. */
final class AsyncClaims {

    static final Claim LOWER_OVERHEAD = new Claim(8, "Async has significantly lower CPU and memory overhead for many IO-bound tasks.",
            "Cost at a fixed load (the load benchmark, as in claim 1), for each async model (callbacks, futures, "
                    + "coroutines, reactive) at the highest offered rate at which it and a thread-backed model (threads, "
                    + "pool, pool-200) both kept up: its CPU per task is at most 2/3 of the cheapest thread-backed "
                    + "model's, and its memory per task in flight at most 2/3 of the leanest's; where threads kept up "
                    + "but are not that model, also against threads. Each model, measure and yardstick is one part: "
                    + "supported if all hold, refuted if none, mixed otherwise.",
            Claim.LOAD_COST, AsyncClaims::lowerOverhead);

    static final Claim MORE_TASKS = new Claim(9, "Async allows orders of magnitude more tasks than OS threads.",
            "Footprint benchmark: idle tasks held by the best async model divided by those held by threads. "
                    + "Supported at 100x or more, mixed from 10x to 100x, refuted below 10x. When threads held as many "
                    + "as any model, the run never reached threads' limit and the claim is not measured.",
            AsyncClaims::moreTasks);

    static final Claim LARGER = new Claim(10, "Async programs are larger (state machines, bundled runtime).",
            "Code footprint benchmark, against the sequential control (threads if the control is absent): for "
                    + "each async model, its task's own bytecode (the state machines) is at least 1.2x the control's, "
                    + "and the classes the JVM actually loaded to run it (its runtime; the control loads Netty's "
                    + "codec too) are at least 1.2x the control's, each part shown on its own; metaspace is shown, "
                    + "not judged. Each model and measure is one part: supported if all hold, refuted if none, mixed "
                    + "otherwise.",
            AsyncClaims::larger);

    static final Claim ZERO_COST = new Claim(14, "Async is zero-cost: no heap allocation per task or await.",
            "Zero-cost means no overhead over the hand-written equivalent on the same transport, which is "
                    + "callbacks. On the headline IO workload, at the highest concurrency each of futures, coroutines "
                    + "and reactive shares with callbacks: its allocation per task exceeds callbacks' by at most 10% or "
                    + "64 bytes. Each model is one part: supported if all hold, refuted if none, mixed otherwise. "
                    + "Allocation per await is not measured apart from the task, nor is the cost of dispatch (the "
                    + "hops between threads), which allocation does not show. No model allocates zero bytes per "
                    + "task on the JVM.",
            Claim.MEASURED, AsyncClaims::zeroCost);

    /** Models that run each task on an OS thread of their own while it waits: the yardstick of claim 8. */
    private static final List<String> THREAD_BACKED = List.of("threads", "pool", "pool-200");

    private static final double NEGLIGIBLE_BYTES = 64;

    private AsyncClaims() {
    }

    private static Assessment lowerOverhead(SuiteData data) {
        Evidence e = new Evidence();
        for (String model : sorted(ASYNC)) {
            Optional<Matchup> matchup = Matchup.atLoad(data, model, THREAD_BACKED);
            if (matchup.isEmpty()) {
                continue;
            }
            Matchup m = matchup.get();
            for (Measure measure : List.of(Measures.CPU, Measures.MEM_PER_TASK)) {
                String what = (measure == Measures.CPU ? "CPU per task" : "memory per task in flight");
                Optional<Pick> cheapest = Pick.lowest(m.rivals(), Rules.load(data, m, measure));
                List<Optional<Pick>> yardsticks = cheapest.isPresent() && !cheapest.get().model().equals(OS_THREADS)
                        && m.rivals().contains(OS_THREADS)
                        ? List.of(cheapest, Pick.lowest(List.of(OS_THREADS), Rules.load(data, m, measure)))
                        : List.of(cheapest);
                for (Optional<Pick> yardstick : yardsticks) {
                    String against = yardstick.map(Pick::model).orElse("thread-backed");
                    String possessive = against.endsWith("s") ? against + "'" : against + "'s";
                    Rules.ratioPart(e, model + " " + what + " ≤ 2/3 of " + possessive, model, what + m.at(),
                            measure.unit(), data.loadSamples(model, m.level(), measure), yardstick, Threshold.atMost(2.0 / 3));
                }
            }
        }
        return e.anyPart() ? e.verdict() : Assessment.notMeasured("LoadBenchmark results at one offered rate for an async "
                + "and a thread-backed model that both kept up");
    }

    private static Assessment moreTasks(SuiteData data) {
        Evidence e = new Evidence();
        Optional<Samples> threads = e.number("threads idle tasks held", data.singleSamples(FOOTPRINT, OS_THREADS, Measures.IDLE_HELD), "");
        Optional<Pick> best = Pick.highest(ASYNC, Rules.single(data, FOOTPRINT, Measures.IDLE_HELD));
        if (threads.isEmpty() || best.isEmpty() || threads.get().centre() <= 0) {
            return Assessment.notMeasured("idle tasks held by threads and an async model");
        }
        if (threads.get().centre() >= best.get().value()) {
            return Assessment.notMeasured("a count of idle tasks beyond threads' limit (threads held all "
                    + Math.round(threads.get().centre()) + "; the full profile asks for up to 1,000,000)");
        }
        e.number(best.get().model() + " idle tasks held", Optional.of(best.get().samples()), "");
        return e.graded(e.ratio(best.get().model() + " / threads", best.get().samples(), threads.get()), 100, 10);
    }

    private static Assessment larger(SuiteData data) {
        String control = data.single(CODE, CONTROL).isPresent() ? CONTROL : OS_THREADS;
        Evidence e = new Evidence();
        for (String model : sorted(ASYNC)) {
            if (data.single(CODE, model).isEmpty()) {
                continue;
            }
            Rules.ratioPart(e, model + " task bytecode ≥ 1.2x " + control, model, "task bytecode", "B",
                    data.singleSamples(CODE, model, Measures.TASK_BYTECODE),
                    Pick.lowest(List.of(control), Rules.single(data, CODE, Measures.TASK_BYTECODE)), Threshold.atLeast(1.2));
            Rules.ratioPart(e, model + " classes loaded ≥ 1.2x " + control, model, "classes loaded", "",
                    data.singleSamples(CODE, model, Measures.CLASSES),
                    Pick.lowest(List.of(control), Rules.single(data, CODE, Measures.CLASSES)), Threshold.atLeast(1.2));
            e.number(model + " metaspace", data.single(CODE, model, Measures.METASPACE), "B");
        }
        return e.anyPart() ? e.verdict() : Assessment.notMeasured("code footprint of the control and an async model");
    }

    private static Assessment zeroCost(SuiteData data) {
        Evidence e = new Evidence();
        for (String model : sorted(ASYNC)) {
            Optional<Matchup> matchup = Matchup.of(data, model, List.of(CALLBACKS));
            if (model.equals(CALLBACKS) || matchup.isEmpty()) {
                continue;
            }
            Matchup m = matchup.get();
            Optional<Samples> own = data.ioSamples(model, m.concurrency(), Measures.ALLOC);
            Optional<Pick> leanest = Pick.lowest(m.rivals(), Rules.io(data, m, Measures.ALLOC));
            String name = model + " allocates no more than callbacks";
            if (own.isPresent() && leanest.isPresent()) {
                e.text(model + " extra allocation per task = " + Quantity.format(own.get().centre() - leanest.get().value(), "B"));
            }
            double base = leanest.map(Pick::value).orElse(1.0);
            Rules.ratioPart(e, name, model, "allocation per task" + m.at(), "B", own, leanest,
                    Threshold.atMost(Math.max(1.1, (base + NEGLIGIBLE_BYTES) / base)));
        }
        return e.anyPart() ? e.verdict() : Assessment.notMeasured("allocation per task of a blocking and an async model");
    }

    static List<String> sorted(Collection<String> models) {
        return models.stream().sorted(SuiteLayout.MODEL_ORDER).toList();
    }
}
