package dev.whyasync.bench;

/**
 * A benchmark asked for more platform threads or connections than this machine allows. Thrown
 * before any thread is started, so that the run stops with a sentence naming the limit and its
 * fix instead of an {@code OutOfMemoryError: unable to create native thread} halfway through.
 */
public final class LimitExceededException extends RuntimeException {

    private final String limit;
    private final long needed;
    private final long available;

    public LimitExceededException(String limit, long needed, long available, String message) {
        super(message);
        this.limit = limit;
        this.needed = needed;
        this.available = available;
    }

    /** The setting that binds, e.g. {@code vm.max_map_count}. */
    public String limit() {
        return limit;
    }

    public long needed() {
        return needed;
    }

    public long available() {
        return available;
    }
}
