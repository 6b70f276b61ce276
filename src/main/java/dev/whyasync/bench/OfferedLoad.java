package dev.whyasync.bench;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open loop: a pacer thread starts tasks at a fixed rate R, whether or not earlier ones finished,
 * the way wrk2 and Hyperfoil offer load. Each task is timed from its intended start on the
 * schedule, not from when the pacer got to it, so a model whose start blocks (the sequential
 * control runs the whole task inside it) or a pacer that fell behind shows up as latency rather
 * than hiding it (no coordinated omission). The schedule never slips: after a delay the pacer
 * starts every task that is due at once.
 *
 * <p>A model that cannot keep up collects a backlog; past {@code maxInFlight} tasks the pacer drops
 * the tasks that are due instead of starting them (counted, and the model is saturated at R), so
 * that a saturated model does not exhaust the machine's threads or memory.
 */
final class OfferedLoad implements AutoCloseable {
    private static final Runnable NOTHING = () -> {
    };

    private final TaskStarts starts;
    private final double rate;
    private final int maxInFlight;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    /** How far behind its schedule the pacer was when it last started a task, ns. */
    private volatile long lagNanos;
    private volatile boolean closed;
    private Thread pacer;

    OfferedLoad(TaskStarts starts, double rate, int maxInFlight) {
        if (!(rate > 0)) {
            throw new IllegalArgumentException("-p rate=" + rate + ": the offered rate must be above 0 tasks/s");
        }
        this.starts = starts;
        this.rate = rate;
        this.maxInFlight = maxInFlight;
    }

    void begin() {
        pacer = Thread.ofPlatform().name("whyasync-pacer").daemon().start(this::pace);
    }

    private void pace() {
        double period = 1e9 / rate;
        long first = System.nanoTime();
        for (long n = 0; !closed; n++) {
            long intended = first + (long) (n * period);
            long now;
            while ((now = System.nanoTime()) < intended) {
                LockSupport.parkNanos(intended - now);
                if (closed) {
                    return;
                }
            }
            lagNanos = now - intended;
            if (starts.gauge().inFlight() >= maxInFlight) {
                dropped.incrementAndGet();
            } else if (starts.start(intended, NOTHING) == TaskStarts.Start.REFUSED) {
                refused.incrementAndGet();
            }
        }
    }

    double rate() {
        return rate;
    }

    long lagNanos() {
        return lagNanos;
    }

    /** Tasks due while {@code maxInFlight} were in flight, never started. */
    long dropped() {
        return dropped.get();
    }

    /** Tasks the model refused to start. */
    long refused() {
        return refused.get();
    }

    @Override
    public void close() {
        closed = true;
        Thread p = pacer;
        if (p != null) {
            LockSupport.unpark(p);
            try {
                p.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
