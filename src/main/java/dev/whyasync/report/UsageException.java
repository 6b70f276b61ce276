package dev.whyasync.report;

/** A mistake in a command line or in what it asks for; the message is the one line the user sees. */
public final class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
