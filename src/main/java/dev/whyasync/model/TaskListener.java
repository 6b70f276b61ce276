package dev.whyasync.model;

/** Receives the outcome of one task, exactly once, on whatever thread finished it. */
public interface TaskListener {

    void onSuccess(TaskResult result);

    void onFailure(Throwable error);
}
