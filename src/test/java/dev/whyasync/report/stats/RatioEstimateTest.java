package dev.whyasync.report.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RatioEstimateTest {

    @Test
    void matchesAWelchIntervalWorkedByHand() {
        // log-variances s^2/(n m^2): 1/(3*121) and 4/(3*484), equal, so Welch df = 4 and t(0.975, 4) = 2.7764
        Samples a = Samples.of(11, List.of(10.0, 11.0, 12.0));
        Samples b = Samples.of(22, List.of(20.0, 22.0, 24.0));
        RatioEstimate r = RatioEstimate.of(b, a);
        double halfWidth = 2.7764451 * Math.sqrt(2.0 / 363);
        assertEquals(2.0, r.ratio(), 1e-12);
        assertEquals(2.0 * Math.exp(-halfWidth), r.low(), 1e-6);
        assertEquals(2.0 * Math.exp(halfWidth), r.high(), 1e-6);
        assertTrue(r.significant());
        assertEquals(100, r.changePercent(), 1e-9);
    }

    @Test
    void overlappingSamplesAreNotSignificant() {
        Samples a = Samples.of(100, List.of(90.0, 100.0, 110.0));
        Samples b = Samples.of(102, List.of(95.0, 102.0, 109.0));
        RatioEstimate r = RatioEstimate.of(b, a);
        assertTrue(r.hasInterval() && r.low() < 1 && r.high() > 1);
        assertFalse(r.significant());
    }

    @Test
    void aSingleIterationGivesNoInterval() {
        RatioEstimate r = RatioEstimate.of(Samples.of(5, List.of(5.0)), Samples.of(4, List.of(4.0, 4.1)));
        assertEquals(1.25, r.ratio(), 1e-12);
        assertFalse(r.hasInterval());
        assertFalse(r.significant(), "no interval, no claim of significance");
    }

    @Test
    void ratioOfRatiosCancelsACommonSlowdown() {
        Samples modelBefore = Samples.of(100, List.of(99.0, 100.0, 101.0));
        Samples refBefore = Samples.of(50, List.of(49.5, 50.0, 50.5));
        Samples modelAfter = Samples.of(80, List.of(79.0, 80.0, 81.0));
        Samples refAfter = Samples.of(40, List.of(39.5, 40.0, 40.5));
        assertTrue(RatioEstimate.of(modelAfter, modelBefore).significant(), "absolute: 20% slower");
        RatioEstimate within = RatioEstimate.of(List.of(modelAfter, refBefore), List.of(modelBefore, refAfter));
        assertEquals(1.0, within.ratio(), 1e-12);
        assertFalse(within.significant(), "both slowed alike: no within-run change");
    }
}
