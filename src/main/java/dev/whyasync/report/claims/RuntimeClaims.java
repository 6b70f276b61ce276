package dev.whyasync.report.claims;

import static dev.whyasync.report.SuiteLayout.IO;

import dev.whyasync.report.SuiteLayout;
import dev.whyasync.report.chart.Quantity;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.stats.RatioEstimate;
import dev.whyasync.report.stats.Samples;
import dev.whyasync.report.suite.Measure;
import dev.whyasync.report.suite.Measures;
import dev.whyasync.report.suite.SuiteData;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Claim 12: one thread against several under the same runtime (event loops, carriers). */
final class RuntimeClaims {

    static final Claim ONE_VERSUS_MANY = new Claim(12,
            "Both single- and multi-threaded runtimes have different strengths.",
            "On the headline IO workload, for each model whose thread count the parameter sets (not threads, sequential, "
                    + "pool-200) measured with threads=1 and with threads=N>1 at its "
                    + "highest concurrency: each configuration wins at least one of throughput, CPU per task and p99 "
                    + "latency by 5% or more, the whole interval of the ratio beyond 5%. Each model is one part: supported if all hold, refuted if none, mixed "
                    + "otherwise.",
            Claim.MEASURED, RuntimeClaims::oneVersusMany);

    private static final double MARGIN = 1.05;

    private RuntimeClaims() {
    }

    private static Assessment oneVersusMany(SuiteData data) {
        Evidence e = new Evidence();
        for (String model : data.models(IO)) {
            if (data.levels(model).isEmpty() || SuiteLayout.FIXED_THREADS.contains(model)) {
                continue;
            }
            int level = data.levels(model).last();
            Map<String, BenchmarkResult> byThreads = data.ioByThreads(model, level);
            BenchmarkResult one = byThreads.get("1");
            BenchmarkResult many = byThreads.entrySet().stream()
                    .filter(en -> SuiteData.number(en.getKey()) > 1)
                    .max(Comparator.comparingDouble(en -> SuiteData.number(en.getKey())))
                    .map(Map.Entry::getValue).orElse(null);
            if (one == null || many == null) {
                continue;
            }
            String n = many.param("threads").orElse("N");
            Decision oneWins = Decision.NO;
            Decision manyWins = Decision.NO;
            for (Measure measure : List.of(Measures.THROUGHPUT, Measures.CPU, Measures.P99)) {
                Optional<Samples> a = SuiteData.samples(one, measure);
                Optional<Samples> b = SuiteData.samples(many, measure);
                if (a.isEmpty() || b.isEmpty()) {
                    continue;
                }
                e.text(model + " " + measure.name() + " at C=" + level + ": threads=1 " + Quantity.format(a.get().centre(), measure.unit())
                        + ", threads=" + n + " " + Quantity.format(b.get().centre(), measure.unit()));
                RatioEstimate oneOverMany = e.ratio(model + " " + measure.name() + " threads=1 / threads=" + n, a.get(), b.get());
                boolean higherBetter = measure == Measures.THROUGHPUT;
                Threshold better = higherBetter ? Threshold.atLeast(MARGIN) : Threshold.atMost(1 / MARGIN);
                Threshold worse = higherBetter ? Threshold.atMost(1 / MARGIN) : Threshold.atLeast(MARGIN);
                oneWins = oneWins.or(better.decide(oneOverMany));
                manyWins = manyWins.or(worse.decide(oneOverMany));
            }
            e.part(model + ": each configuration wins something", oneWins.and(manyWins));
        }
        return e.anyPart() ? e.verdict() : Assessment.notMeasured("IoBenchmark results with threads=1 and threads>1");
    }
}
