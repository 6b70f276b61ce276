package dev.whyasync.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whyasync.report.stats.Steadiness.Noise;
import dev.whyasync.report.stats.Steadiness.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The slope test on crafted iterations: flat with noise, warm-up trends, too few iterations. */
class SteadinessTest {

    /** Eight results of three iterations each, flat around their means with about 1.5% noise. */
    private static final List<List<List<Double>>> STEADY_RUN = List.of(
            List.of(List.of(40_100.0, 39_500.0, 40_300.0)), List.of(List.of(12_050.0, 12_300.0, 11_900.0)),
            List.of(List.of(980.0, 1_000.0, 1_010.0)), List.of(List.of(55_000.0, 56_200.0, 55_400.0)),
            List.of(List.of(30_500.0, 29_900.0, 30_100.0)), List.of(List.of(7_000.0, 7_150.0, 6_950.0)),
            List.of(List.of(21_000.0, 20_700.0, 21_300.0)), List.of(List.of(44_000.0, 44_900.0, 44_300.0)));

    private static final List<List<Double>> WARM_UP = List.of(List.of(28_000.0, 38_000.0, 41_000.0));

    @Test
    void aFlatSeriesWithNoiseIsSteady() {
        assertEquals(Status.STEADY, Steadiness.of(List.of(List.of(40_100.0, 39_600.0, 40_300.0, 39_900.0, 40_200.0))).status());
        assertEquals(Status.STEADY, Steadiness.of(List.of(List.of(40_100.0, 39_500.0, 40_300.0))).status());
        Noise run = Noise.of(STEADY_RUN);
        assertEquals(8, run.degreesOfFreedom(), "one degree of freedom per three-iteration fork");
        for (List<List<Double>> result : STEADY_RUN) {
            assertEquals(Status.STEADY, Steadiness.of(result, run).status(), result.toString());
        }
    }

    @Test
    void aRisingWarmUpAmongSteadyResultsIsNotSteady() {
        List<List<List<Double>>> run = new ArrayList<>(STEADY_RUN);
        run.add(WARM_UP);
        Noise noise = Noise.of(run);
        Steadiness warmUp = Steadiness.of(WARM_UP, noise);
        assertEquals(Status.NOT_STEADY, warmUp.status());
        assertEquals(13_000.0 / (107_000.0 / 3), warmUp.change(), 1e-9, "fitted change over the run, relative to the mean");
        assertEquals(3, warmUp.iterations());
        for (List<List<Double>> result : STEADY_RUN) {
            assertEquals(Status.STEADY, Steadiness.of(result, noise).status(), "the warm-up's residuals flag no other result");
        }
        Steadiness falling = Steadiness.of(List.of(List.of(41_000.0, 38_000.0, 28_000.0)), noise);
        assertEquals(Status.NOT_STEADY, falling.status());
        assertEquals(-1, Math.signum(falling.change()));
    }

    @Test
    void aThreeIterationWarmUpAloneHasTooLittleNoiseEstimateToBeFlagged() {
        // a line through three points leaves one degree of freedom: t = 3.2 against 12.7; this is why noise is pooled
        assertEquals(Status.STEADY, Steadiness.of(WARM_UP).status());
    }

    @Test
    void aLongerRisingSeriesIsNotSteadyOnItsOwn() {
        Steadiness rising = Steadiness.of(List.of(List.of(28_000.0, 33_000.0, 38_000.0, 40_000.0, 41_000.0)));
        assertEquals(Status.NOT_STEADY, rising.status());
        assertEquals(5, rising.iterations());
    }

    @Test
    void aSignificantButSmallTrendIsSteady() {
        // a perfect line: infinitely significant, but 4% over the run is below the 5% that counts as drift
        assertEquals(Status.STEADY, Steadiness.of(List.of(List.of(39_200.0, 40_000.0, 40_800.0))).status());
        assertEquals(Status.NOT_STEADY, Steadiness.of(List.of(List.of(38_800.0, 40_000.0, 41_200.0))).status(), "6%");
    }

    @Test
    void oneDriftingForkIsEnough() {
        List<List<Double>> forks = List.of(List.of(40_000.0, 40_400.0, 39_800.0, 40_100.0),
                List.of(30_000.0, 34_000.0, 37_500.0, 40_000.0));
        assertEquals(Status.NOT_STEADY, Steadiness.of(forks).status());
    }

    @Test
    void fewerThanThreeIterationsAreNotTested() {
        assertEquals(Status.NOT_TESTED, Steadiness.of(List.of(List.of(20.7, 20.9))).status());
        assertEquals(Status.NOT_TESTED, Steadiness.of(List.of()).status());
        assertEquals(Status.NOT_TESTED, Steadiness.of(List.of(List.of(20.7, 20.9)), Noise.of(STEADY_RUN)).status(),
                "pooled noise does not make two iterations a trend");
    }
}
