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

/**
 * A closed loop that keeps C tasks in flight through a model: {@link #fill()} starts C tasks, and each
 * {@link #next()} waits for one to finish and starts another in its place, so one benchmark operation
 * is one finished task. Starting happens on the benchmark thread, so a model's cost of starting a
 * task (a thread, an actor, a coroutine) is part of what is measured.
 */
final class InFlightTasks {
    /** What one finished task left: its result or its error, and how many page downloads it retried. */
    record Outcome(Task task, TaskResult result, Throwable error, int retries) {
    }

    private final ConcurrencyModel model;
    private final Workload workload;
    private final int concurrency;
    private final Duration patience;
    private final BlockingQueue<Outcome> finished = new LinkedBlockingQueue<>();
    private int nextId;
    private long errors;
    /** Set while {@code model.start} runs on the benchmark thread. */
    private boolean starting;
    /** Whether the model ran a task to its end inside {@code start}, as the sequential control does. */
    private boolean ranInPlace;

    InFlightTasks(ConcurrencyModel model, Workload workload, int concurrency, Duration patience) {
        this.model = model;
        this.workload = workload;
        this.concurrency = concurrency;
        this.patience = patience;
    }

    /**
     * Starts C tasks; a model that runs each task in place inside {@code start} (the sequential
     * control) never has more than one in flight, so for it one is enough, rather than C tasks
     * run one after another before the first measurement.
     */
    void fill() {
        for (int i = 0; i < concurrency && !ranInPlace; i++) {
            startOne();
        }
        if (ranInPlace) {
            // the task run to learn this was set-up, not an operation: each operation runs and reports its own
            finished.clear();
        }
    }

    /**
     * Waits for the next task to finish, starts its replacement and returns the outcome, checked
     * against the pages' known content. For a model that runs tasks in place, the operation runs
     * one task and returns that task's outcome, so that an operation that ends a measurement
     * iteration counts its own task, not the one before it.
     *
     * @throws IllegalStateException when no task finishes within the patience: the model is stuck
     */
    Outcome next() throws InterruptedException {
        if (ranInPlace) {
            startOne();
        }
        Outcome outcome = finished.poll(patience.toNanos(), TimeUnit.NANOSECONDS);
        if (outcome == null) {
            throw new IllegalStateException(model.name() + ": no task finished within " + patience.toSeconds()
                    + " s with " + concurrency + " in flight");
        }
        if (!ranInPlace) {
            startOne();
        }
        if (outcome.error() != null) {
            errors++;
        } else if (!outcome.result().equals(TaskResult.expected(outcome.task()))) {
            throw new IllegalStateException(model.name() + " returned " + outcome.result() + " for task " + outcome.task());
        }
        return outcome;
    }

    long errors() {
        return errors;
    }

    private void startOne() {
        Task task = workload.task(nextId);
        nextId = (nextId + 1) & 0x3fff_ffff;
        long start = System.nanoTime();
        Thread benchmarkThread = Thread.currentThread();
        starting = true;
        try {
            model.start(task, new TaskListener() {
                private final AtomicInteger retries = new AtomicInteger();

                @Override
                public void onSuccess(TaskResult result) {
                    finish(new Outcome(task, result, null, retries.get()));
                }

                @Override
                public void onFailure(Throwable error) {
                    finish(new Outcome(task, null, error, retries.get()));
                }

                @Override
                public void onRetry(Throwable error) {
                    retries.incrementAndGet();
                }

                private void finish(Outcome outcome) {
                    TaskLatencies.record(System.nanoTime() - start);
                    if (starting && Thread.currentThread() == benchmarkThread) {
                        ranInPlace = true;
                    }
                    finished.add(outcome);
                }
            });
        } finally {
            starting = false;
        }
    }
}
