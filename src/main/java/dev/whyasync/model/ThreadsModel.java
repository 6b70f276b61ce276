package dev.whyasync.model;

/**
 * A new platform (OS) thread for every task and for each of its two pages, joined: three OS threads
 * per task in flight, each with its own stack, created and destroyed per task. This is the model the
 * seed's first claims are about.
 */
public final class ThreadsModel implements ConcurrencyModel {
    /** OS threads a task in flight holds: its own and one per page. */
    public static final int THREADS_PER_TASK = 3;

    private final ThreadPerPage threads;

    public ThreadsModel(ModelConfig config) {
        this.threads = new ThreadPerPage(config);
    }

    @Override
    public String name() {
        return "threads";
    }

    @Override
    public TaskRun start(Task task, TaskListener listener) {
        return threads.start(task, listener,
                Thread.ofPlatform().name("whyasync-task-" + task.id()),
                Thread.ofPlatform().name("whyasync-page-" + task.id() + "-", 1));
    }

    @Override
    public void close() {
        threads.close();
    }
}
