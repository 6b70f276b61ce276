package dev.whyasync.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Per-task latency of the benchmark running in this JVM, recorded from whatever thread finishes a
 * task (HdrHistogram's {@link Recorder} is wait-free for writers) and read per iteration by
 * {@link LatencyProfiler}. One static instance, because JMH creates profilers and benchmark state
 * separately and the two meet only through the JVM they share.
 */
public final class TaskLatencies {
    private static final long HIGHEST_NANOS = 3_600_000_000_000L;
    private static final Recorder RECORDER = new Recorder(HIGHEST_NANOS, 3);

    private TaskLatencies() {
    }

    public static void record(long nanos) {
        RECORDER.recordValue(Math.min(Math.max(nanos, 1), HIGHEST_NANOS));
    }

    /** Everything recorded since the previous call. */
    static Histogram takeInterval() {
        return RECORDER.getIntervalHistogram();
    }
}
