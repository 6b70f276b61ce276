package dev.whyasync.model;

/**
 * The code of {@link ThreadsModel}, line for line, on virtual threads: a virtual thread per task and
 * per page, joined. A blocked socket read unmounts the virtual thread from its carrier, so a few
 * carrier threads (one per core, or {@code -Djdk.virtualThreadScheduler.parallelism=N}) serve every
 * task in flight. The carrier count is JVM-wide, so it is chosen per JMH fork, not in the model config.
 */
public final class VirtualThreadModel implements ConcurrencyModel {
    private final ThreadPerPage threads;

    public VirtualThreadModel(ModelConfig config) {
        this.threads = new ThreadPerPage(config);
    }

    @Override
    public String name() {
        return "virtual";
    }

    @Override
    public TaskRun start(Task task, TaskListener listener) {
        return threads.start(task, listener,
                Thread.ofVirtual().name("whyasync-vtask-" + task.id()),
                Thread.ofVirtual().name("whyasync-vpage-" + task.id() + "-", 1));
    }

    @Override
    public void close() {
        threads.close();
    }
}
