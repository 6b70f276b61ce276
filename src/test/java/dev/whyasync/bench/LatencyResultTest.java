package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.results.ThroughputResult;

/**
 * {@link LatencyResult} and {@link FailedLatencyResult} put through JMH's own aggregation
 * ({@link BenchmarkResult#getSecondaryResults()}), the path that produces the JSON's scores, with
 * iterations whose distributions differ, so a mean of per-iteration percentiles cannot pass.
 */
@SuppressWarnings("rawtypes") // JMH hands out secondary results as the raw Result
class LatencyResultTest {
    private static final long MS = 1_000_000;
    /** HdrHistogram with 3 significant digits reports a value within 0.1% of the recorded one. */
    private static final double PRECISION = 1e-3;

    @Test
    void mergedIterationsGivePercentilesOfAllSamplesNotMeansOfPercentiles() throws Exception {
        long[] uniform = LongStream.rangeClosed(1, 1000).map(ms -> ms * MS).toArray();
        long[] cluster = LongStream.range(0, 500).map(i -> 5000 * MS + i * 10_000).toArray();
        BenchmarkResult run = run(iteration(uniform, new long[0]), iteration(cluster, new long[0]));

        Map<String, Result> merged = run.getSecondaryResults();
        long[] union = LongStream.concat(Arrays.stream(uniform), Arrays.stream(cluster)).sorted().toArray();
        for (String label : List.of(LatencyResult.P50, LatencyResult.P90, LatencyResult.P99)) {
            double rank = Double.parseDouble(label.substring("latency.p".length()));
            double exact = nearestRank(union, rank) / (double) MS;
            double score = score(merged, label);
            assertEquals(exact, score, exact * PRECISION, label + " of the union of both iterations");
            double meanOfIterations = (nearestRank(uniform, rank) + nearestRank(cluster, rank)) / 2.0 / MS;
            assertTrue(Math.abs(score - meanOfIterations) > 100, label + " " + score + " is the mean of the iterations' "
                    + meanOfIterations);
        }
        assertEquals(1500, score(merged, LatencyResult.COUNT));
        assertEquals(union.length, merged.get(LatencyResult.LABEL).getStatistics().getN());
    }

    @Test
    void eachIterationKeepsItsOwnPercentilesForRawData() {
        long[] uniform = LongStream.rangeClosed(1, 1000).map(ms -> ms * MS).toArray();
        long[] cluster = LongStream.range(0, 500).map(i -> 5000 * MS + i * 10_000).toArray();
        BenchmarkResult run = run(iteration(uniform, new long[0]), iteration(cluster, new long[0]));

        List<Double> p99s = new ArrayList<>();
        for (IterationResult iteration : run.getIterationResults()) {
            p99s.add(score(iteration.getSecondaryResults(), LatencyResult.P99));
        }
        assertEquals(990, p99s.get(0), 990 * PRECISION);
        assertEquals(nearestRank(cluster, 99) / (double) MS, p99s.get(1), 5000 * PRECISION);
    }

    @Test
    void p999IsLeftOutBelowTenThousandSamples() {
        long[] half = LongStream.range(0, 6000).map(i -> MS + i * 1000).toArray();
        BenchmarkResult enough = run(iteration(half, new long[0]), iteration(half, new long[0]));
        assertTrue(enough.getSecondaryResults().containsKey(LatencyResult.P999), "12,000 samples merged");
        double p999 = score(enough.getSecondaryResults(), LatencyResult.P999);
        assertEquals(nearestRank(half, 99.9) / (double) MS, p999, p999 * PRECISION);
        for (IterationResult iteration : enough.getIterationResults()) {
            assertFalse(iteration.getSecondaryResults().containsKey(LatencyResult.P999), "6,000 samples in an iteration");
        }

        long[] short1 = Arrays.copyOf(half, 5000);
        long[] short2 = Arrays.copyOf(half, 4999);
        BenchmarkResult tooFew = run(iteration(short1, new long[0]), iteration(short2, new long[0]));
        assertFalse(tooFew.getSecondaryResults().containsKey(LatencyResult.P999), "9,999 samples merged");
        assertTrue(tooFew.getSecondaryResults().containsKey(LatencyResult.P99));
    }

