package dev.whyasync.bench;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed loop that keeps C tasks in flight through a model: {@link #fill()} starts C tasks, and
 * each finished task's replacement is started where it finished, by the thread that ran its
 * listener, so the benchmark thread only takes outcomes ({@link #next()}). There is no central
 * starter: a platform {@code Thread.start} waits until the new OS thread runs, and one thread
 * starting every replacement held the threads model at a few dozen tasks in flight when C was
 * hundreds. Whoever finishes a task pays for starting the next one (a thread, an actor, a
 * coroutine), so that cost is part of what is measured. {@link InFlightGauge} checks that C holds.
 *
 * <p>The sequential control runs each task inside {@code start}, on the caller's thread: for it the
 * loop has one task at a time, started by the benchmark thread in each operation.
 */
final class InFlightTasks implements AutoCloseable {
    private final TaskStarts starts;
    private final int concurrency;
    /** Slots whose replacement the model refused; the benchmark thread starts them again. */
    private final AtomicInteger lostSlots = new AtomicInteger();
    private final Runnable replace = this::replace;
    private volatile boolean closed;
    /** Whether the model ran a task to its end inside {@code start}, as the sequential control does. */
    private boolean ranInPlace;

    InFlightTasks(TaskStarts starts, int concurrency) {
        this.starts = starts;
        this.concurrency = concurrency;
    }

    /** Starts C tasks; a model that runs its first task in place gets one per operation instead. */
    void fill() {
        ranInPlace = starts.start(System.nanoTime(), replace) == TaskStarts.Start.FINISHED;
        if (ranInPlace) {
            // the task run to learn this was set-up, not an operation
            starts.forgetFinished();
            return;
        }
        for (int i = 1; i < concurrency; i++) {
            startOrCountLost();
        }
    }

    /**
     * The next finished task, checked against the pages' known content. For a model that runs tasks
     * in place, the operation runs one task and returns that task's outcome.
     */
    TaskStarts.Outcome next() throws InterruptedException {
        if (ranInPlace) {
            starts.start(System.nanoTime(), replace);
        }
        for (int lost = lostSlots.getAndSet(0); lost > 0; lost--) {
            startOrCountLost();
        }
        return starts.next();
    }

    boolean runsInPlace() {
        return ranInPlace;
    }

    /** Stops starting replacements; tasks in flight end when the model closes. */
    @Override
    public void close() {
        closed = true;
    }

    /**
     * A task finished on this thread: start its replacement here. A replacement that finishes inside
     * its own start (a failure at once) is replaced by this loop, not by a recursive call.
     */
    private void replace() {
        if (ranInPlace) {
            return;
        }
        while (!closed && startOrCountLost() == TaskStarts.Start.FINISHED) {
            Thread.onSpinWait();
        }
    }

    private TaskStarts.Start startOrCountLost() {
        TaskStarts.Start start = starts.start(System.nanoTime(), replace);
        if (start == TaskStarts.Start.REFUSED) {
            lostSlots.incrementAndGet();
        }
        return start;
    }
}
