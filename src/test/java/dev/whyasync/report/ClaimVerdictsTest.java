package dev.whyasync.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.report.claims.SeedClaims;
import dev.whyasync.report.claims.Verdict;
import dev.whyasync.report.results.ResultReader;
import dev.whyasync.report.suite.SuiteData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Verdicts as a whole: never firmer than the data behind them, and computed from a real run's own metric names. */
class ClaimVerdictsTest {

    private static final Set<Verdict> FIRM = Set.of(Verdict.SUPPORTED, Verdict.REFUTED, Verdict.MIXED);

    @TempDir
    Path dir;

    @Test
    void aClaimWithAPartMissingIsNeverFirmWhicheverBenchmarkARunSkipped() {
        for (String benchmark : SuiteLayout.BENCHMARKS) {
            SuiteData data = new SuiteData(SuiteResults.everything().without(benchmark).read(dir.resolve(benchmark + ".json")));
            for (SeedClaims.Row row : SeedClaims.assess(data)) {
                if (row.assessment().note().contains("not measured:")) {
                    assertTrue(!FIRM.contains(row.assessment().verdict()), "claim " + row.claim().number() + " without "
                            + benchmark + " reads " + row.assessment().verdict() + ": " + row.assessment().note());
                }
            }
        }
    }

    @Test
    void aCompleteSuiteDecidesClaimsThatSkippingABenchmarkLeavesOpen() {
        Map<Integer, Verdict> complete = verdicts(new SuiteData(SuiteResults.everything().read(dir.resolve("all.json"))));
        Map<Integer, Verdict> withoutFootprint = verdicts(new SuiteData(
                SuiteResults.everything().without(SuiteLayout.FOOTPRINT).read(dir.resolve("rest.json"))));
        assertTrue(FIRM.contains(complete.get(4)), "claim 4 with the footprint benchmark: " + complete.get(4));
        assertNotEquals(complete.get(4), withoutFootprint.get(4), "claim 4 loses its idle-task half without the footprint benchmark");
    }

    /**
     * A real quick-profile run of this suite (src/test/resources/runs/quick-run.json: the IO
     * benchmark at C=1024 with its checks, cancel and inertness), so that the rules read the metric
     * names the benchmarks really write. The expected verdicts are what the rules compute from
     * these numbers by hand: the quick profile runs no load benchmark (so the cost claims 1 and 8
     * have nothing to use), callbacks and futures are level (claim 3's interval crosses 0.9),
     * actors reach 0.70x of callbacks' throughput at 1.46x its CPU (claim 5).
     */
    @Test
    void theRulesReadARealRunAndDecideOnlyWhatItsNumbersClear() throws Exception {
        Path run = dir.resolve("quick-run.json");
        Path meta = dir.resolve("quick-run.meta.json");
        try (var json = Objects.requireNonNull(getClass().getResourceAsStream("/runs/quick-run.json"));
             var metaJson = Objects.requireNonNull(getClass().getResourceAsStream("/runs/quick-run.meta.json"))) {
            Files.copy(json, run);
            Files.copy(metaJson, meta);
        }
        List<SeedClaims.Row> rows = SeedClaims.assess(new SuiteData(ResultReader.read(run)));
        Map<Integer, Verdict> verdicts = verdicts(rows);
        assertEquals(Verdict.NOT_MEASURED, verdicts.get(1), "the quick profile runs no load benchmark");
        assertEquals(Verdict.UNDECIDED, verdicts.get(3));
        assertEquals(Verdict.SUPPORTED, verdicts.get(5));
        assertEquals(Verdict.SUPPORTED, verdicts.get(11));
        List<String> five = rows.get(4).assessment().numbers();
        assertTrue(five.contains("actors throughput at C=1024 = 19.1k tasks/s"), five.toString());
        assertTrue(five.stream().anyMatch(l -> l.startsWith("actors / callbacks = 1.46\u00d7 [1.38\u00d7, 1.54\u00d7]")), five.toString());
        String three = rows.get(2).assessment().note();
        assertTrue(three.startsWith("undecided: the interval [0.876\u00d7, 1.16\u00d7] crosses 0.9\u00d7"), three);
        String eleven = String.join("\n", rows.get(10).assessment().numbers());
        assertTrue(eleven.contains("callbacks close after cancel = 2.74 ms"), eleven);
    }

    private static Map<Integer, Verdict> verdicts(SuiteData data) {
        return verdicts(SeedClaims.assess(data));
    }

    private static Map<Integer, Verdict> verdicts(List<SeedClaims.Row> rows) {
        return rows.stream().collect(Collectors.toMap(r -> r.claim().number(), r -> r.assessment().verdict()));
    }
}
