package dev.whyasync.cli;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How JMH runs one benchmark: forks, and warmup and measurement iterations with their durations.
 * A benchmark declares its own in annotations; a profile overrides only what it sets, and
 * {@link #KEEP} (or a null duration) leaves the benchmark's value, so that a benchmark that needs
 * twenty single-shot samples keeps them while the profile decides how long a timed iteration lasts.
 */
record RunSettings(int forks, int warmupIterations, Duration warmupTime, int measurementIterations, Duration measurementTime) {
    static final int KEEP = -1;
    /** Every benchmark as it declares itself: forks, iterations and their times. */
    static final RunSettings OWN = new RunSettings(KEEP, KEEP, null, KEEP, null);

    /** A profile's override of forks and iteration times only. */
    static RunSettings times(int forks, Duration iterationTime) {
        return new RunSettings(forks, KEEP, iterationTime, KEEP, iterationTime);
    }

    /** What a benchmark declares, with JMH's defaults where it declares nothing. */
    static RunSettings declaredBy(BenchmarkListEntry entry) {
        boolean singleShot = entry.getMode() == Mode.SingleShotTime;
        return new RunSettings(entry.getForks().orElse(Defaults.MEASUREMENT_FORKS),
                entry.getWarmupIterations().orElse(
                        singleShot ? Defaults.WARMUP_ITERATIONS_SINGLESHOT : Defaults.WARMUP_ITERATIONS),
                duration(entry.getWarmupTime().orElse(Defaults.WARMUP_TIME)),
                entry.getMeasurementIterations().orElse(
                        singleShot ? Defaults.MEASUREMENT_ITERATIONS_SINGLESHOT : Defaults.MEASUREMENT_ITERATIONS),
                duration(entry.getMeasurementTime().orElse(Defaults.MEASUREMENT_TIME)));
    }

    /** These settings with each measurement iteration lasting {@code time}. */
    RunSettings withMeasurementTime(Duration time) {
        return new RunSettings(forks, warmupIterations, warmupTime, measurementIterations, time);
    }

    /** These settings where set, the declared ones elsewhere. */
    RunSettings over(RunSettings declared) {
        return new RunSettings(forks != KEEP ? forks : declared.forks,
                warmupIterations != KEEP ? warmupIterations : declared.warmupIterations,
                warmupTime != null ? warmupTime : declared.warmupTime,
                measurementIterations != KEEP ? measurementIterations : declared.measurementIterations,
                measurementTime != null ? measurementTime : declared.measurementTime);
    }

    void applyTo(ChainedOptionsBuilder options) {
        if (forks != KEEP) {
            options.forks(forks);
        }
        if (warmupIterations != KEEP) {
            options.warmupIterations(warmupIterations);
        }
        if (warmupTime != null) {
            options.warmupTime(TimeValue.milliseconds(warmupTime.toMillis()));
        }
        if (measurementIterations != KEEP) {
            options.measurementIterations(measurementIterations);
        }
        if (measurementTime != null) {
            options.measurementTime(TimeValue.milliseconds(measurementTime.toMillis()));
        }
    }

    /** "1 fork, warmup 2 × 2 s, measurement 3 × 2 s"; a part the benchmark decides reads "own". */
    String describe() {
        return (forks == KEEP ? "own forks" : forks + (forks == 1 ? " fork" : " forks"))
                + ", warmup " + count(warmupIterations) + " × " + seconds(warmupTime)
                + ", measurement " + count(measurementIterations) + " × " + seconds(measurementTime);
    }

    private static String count(int iterations) {
        return iterations == KEEP ? "own" : Integer.toString(iterations);
    }

    private static String seconds(Duration time) {
        if (time == null) {
            return "own";
        }
        return time.toMillis() % 1000 == 0 ? time.toSeconds() + " s" : time.toMillis() + " ms";
    }

    private static Duration duration(TimeValue time) {
        return Duration.ofNanos(time.convertTo(TimeUnit.NANOSECONDS));
    }
}
