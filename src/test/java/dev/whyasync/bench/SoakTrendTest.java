package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SoakTrendTest {
    private static final SoakTrend.Floor NO_FLOOR = new SoakTrend.Floor(0, 0);

    @Test
    void noisyButFlatSeriesDidNotGrow() {
        SplittableRandom random = new SplittableRandom(7);
        double[] series = IntStream.range(0, 300).mapToDouble(i -> 500 + random.nextInt(-50, 51)).toArray();
        SoakTrend trend = SoakTrend.of("threads", "threads", series, NO_FLOOR);
        assertFalse(trend.grew(), trend.toString());
        assertEquals(300, trend.samples());
    }

    @Test
    void steadyClimbAboveTheNoiseGrew() {
        SplittableRandom random = new SplittableRandom(7);
        double[] series = IntStream.range(0, 300).mapToDouble(i -> 500 + i + random.nextInt(-50, 51)).toArray();
        SoakTrend trend = SoakTrend.of("threads", "threads", series, NO_FLOOR);
        assertTrue(trend.grew(), trend.toString());
        assertEquals(240, trend.growth(), 40);
    }

    @Test
    void theFloorAbsorbsSmallGrowthOfAQuietSeries() {
        double[] series = IntStream.range(0, 100).mapToDouble(i -> i < 50 ? 100 : 103).toArray();
        assertTrue(SoakTrend.of("fds", "files", series, NO_FLOOR).grew());
        assertFalse(SoakTrend.of("fds", "files", series, new SoakTrend.Floor(4, 0)).grew());
        assertFalse(SoakTrend.of("fds", "files", series, new SoakTrend.Floor(0, 0.05)).grew());
    }

    @Test
    void shrinkingIsNeverALeak() {
        double[] series = IntStream.range(0, 50).mapToDouble(i -> 1000 - i).toArray();
        assertFalse(SoakTrend.of("rss", "bytes", series, NO_FLOOR).grew());
    }

    @Test
    void oneSampleIsItsOwnWindow() {
        SoakTrend trend = SoakTrend.of("heap", "bytes", new double[] {42}, NO_FLOOR);
        assertEquals(0, trend.growth());
        assertThrows(IllegalArgumentException.class, () -> SoakTrend.of("heap", "bytes", new double[0], NO_FLOOR));
    }
}
