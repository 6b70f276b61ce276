package dev.whyasync.model;

/** A started task. */
public interface TaskRun {

    /**
     * Asks the task to stop: pending downloads are abandoned and their connections closed. The
     * listener then hears a {@code CANCELLED} failure unless the task had already finished.
     */
    void cancel();
}
