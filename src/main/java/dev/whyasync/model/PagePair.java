package dev.whyasync.model;

import dev.whyasync.http.Page;
import dev.whyasync.http.PageDownloadException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The join of a task's two pages for models that finish a task from whichever page completes last
 * (pool, callbacks): a countdown of two, the first failure wins and stops the sibling, and the
 * listener hears exactly one outcome. A page that a model retries arrives once, with its last attempt.
 */
final class PagePair {
    private final Task task;
    private final TaskListener listener;
    private final AtomicInteger pending = new AtomicInteger(2);
    private volatile Page first;
    private volatile Page second;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile Runnable stopBoth = () -> { };

    PagePair(Task task, TaskListener listener) {
        this.task = task;
        this.listener = listener;
    }

    /** What stops both downloads: run on the first failure or cancel, or at once if that came first. */
    void onStop(Runnable stop) {
        this.stopBoth = stop;
        if (failure.get() != null) {
            stop.run();
        }
    }

    void firstDone(Page page) {
        first = page;
        arrive();
    }

    void secondDone(Page page) {
        second = page;
        arrive();
    }

    void failed(Throwable error) {
        stop(error);
        arrive();
    }

    /** Whether the task has failed or been cancelled: a page that fails now must not try again. */
    boolean stopped() {
        return failure.get() != null;
    }

    /** Stops both downloads; they then fail and arrive, and the task reports {@code CANCELLED}. */
    void cancel() {
        stop(new PageDownloadException("task " + task.id(), PageDownloadException.Reason.CANCELLED, "task cancelled"));
    }

    private void stop(Throwable error) {
        if (failure.compareAndSet(null, error)) {
            stopBoth.run();
        }
    }

    private void arrive() {
        if (pending.decrementAndGet() > 0) {
            return;
        }
        Throwable error = failure.get();
        if (error != null) {
            listener.onFailure(error);
        } else {
            listener.onSuccess(TaskResult.combine(task.id(), first, second));
        }
    }
}
