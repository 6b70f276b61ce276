package dev.whyasync.model;

import dev.whyasync.http.ClientConfig;

/**
 * How a model is built: where its transport connects and how many runtime threads it may use
 * (pool size, Netty event loops, coroutine dispatcher threads, Pekko dispatcher threads);
 * {@code threads = 0} means the model's own default, usually the number of cores.
 */
public record ModelConfig(ClientConfig client, int threads) {

    public ModelConfig {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must be >= 0 (0 = the model's default), was " + threads);
        }
    }

    public static ModelConfig of(ClientConfig client) {
        return new ModelConfig(client, 0);
    }

    /** {@code threads}, or the number of available processors when it is 0. */
    public int threadsOrCores() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
