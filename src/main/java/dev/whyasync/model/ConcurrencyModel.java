package dev.whyasync.model;

/**
 * One way of running the "download two pages concurrently" task. A model starts a task without
 * blocking the caller (except the sequential control, which runs it in place), reports the result
 * once to the listener, can cancel it, and owns every thread, event loop, actor system and socket it
 * creates until {@link #close()}.
 */
public interface ConcurrencyModel extends AutoCloseable {

    /** The model's name as used in parameters and reports, e.g. {@code virtual}. */
    String name();

    /**
     * Starts one task. The listener is called exactly once, with the combined result or with the
     * first failure (a {@link dev.whyasync.http.PageDownloadException} for download failures).
     */
    TaskRun start(Task task, TaskListener listener);

    /**
     * Stops the model's threads and closes its connections, and waits until they are gone. Tasks still
     * in flight end with a {@code CANCELLED} failure; their listeners hear it before or during close.
     */
    @Override
    void close();
}
