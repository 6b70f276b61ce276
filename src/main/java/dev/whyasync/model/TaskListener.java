package dev.whyasync.model;

/**
 * Receives the outcome of one task, exactly once, on whatever thread finished it; and before the
 * outcome, if the model retries, one {@link #onRetry} for each retry the task makes.
 */
public interface TaskListener {

    void onSuccess(TaskResult result);

    void onFailure(Throwable error);

    /**
     * A page of the task failed with {@code error} and is about to be downloaded again; called on
     * whatever thread decided so, never after the outcome. Ignored unless overridden.
     */
    default void onRetry(Throwable error) {
    }
}
