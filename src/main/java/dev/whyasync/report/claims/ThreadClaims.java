package dev.whyasync.report.claims;

import static dev.whyasync.report.SuiteLayout.FOOTPRINT;
import static dev.whyasync.report.SuiteLayout.NON_BLOCKING;
import static dev.whyasync.report.SuiteLayout.OS_THREADS;
import static dev.whyasync.report.SuiteLayout.POOL;
import static dev.whyasync.report.SuiteLayout.SPAWN;
import static dev.whyasync.report.SuiteLayout.SWITCH;
import static dev.whyasync.report.SuiteLayout.VIRTUAL;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.suite.Measures;
import dev.whyasync.report.suite.SuiteData;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Claims 1, 2, 6 and 7: what OS threads cost, busy, pooled, spawned and idle. */
final class ThreadClaims {

    static final Claim OVERHEAD = new Claim(1, "OS threads: large CPU and memory overhead for IO-bound tasks.",
            "Cost at a fixed load (the load benchmark: tasks started at an offered rate, every page held 500 ms by "
                    + "the server, so that many tasks wait at once), at the highest rate at which threads and a "
                    + "non-blocking model (callbacks, futures, actors, coroutines, reactive) both kept up: threads' CPU "
                    + "per task is at least 2x the cheapest non-blocking model's; threads' memory per task in flight "
                    + "(RSS and live heap above idle, over the measured tasks in flight) is at least 2x the leanest's. "
                    + "Supported if both hold, refuted if neither, mixed otherwise.",
            Claim.LOAD_COST, ThreadClaims::overhead);

    static final Claim POOLS = new Claim(2, "Thread pools mitigate some costs, not enough for massive IO-bound workloads.",
            "On the headline IO workload (best pool size): the pool mitigates if, at the highest concurrency it "
                    + "shares with threads, its CPU per task is at least 10% lower or its throughput at least 10% "
                    + "higher than threads'; it is not enough if, at the highest concurrency it shares with a "
                    + "non-blocking model, its throughput is below 2/3 of the best non-blocking model's. Supported "
                    + "if both hold, refuted if neither, mixed otherwise.",
            Claim.IO_BOUND_COST, ThreadClaims::pools);

    static final Claim SPAWN_SWITCH = new Claim(6, "Spawning and switching threads is expensive.",
            "Spawn+join cost and switch (ping-pong) cost of OS threads are each at least 5x those of virtual "
                    + "threads running the same code: the one like-for-like rival, a thread that is not an OS thread. "
                    + "Supported if both hold, refuted if neither, mixed otherwise.",
            ThreadClaims::spawnSwitch);

    static final Claim IDLE = new Claim(7, "Even idle threads consume system resources.",
            "Footprint benchmark: threads' memory per idle task is at least 5x the cheapest other model's, and "
                    + "threads hold at most 1/5 as many idle tasks as the best model. A pool is not a rival: its idle "
                    + "tasks are queued Runnables that never started, not waiting tasks. Supported if both hold, "
                    + "refuted if neither, mixed otherwise.",
            ThreadClaims::idle);

    static final Claim FEW_TASKS = new Claim(17, "OS threads are suitable for a small number of tasks.",
            "On the headline IO workload at C=1 and at C=64 (C=1 runs in the full profile): threads' throughput "
                    + "is at least 0.9x the best model's there, and threads' p99 latency at most 1.1x the lowest. "
                    + "Each concurrency and measure is one part: supported if all hold, refuted if none, mixed "
                    + "otherwise.",
            Claim.MEASURED, ThreadClaims::fewTasks);

    /** The small numbers of tasks claim 17 is about. */
    private static final List<Integer> FEW = List.of(1, 64);

    private ThreadClaims() {
    }

    private static Assessment overhead(SuiteData data) {
        Optional<Matchup> matchup = Matchup.atLoad(data, OS_THREADS, NON_BLOCKING);
        if (matchup.isEmpty()) {
            return Assessment.notMeasured("LoadBenchmark results at one offered rate for threads and a non-blocking model "
                    + "that both kept up");
        }
        Matchup m = matchup.get();
        Evidence e = new Evidence();
        Rules.ratioPart(e, "threads CPU per task ≥ 2x cheapest", OS_THREADS, "CPU per task" + m.at(), "ns",
                data.loadSamples(OS_THREADS, m.level(), Measures.CPU),
                Pick.lowest(m.rivals(), Rules.load(data, m, Measures.CPU)), Threshold.atLeast(2));
        Rules.ratioPart(e, "threads memory per task in flight ≥ 2x leanest", OS_THREADS, "memory per task in flight" + m.at(), "B",
                data.loadSamples(OS_THREADS, m.level(), Measures.MEM_PER_TASK),
                Pick.lowest(m.rivals(), Rules.load(data, m, Measures.MEM_PER_TASK)), Threshold.atLeast(2));
        return e.verdict();
    }

