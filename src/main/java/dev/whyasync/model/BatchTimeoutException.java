package dev.whyasync.model;

/** A batch that did not finish in time; its unfinished tasks have been cancelled. */
public final class BatchTimeoutException extends RuntimeException {

    public BatchTimeoutException(String message) {
        super(message);
    }
}
