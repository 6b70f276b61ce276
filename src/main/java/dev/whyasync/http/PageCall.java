package dev.whyasync.http;

/** A non-blocking download in progress. */
public interface PageCall {

    /** Closes the download's connection; the callback then hears {@code CANCELLED} unless it already heard an outcome. */
    void cancel();
}
