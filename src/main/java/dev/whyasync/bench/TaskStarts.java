package dev.whyasync.bench;

import dev.whyasync.model.ConcurrencyModel;
import dev.whyasync.model.Task;
import dev.whyasync.model.TaskListener;
import dev.whyasync.model.TaskResult;
import dev.whyasync.model.Workload;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * What the closed and the open loop share: starting one task through a model with a listener that
 * counts it in the loop's {@link InFlightGauge}, times it from its intended start, and queues its outcome
 * for the benchmark thread, which checks it against the pages' known content.
 *
 * <p>The surprising part is a task that finishes inside {@code model.start}, on the caller's thread:
 * the sequential control always does, and any model may when a start fails at once. Such a finish
 * does not run the loop's follow-up (a replacement start) from inside the listener, which would
 * recurse once per task; {@link #start} returns {@link Start#FINISHED} instead and the caller runs it.
 */
final class TaskStarts {
    /** What one finished task left: its result or its error, and how many page downloads it retried. */
    record Outcome(Task task, TaskResult result, Throwable error, int retries) {
    }

    private final ConcurrencyModel model;
    private final Workload workload;
    private final Duration patience;
    private final BlockingQueue<Outcome> finished = new LinkedBlockingQueue<>();
    private final InFlightGauge gauge = new InFlightGauge();
    private final AtomicInteger nextId = new AtomicInteger();
    /** Tasks intended to start before this moment are not timed: the latency window of the current iteration. */
    private volatile long timedFrom = Long.MIN_VALUE;
    /** Whether finished tasks are timed at all: not between an iteration's end and the next one's start. */
    private volatile boolean timing = true;
    private long errors;

    TaskStarts(ConcurrencyModel model, Workload workload, Duration patience) {
        this.model = model;
        this.workload = workload;
        this.patience = patience;
    }

    /** How a call to {@link #start} ended. */
    enum Start {
        /** The task runs on; whoever finishes it runs the follow-up. */
        RUNNING,
        /** The task finished inside the call: the caller runs the follow-up. */
        FINISHED,
        /** The model could not start it (no thread left, a closed model): queued as a failed task, no follow-up. */
        REFUSED
    }

    /**
     * Starts one task meant to start at {@code intended} (a {@link System#nanoTime} value); when it
     * finishes on another thread, or later, that thread runs {@code then}.
     */
    Start start(long intended, Runnable then) {
        Task task = workload.task(nextId.getAndIncrement() & 0x3fff_ffff);
        Listener listener = new Listener(task, intended, then);
        gauge.started(System.nanoTime());
        try {
            model.start(task, listener);
        } catch (RuntimeException | OutOfMemoryError e) {
            listener.onFailure(e);
            return Start.REFUSED;
        } finally {
            listener.starting = false;
        }
        return listener.finishedInStart ? Start.FINISHED : Start.RUNNING;
    }

    /**
     * Waits for the next finished task and checks it.
     *
     * @throws IllegalStateException when no task finishes within the patience (the model is stuck) or
     *                               a task's result is not the pages' content
     */
    Outcome next() throws InterruptedException {
        Outcome outcome = finished.poll(patience.toNanos(), TimeUnit.NANOSECONDS);
        if (outcome == null) {
            throw new IllegalStateException(model.name() + ": no task finished within " + patience.toSeconds()
                    + " s with " + gauge.inFlight() + " in flight");
        }
        if (outcome.error() != null) {
            errors++;
        } else if (!outcome.result().equals(TaskResult.expected(outcome.task()))) {
            throw new IllegalStateException(model.name() + " returned " + outcome.result() + " for task " + outcome.task());
        }
        return outcome;
    }

    /**
     * Times only tasks meant to start from now on, and forgets finished tasks nobody took: both loops
     * run on between iterations, so as an iteration begins neither the outcomes queued in the pause
     * (which the benchmark thread would count at once) nor the tasks the pause delayed count in it.
     */
    void beginWindow() {
        timedFrom = System.nanoTime();
        timing = true;
        finished.clear();
    }

    /**
     * Ends the iteration's window: nothing finishing from now on is timed, in particular not the
     * tasks that the trial's tear-down cancels.
     */
    void endWindow() {
        timing = false;
    }

    /** Drops outcomes nobody took: the task run in set-up to learn how a model starts. */
    void forgetFinished() {
        finished.clear();
    }

    /** Tasks in flight through this loop. */
    InFlightGauge gauge() {
        return gauge;
    }

    long errors() {
        return errors;
    }

    String modelName() {
        return model.name();
    }

    /** Hears one task; retries are counted in a field of its own, so that the harness allocates one object per task. */
    private final class Listener implements TaskListener {
        private static final AtomicIntegerFieldUpdater<Listener> RETRIES =
                AtomicIntegerFieldUpdater.newUpdater(Listener.class, "retries");

        private final Task task;
        private final long intended;
        private final Runnable then;
        private final Thread starter = Thread.currentThread();
        private volatile int retries;
        /** Written and read by the starting thread only: other threads never see themselves as the starter. */
        private boolean starting = true;
        private boolean finishedInStart;

        Listener(Task task, long intended, Runnable then) {
            this.task = task;
            this.intended = intended;
            this.then = then;
        }

        @Override
        public void onSuccess(TaskResult result) {
            finish(new Outcome(task, result, null, retries));
        }

        @Override
        public void onFailure(Throwable error) {
            finish(new Outcome(task, null, error, retries));
        }

        @Override
        public void onRetry(Throwable error) {
            RETRIES.incrementAndGet(this);
        }

        private void finish(Outcome outcome) {
            long now = System.nanoTime();
            long latency = now - intended;
            gauge.finished(now);
            if (timing && intended >= timedFrom) {
                if (outcome.error() == null) {
                    TaskLatencies.recordSuccess(latency);
                } else {
                    TaskLatencies.recordFailure(latency);
                }
            }
            finished.add(outcome);
            if (starting && Thread.currentThread() == starter) {
                finishedInStart = true;
            } else {
                then.run();
            }
        }
    }
}
