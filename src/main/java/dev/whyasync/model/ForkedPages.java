package dev.whyasync.model;

import dev.whyasync.http.BlockingCall;
import dev.whyasync.http.BlockingTransport;
import dev.whyasync.http.Page;
import dev.whyasync.http.PageDownloadException;
import java.util.List;

/**
 * A task as plain blocking code, shared by the platform-thread and virtual-thread models, which
 * differ only in the kind of thread: the task's thread starts one thread per page, joins both and
 * combines them. A failing page aborts its sibling, so the join never waits out a second timeout.
 */
final class ForkedPages implements TaskRun {
    private final Task task;
    private final BlockingCall first;
    private final BlockingCall second;
    private volatile Page firstPage;
    private volatile Page secondPage;
    private volatile RuntimeException failure;

    ForkedPages(BlockingTransport transport, Task task) {
        this.task = task;
        this.first = transport.call(task.first());
        this.second = transport.call(task.second());
    }

    /** Runs on the task's thread: fork a thread per page, join both, report. */
    void run(Thread.Builder pageThreads, TaskListener listener) {
        Thread a = pageThreads.start(() -> firstPage = download(first, second));
        Thread b = pageThreads.start(() -> secondPage = download(second, first));
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

    private Page download(BlockingCall call, BlockingCall sibling) {
        try {
            return call.execute();
        } catch (RuntimeException e) {
            synchronized (this) {
                if (failure == null) {
                    failure = e;
                }
            }
            sibling.abort();
            return null;
        }
    }

    @Override
    public void cancel() {
        first.abort();
        second.abort();
    }
}