    @Test
    void failuresAreCountedApartFromSuccesses() {
        long[] successes = LongStream.rangeClosed(1, 100).map(ms -> ms * MS).toArray();
        long[] fastFailures = LongStream.range(0, 50).map(i -> 10_000).toArray();
        BenchmarkResult run = run(iteration(successes, fastFailures), iteration(successes, new long[0]));

        Map<String, Result> merged = run.getSecondaryResults();
        assertEquals(200, score(merged, LatencyResult.COUNT));
        assertEquals(50, score(merged, FailedLatencyResult.COUNT));
        assertEquals(0.01, score(merged, FailedLatencyResult.P99), 0.01 * PRECISION);
        assertEquals(nearestRank(successes, 50) / (double) MS, score(merged, LatencyResult.P50), 50 * PRECISION);

        BenchmarkResult clean = run(iteration(successes, new long[0]));
        assertEquals(0, score(clean.getSecondaryResults(), FailedLatencyResult.COUNT));
        assertFalse(clean.getSecondaryResults().containsKey(FailedLatencyResult.P99), "no failures, no failure p99");
    }

    @Test
    void resultsSurviveJavaSerializationAsTheForkedJvmSendsThem() throws Exception {
        long[] uniform = LongStream.rangeClosed(1, 1000).map(ms -> ms * MS).toArray();
        long[] cluster = LongStream.range(0, 500).map(i -> 5000 * MS + i * 10_000).toArray();
        IterationResult first = iteration(uniform, new long[] {7 * MS});
        IterationResult second = iteration(cluster, new long[0]);
        Map<String, Result> before = run(first, second).getSecondaryResults();

        Map<String, Result> after = run(roundTrip(first), roundTrip(second)).getSecondaryResults();
        assertEquals(before.keySet(), after.keySet());
        for (String label : before.keySet()) {
            assertEquals(before.get(label).getScore(), after.get(label).getScore(), 0, label);
        }
        assertEquals(7, score(after, FailedLatencyResult.P99), 7 * PRECISION);

        Result merged = before.get(LatencyResult.LABEL);
        Result mergedCopy = roundTrip(merged);
        assertEquals(merged.getStatistics().getN(), mergedCopy.getStatistics().getN());
        assertEquals(merged.getStatistics().getPercentile(99), mergedCopy.getStatistics().getPercentile(99), 0);
    }

    @Test
    void textOutputPrintsScoreAndDistribution() {
        long[] uniform = LongStream.rangeClosed(1, 1000).map(ms -> ms * MS).toArray();
        Result merged = run(iteration(uniform, new long[0]), iteration(uniform, new long[0]))
                .getSecondaryResults().get(LatencyResult.LABEL);
        assertTrue(merged.toString().endsWith(" ms"), merged.toString());
        String info = merged.extendedInfo();
        assertTrue(info.contains("N = 2000") && info.contains("p(99.0000)") && info.contains("Histogram, ms:"), info);
    }

    /** The value at {@code rank} percent by the nearest-rank method, as HdrHistogram defines percentiles. */
    private static long nearestRank(long[] values, double rank) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(rank / 100 * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    private static double score(Map<String, Result> metrics, String label) {
        Result result = metrics.get(label);
        assertNotNull(result, label + " missing; metrics: " + metrics.keySet());
        return result.getScore();
    }

    /** One iteration as the profiler reports it, with a primary result as JMH's benchmark thread would add. */
    private static IterationResult iteration(long[] successNanos, long[] failureNanos) {
        IterationResult iteration = new IterationResult(null, null, null);
        iteration.addResult(new ThroughputResult(ResultRole.PRIMARY, "work", 1000, 1_000_000_000L, TimeUnit.SECONDS));
        iteration.addResult(new LatencyResult(histogramOf(successNanos)));
        iteration.addResult(new FailedLatencyResult(histogramOf(failureNanos)));
        return iteration;
    }

    private static LatencyHistogram histogramOf(long[] nanos) {
        Histogram histogram = new Histogram(3_600_000_000_000L, 3);
        Arrays.stream(nanos).forEach(histogram::recordValue);
        return LatencyHistogram.copyOf(histogram);
    }

    private static BenchmarkResult run(IterationResult... iterations) {
        return new BenchmarkResult(null, List.of(iterations));
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
