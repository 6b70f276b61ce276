package dev.whyasync.model;

import dev.whyasync.http.BlockingCall;
import dev.whyasync.http.BlockingTransport;
import dev.whyasync.http.Page;
import dev.whyasync.http.PageDownloadException;
import java.util.List;

/**
 * A task as plain blocking code, shared by the platform-thread and virtual-thread models, which
 * differ only in the kind of thread: the task's thread starts one thread per page, joins both and
 * combines them. A page thread retries its page in a loop around the blocking call. A failing page
 * aborts its sibling, so the join never waits out a second timeout, and neither a failed nor a
 * cancelled task starts another attempt.
 */
final class ForkedPages implements TaskRun {
    private final Task task;
    private final ModelConfig config;
    private final BlockingCall first;
    private final BlockingCall second;
    private volatile Page firstPage;
    private volatile Page secondPage;
    private volatile RuntimeException failure;
    private volatile boolean cancelled;

    ForkedPages(BlockingTransport transport, ModelConfig config, Task task) {
        this.task = task;
        this.config = config;
        this.first = transport.call(task.first());
        this.second = transport.call(task.second());
    }

    /** Runs on the task's thread: fork a thread per page, join both, report. */
    void run(Thread.Builder pageThreads, TaskListener listener) {
        Thread a = pageThreads.start(() -> firstPage = download(first, second, listener));
        Thread b = pageThreads.start(() -> secondPage = download(second, first, listener));
        try {
            a.join();
            b.join();
        } catch (InterruptedException e) {
            cancel();
            Joins.joinAll(List.of(a, b));
            failure = new PageDownloadException("task " + task.id(), PageDownloadException.Reason.CANCELLED, "interrupted");
        }
        if (failure != null) {
            listener.onFailure(failure);
        } else {
            listener.onSuccess(TaskResult.combine(task.id(), firstPage, secondPage));
        }
    }

    private Page download(BlockingCall call, BlockingCall sibling, TaskListener listener) {
        for (int retries = 0; ; retries++) {
            try {
                return call.execute();
            } catch (RuntimeException e) {
                if (cancelled || failure != null || !config.mayRetry(retries, e)) {
                    fail(e, sibling);
                    return null;
                }
                listener.onRetry(e);
            }
        }
    }

    private void fail(RuntimeException e, BlockingCall sibling) {
        synchronized (this) {
            if (failure == null) {
                failure = e;
            }
        }
        sibling.abort();
    }

    @Override
    public void cancel() {
        cancelled = true;
        first.abort();
        second.abort();
    }
}
