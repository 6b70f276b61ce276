package dev.whyasync.model;

import dev.whyasync.http.ClientConfig;
import dev.whyasync.http.PageDownloadException;
import dev.whyasync.http.PageDownloadException.Reason;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a model is built: where its transport connects, how many runtime threads it may use
 * (pool size, Netty event loops, coroutine dispatcher threads, Pekko dispatcher threads;
 * {@code threads = 0} means the model's own default, usually the number of cores), and how many
 * times it may download a page again after a failure ({@code retries}, 0 = never).
 * <p>
 * Which failures deserve a retry is decided here, the same for every model, so that models differ
 * only in how they retry, each in its own idiom: a new request can cure a 500, a reset, a connection
 * closed early, a bad body or a timeout (the fixture draws its faults afresh for every request), but
 * not a refused connection, a protocol error, nor a cancel, which must stop a task, not restart it.
 */
public record ModelConfig(ClientConfig client, int threads, int retries) {
    private static final Set<Reason> CURABLE = EnumSet.of(Reason.STATUS, Reason.RESET, Reason.CLOSED_EARLY,
            Reason.BAD_BODY, Reason.TIMEOUT);

    public ModelConfig {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0 = the model's default), was " + threads);
        }
        if (retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0 (0 = none), was " + retries);
        }
    }

    public ModelConfig(ClientConfig client, int threads) {
        this(client, threads, 0);
    }

    public static ModelConfig of(ClientConfig client) {
        return new ModelConfig(client, 0);
    }

    public ModelConfig withRetries(int retriesPerPage) {
        return new ModelConfig(client, threads, retriesPerPage);
    }

    /** {@code threads}, or the number of available processors when it is 0. */
    public int threadsOrCores() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** Whether a new request for the same page can cure {@code error}. */
    public static boolean curable(Throwable error) {
        return error instanceof PageDownloadException e && CURABLE.contains(e.reason());
    }

    /** Whether a page that failed with {@code error} after {@code retriesMade} retries gets one more. */
    public boolean mayRetry(int retriesMade, Throwable error) {
        return retriesMade < retries && curable(error);
    }
}
