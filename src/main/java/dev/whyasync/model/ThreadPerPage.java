package dev.whyasync.model;

import dev.whyasync.http.BlockingTransport;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Thread-per-task-and-page plumbing shared by {@link ThreadsModel} and {@link VirtualThreadModel}, so
 * that the two differ in exactly one thing, the kind of thread: it starts the task's thread, which
 * runs {@link ForkedPages}, and remembers it until it ends so that {@link #close()} can wait for it.
 */
final class ThreadPerPage implements AutoCloseable {
    private final BlockingTransport transport;
    private final ModelConfig config;
    private final Set<Thread> taskThreads = ConcurrentHashMap.newKeySet();

    ThreadPerPage(ModelConfig config) {
        this.transport = new BlockingTransport(config.client());
        this.config = config;
    }

    TaskRun start(Task task, TaskListener listener, Thread.Builder taskThread, Thread.Builder pageThreads) {
        ForkedPages pages = new ForkedPages(transport, config, task);
        Thread thread = taskThread.unstarted(() -> {
            try {
                pages.run(pageThreads, listener);
            } finally {
                taskThreads.remove(Thread.currentThread());
            }
        });
        taskThreads.add(thread);
        thread.start();
        return pages;
    }

    /** Aborts every download in flight, then waits for every task thread (and so its page threads) to end. */
    @Override
    public void close() {
        transport.close();
        Joins.joinAll(taskThreads);
    }
}
