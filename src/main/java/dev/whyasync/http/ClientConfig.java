package dev.whyasync.http;

import java.net.URI;
import java.time.Duration;

/**
 * Where and how the transports connect: the target server, keep-alive lanes or a fresh connection
 * per page, and the timeouts. {@code requestTimeout} bounds a whole response, not one read, so a
 * dripping server fails as surely as a stalled one.
 */
public record ClientConfig(URI target, boolean keepAlive, Duration connectTimeout, Duration requestTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);

    public ClientConfig {
        if (target.getHost() == null || target.getPort() <= 0 || !"http".equals(target.getScheme())) {
            throw new IllegalArgumentException("target must look like http://host:port, was " + target);
        }
    }

    public static ClientConfig of(URI target) {
        return new ClientConfig(target, true, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT);
    }

    public ClientConfig withKeepAlive(boolean keepAlive) {
        return new ClientConfig(target, keepAlive, connectTimeout, requestTimeout);
    }

    public ClientConfig withRequestTimeout(Duration timeout) {
        return new ClientConfig(target, keepAlive, connectTimeout, timeout);
    }

    public String host() {
        return target.getHost();
    }

    public int port() {
        return target.getPort();
    }

    public String url(PageRequest request) {
        return "http://" + host() + ":" + port() + request.path();
    }
}
