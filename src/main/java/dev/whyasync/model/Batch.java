package dev.whyasync.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs {@code tasks} tasks through a model keeping at most {@code concurrency} in flight: a new task
 * starts as soon as one finishes. The driver is the same for every model, so that a difference in a
 * batch's time comes from the model. Every result is checked against the pages' known content.
 * A batch that {@linkplain Ending#AT_FIRST_FAILURE ends at its first failure} starts no task after
 * one has failed and cancels those in flight: a pool's queued tasks would otherwise each wait for
 * the same broken server in turn.
 */
public final class Batch {
    /** How many failures a result keeps in full; the rest are only counted. */
    private static final int KEPT_FAILURES = 16;

    private Batch() {
    }

    /**
     * What a batch did; {@code retries} counts the page downloads the model made again after a failure,
     * {@code cancelled} the tasks a batch that ended at its first failure cancelled, which are not
     * counted as failed.
     */
    public record Result(int tasks, int concurrency, long succeeded, long failed, List<Throwable> firstFailures,
                         long bytes, int peakInFlight, Duration elapsed, long retries, long cancelled) {
    }

    /** Whether a batch runs all its tasks whatever happens, or starts no more once one has failed. */
    public enum Ending {
        ALL_TASKS,
        AT_FIRST_FAILURE
    }

    /** A per-task observer, e.g. a latency recorder; called on the thread that finished the task. */
    public interface TaskObserver {
        TaskObserver NONE = (task, nanos, error) -> { };

        void finished(Task task, long latencyNanos, Throwable errorOrNull);
    }

    public static Result run(ConcurrencyModel model, Workload workload, int tasks, int concurrency, Duration timeout) {
        return run(model, workload, tasks, concurrency, timeout, TaskObserver.NONE, Ending.ALL_TASKS);
    }

    public static Result run(ConcurrencyModel model, Workload workload, int tasks, int concurrency, Duration timeout,
                             TaskObserver observer) {
        return run(model, workload, tasks, concurrency, timeout, observer, Ending.ALL_TASKS);
    }

    /**
     * @throws BatchTimeoutException when the batch does not finish in {@code timeout}; tasks still in
     *         flight are cancelled first
     */
    public static Result run(ConcurrencyModel model, Workload workload, int tasks, int concurrency, Duration timeout,
                             TaskObserver observer, Ending ending) {
        if (tasks < 0 || concurrency < 1) {
            throw new IllegalArgumentException("need tasks >= 0 and concurrency >= 1, got " + tasks + " and " + concurrency);
        }
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        Semaphore permits = new Semaphore(concurrency);
        AtomicInteger finished = new AtomicInteger();
        boolean stopOnFailure = ending == Ending.AT_FIRST_FAILURE;
        AtomicBoolean stopped = new AtomicBoolean();
        AtomicLong cancelled = new AtomicLong();
        Set<InFlight> inFlight = ConcurrentHashMap.newKeySet();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        AtomicLong succeeded = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int i = 0; i < tasks && !stopped.get(); i++) {
                if (!permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    throw timedOut(model, tasks, concurrency, timeout, finished, inFlight);
                }
                if (stopped.get()) {
                    permits.release();
                    break;
                }
                Task task = workload.task(i);
                InFlight slot = new InFlight();
                inFlight.add(slot);
                peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                long taskStart = System.nanoTime();
                slot.run = model.start(task, new TaskListener() {
                    @Override
                    public void onSuccess(TaskResult result) {
                        TaskResult expected = TaskResult.expected(task);
                        if (result.equals(expected)) {
                            succeeded.incrementAndGet();
                            bytes.addAndGet(result.bytes());
                            end(null);
                        } else {
                            end(new IllegalStateException(model.name() + " returned " + result + ", expected " + expected));
                        }
                    }

                    @Override
                    public void onFailure(Throwable error) {
                        end(error);
                    }

                    @Override
                    public void onRetry(Throwable error) {
                        retries.incrementAndGet();
                    }

                    private void end(Throwable error) {
                        inFlight.remove(slot);
                        if (error != null && stopped.get()) {
                            cancelled.incrementAndGet();
                        } else if (error != null) {
                            failed.incrementAndGet();
                            if (failures.size() < KEPT_FAILURES) {
                                failures.add(error);
                            }
                            if (stopOnFailure && stopped.compareAndSet(false, true)) {
                                // on a thread of its own: this one may be a model's event loop, inside a task's callback
                                Thread.ofVirtual().name("batch-stop").start(() -> inFlight.forEach(InFlight::cancel));
                            }
                        }
                        observer.finished(task, System.nanoTime() - taskStart, error);
                        running.decrementAndGet();
                        finished.incrementAndGet();
                        permits.release();
                    }
                });
                if (stopped.get()) {
                    // the stop may have cancelled the tasks in flight before this one joined them
                    slot.cancel();
                }
            }
            // every permit back means no task is in flight
            if (!permits.tryAcquire(concurrency, Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw timedOut(model, tasks, concurrency, timeout, finished, inFlight);
            }
        } catch (InterruptedException e) {
            inFlight.forEach(InFlight::cancel);
            Thread.currentThread().interrupt();
            throw new BatchTimeoutException("interrupted while running " + model.name());
        }
        return new Result(tasks, concurrency, succeeded.get(), failed.get(), List.copyOf(failures), bytes.get(), peak.get(),
                Duration.ofNanos(System.nanoTime() - start), retries.get(), cancelled.get());
    }

    private static BatchTimeoutException timedOut(ConcurrencyModel model, int tasks, int concurrency, Duration timeout,
                                                  AtomicInteger finished, Set<InFlight> inFlight) {
        int stuck = inFlight.size();
        inFlight.forEach(InFlight::cancel);
        return new BatchTimeoutException(model.name() + " did not finish " + tasks + " tasks (" + concurrency + " in flight) within "
                + timeout.toMillis() + " ms: " + finished.get() + " finished, " + stuck + " in flight were cancelled");
    }

    /** A started task, until its listener is called; the run is set once {@code start} returns. */
    private static final class InFlight {
        volatile TaskRun run;

        void cancel() {
            TaskRun r = run;
            if (r != null) {
                r.cancel();
            }
        }
    }
}
