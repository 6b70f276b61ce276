package dev.whyasync.bench;

import java.nio.ByteBuffer;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Per-task latency of the benchmark running in this JVM, successes and failures apart, recorded
 * from whatever thread finishes a task (HdrHistogram's {@link Recorder} is wait-free for writers)
 * and taken per iteration by {@link LatencyProfiler}. One static instance, because JMH creates
 * profilers and benchmark state separately and the two meet only through the JVM they share.
 * Taking an interval allocates no histogram: each recorder swaps between the same two (~270 KB
 * each), and what leaves is a compact copy, so the profiler stays out of the allocation per task.
 */
public final class TaskLatencies {
    private static final long HIGHEST_NANOS = 3_600_000_000_000L;
    private static final int SIGNIFICANT_DIGITS = 3;
    private static final RecyclingRecorder SUCCESSES = new RecyclingRecorder();
    private static final RecyclingRecorder FAILURES = new RecyclingRecorder();
    /** Room for the encoding of a full histogram, guarded by the class lock like the spares. */
    private static ByteBuffer scratch;

    private TaskLatencies() {
    }

    /** What was recorded since the previous take (or discard), as compact immutable copies. */
    record Interval(LatencyHistogram successes, LatencyHistogram failures) {
        long count() {
            return successes.getN() + failures.getN();
        }
    }

    public static void recordSuccess(long nanos) {
        SUCCESSES.recorder.recordValue(clamp(nanos));
    }

    public static void recordFailure(long nanos) {
        FAILURES.recorder.recordValue(clamp(nanos));
    }

    private static long clamp(long nanos) {
        return Math.min(Math.max(nanos, 1), HIGHEST_NANOS);
    }

    static synchronized Interval takeInterval(LatencyLog log) {
        Histogram successes = SUCCESSES.flip();
        Histogram failures = FAILURES.flip();
        log.write(successes, failures);
        if (scratch == null) {
            scratch = ByteBuffer.allocate(successes.getNeededByteBufferCapacity());
        }
        return new Interval(LatencyHistogram.copyOf(successes, scratch), LatencyHistogram.copyOf(failures, scratch));
    }

    /** Forgets what was recorded since the previous take, e.g. between iterations. */
    static synchronized void discardInterval() {
        SUCCESSES.flip();
        FAILURES.flip();
    }

    /** One recorder and the interval histogram it last handed out, which the next flip recycles. */
    private static final class RecyclingRecorder {
        final Recorder recorder = new Recorder(HIGHEST_NANOS, SIGNIFICANT_DIGITS);
        Histogram spare;

        /** Everything recorded since the previous flip; valid until the next one. */
        Histogram flip() {
            spare = recorder.getIntervalHistogram(spare);
            return spare;
        }
    }
}
