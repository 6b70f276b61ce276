package dev.whyasync.cli;

/**
 * The command cannot run as asked: a mistyped flag, a bad value, a port in use, a jar without
 * benchmarks. The message is one line that names the problem and the fix; the user sees it after
 * {@code whyasync: } and the process exits with status 2, never with a stack trace.
 */
public final class UsageException extends RuntimeException {

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
