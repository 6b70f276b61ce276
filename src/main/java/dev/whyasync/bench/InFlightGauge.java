package dev.whyasync.bench;


/**
 * How many tasks are really in flight, as a time-weighted mean and a minimum over a window: the
 * check that a closed loop holds C (Little's law: a loop that replaces finished tasks late has fewer
 * in flight than asked) and the divisor of memory per task in flight. A task is in flight from the
 * moment the loop asks the model to start it until its listener hears the outcome: the span its
 * latency is timed over, so that the mean in flight, the rate and the mean latency obey Little's law.
 * A slow {@code start} (a platform thread's) holds its slot; a slow loop, which leaves finished
 * tasks waiting for their replacement, does not.
 *
 * <p>The mean needs no sampling thread: each change adds the count times the time since the last
 * change to a running area, and a window's mean is the area's growth over its length. Count, area
 * and time change together under one lock (two short critical sections per task, the same for
 * every model), because a reader that saw the count of one moment and the area of another would be
 * off by a whole window. Each task loop has its own gauge; the benchmark running in a fork names its
 * loop's gauge {@link #current()}, because JMH's profilers and a benchmark's state meet only through
 * the JVM they share.
 */
public final class InFlightGauge {
    private static volatile InFlightGauge current;

    private int inFlight;
    private int lowest;
    private long started;
    private long finished;
    /** Tasks-in-flight x nanoseconds since the gauge was made, up to {@link #changedAt}. */
    private double area;
    private long changedAt = System.nanoTime();
    private volatile Reading endMark;

    /** The gauge at one moment. */
    record Reading(long at, double area, long started, long finished, int inFlight) {
    }

    /** Tasks in flight over a window: time-weighted mean, lowest count seen, tasks started and finished, length. */
    record Window(double mean, int lowest, long started, long finished, double seconds) {
    }

    /** The gauge of the loop the benchmark in this JVM runs, or null. */
    static InFlightGauge current() {
        return current;
    }

    /** Makes this the gauge the profilers read. */
    void makeCurrent() {
        current = this;
    }

    /** A task the loop started at {@code now} (a {@link System#nanoTime} value). */
    synchronized void started(long now) {
        advance(now);
        started++;
        inFlight++;
    }

    /** A task finished at {@code now}. */
    synchronized void finished(long now) {
        advance(now);
        finished++;
        inFlight--;
        lowest = Math.min(lowest, inFlight);
    }

    synchronized int inFlight() {
        return inFlight;
    }

    synchronized Reading read() {
        long now = System.nanoTime();
        advance(now);
        return new Reading(now, area, started, finished, inFlight);
    }

    /** Ends this iteration's window now (see {@link ClientCpuProfiler#markIterationEnd}). */
    void markIterationEnd() {
        endMark = read();
    }

    /** The reading that ends the window begun by {@code from}: the iteration's end mark if there is one after it, else now. */
    Reading endOf(Reading from) {
        Reading mark = endMark;
        return mark != null && mark.at() > from.at() ? mark : read();
    }

    /** The lowest count since the previous call, which restarts it from the current count. */
    synchronized int lowestSinceLastCall() {
        int low = lowest;
        lowest = inFlight;
        return low;
    }

    /** Tasks in flight between two readings, with the lowest count seen between them. */
    static Window between(Reading from, Reading to, int lowest) {
        long span = to.at() - from.at();
        double mean = span <= 0 ? from.inFlight() : (to.area() - from.area()) / span;
        return new Window(mean, lowest, to.started() - from.started(), to.finished() - from.finished(), span / 1e9);
    }

    private void advance(long now) {
        if (now > changedAt) {
            area += (double) inFlight * (now - changedAt);
            changedAt = now;
        }
    }
}