    private static Assessment pools(SuiteData data) {
        Evidence e = new Evidence();
        String pool = bestPool(data);
        Optional<Matchup> vsThreads = Matchup.of(data, pool, List.of(OS_THREADS));
        if (vsThreads.isPresent()) {
            Matchup m = vsThreads.get();
            Optional<Decision> cheaper = Rules.ratio(e, pool, "CPU per task" + m.at(), "ns",
                    data.ioSamples(pool, m.concurrency(), Measures.CPU),
                    Pick.lowest(List.of(OS_THREADS), Rules.io(data, m, Measures.CPU)), Threshold.atMost(0.9));
            Optional<Decision> faster = Rules.ratio(e, pool, "throughput" + m.at(), "tasks/s",
                    data.ioSamples(pool, m.concurrency(), Measures.THROUGHPUT),
                    Pick.highest(List.of(OS_THREADS), Rules.io(data, m, Measures.THROUGHPUT)), Threshold.atLeast(1.1));
            if (cheaper.isPresent() && faster.isPresent()) {
                e.part("pool mitigates threads' costs", cheaper.get().or(faster.get()));
            } else {
                e.missing("CPU per task and throughput of the pool and threads");
            }
        } else {
            e.missing("pool and threads at a shared concurrency");
        }
        Optional<Matchup> vsAsync = Matchup.of(data, pool, NON_BLOCKING);
        if (vsAsync.isPresent()) {
            Matchup m = vsAsync.get();
            Rules.ratioPart(e, "pool throughput < 2/3 of best non-blocking (not enough)", pool, "throughput" + m.at(), "tasks/s",
                    data.ioSamples(pool, m.concurrency(), Measures.THROUGHPUT),
                    Pick.highest(m.rivals(), Rules.io(data, m, Measures.THROUGHPUT)), Threshold.below(2.0 / 3));
        } else {
            e.missing("pool and a non-blocking model at a shared concurrency");
        }
        return e.verdict();
    }

    /** Of the pool's sizes ({@code pool}, {@code pool-200}), the one with the best throughput at its top concurrency. */
    private static String bestPool(SuiteData data) {
        return data.models(SuiteLayout.IO).stream().filter(m -> SuiteLayout.baseModel(m).equals(POOL))
                .filter(m -> !data.levels(m).isEmpty())
                .max(Comparator.comparingDouble(m -> data.io(m, data.levels(m).last(), Measures.THROUGHPUT).orElse(0)))
                .orElse(POOL);
    }

    private static Assessment spawnSwitch(SuiteData data) {
        Evidence e = new Evidence();
        Rules.ratioPart(e, "threads spawn+join ≥ 5x virtual's", OS_THREADS, "spawn+join", "ns",
                data.singleSamples(SPAWN, OS_THREADS, Measures.SPAWN),
                Pick.lowest(List.of(VIRTUAL), Rules.single(data, SPAWN, Measures.SPAWN)), Threshold.atLeast(5));
        Rules.ratioPart(e, "threads switch ≥ 5x virtual's", OS_THREADS, "switch", "ns",
                data.singleSamples(SWITCH, OS_THREADS, Measures.SWITCH),
                Pick.lowest(List.of(VIRTUAL), Rules.single(data, SWITCH, Measures.SWITCH)), Threshold.atLeast(5));
        return e.verdict();
    }

    private static Assessment fewTasks(SuiteData data) {
        Evidence e = new Evidence();
        for (int c : FEW) {
            List<String> rivals = data.models(SuiteLayout.IO).stream()
                    .filter(m -> !m.equals(OS_THREADS) && data.levels(m).contains(c)).toList();
            if (!data.levels(OS_THREADS).contains(c) || rivals.isEmpty()) {
                e.missing("threads and another model at C=" + c);
                continue;
            }
            Matchup m = new Matchup(c, OS_THREADS, rivals, " at C=" + c);
            Rules.ratioPart(e, "threads throughput at C=" + c + " ≥ 0.9x the best", OS_THREADS, "throughput" + m.at(), "tasks/s",
                    data.ioSamples(OS_THREADS, c, Measures.THROUGHPUT),
                    Pick.highest(rivals, Rules.io(data, m, Measures.THROUGHPUT)), Threshold.atLeast(0.9));
            Rules.ratioPart(e, "threads p99 at C=" + c + " ≤ 1.1x the lowest", OS_THREADS, "p99" + m.at(), "ms",
                    data.ioSamples(OS_THREADS, c, Measures.P99),
                    Pick.lowest(rivals, Rules.io(data, m, Measures.P99)), Threshold.atMost(1.1));
        }
        return e.anyPart() ? e.verdict() : Assessment.notMeasured("IoBenchmark results of threads and another model at C=1 or 64");
    }

    private static Assessment idle(SuiteData data) {
        Evidence e = new Evidence();
        List<String> rivals = data.models(FOOTPRINT).stream()
                .filter(m -> !m.equals(OS_THREADS) && !SuiteLayout.baseModel(m).equals(POOL)).toList();
        Rules.ratioPart(e, "threads memory per idle task ≥ 5x cheapest", OS_THREADS, "memory per idle task", "B",
                data.singleSamples(FOOTPRINT, OS_THREADS, Measures.IDLE_BYTES),
                Pick.lowest(rivals, Rules.single(data, FOOTPRINT, Measures.IDLE_BYTES)), Threshold.atLeast(5));
        Rules.ratioPart(e, "threads hold ≤ 1/5 of the best's idle tasks", OS_THREADS, "idle tasks held", "",
                data.singleSamples(FOOTPRINT, OS_THREADS, Measures.IDLE_HELD),
                Pick.highest(rivals, Rules.single(data, FOOTPRINT, Measures.IDLE_HELD)), Threshold.atMost(0.2));
        return e.verdict();
    }
}
