package dev.whyasync.report.compare;

/** Two runs that share no benchmark and parameter set, so there is nothing to compare. */
public final class MismatchedRunsException extends Exception {
    public MismatchedRunsException(String message) {
        super(message);
    }
}
