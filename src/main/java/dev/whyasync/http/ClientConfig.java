package dev.whyasync.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Where and how the transports connect: the target server, keep-alive lanes or a fresh connection
 * per page, and the timeouts. {@code requestTimeout} bounds a whole response, not one read, so a
 * dripping server fails as surely as a stalled one.
 */
public record ClientConfig(URI target, boolean keepAlive, Duration connectTimeout, Duration requestTimeout) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The most bytes one socket read asks for, in both transports: the blocking connection's read
     * buffer and the Netty channel's receive buffer have this size, so a page costs the same number
     * of reads whichever transport fetches it.
     */
    static final int READ_SIZE = 16 * 1024;

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

    /**
     * One TCP connect to the target, closed at once, so that a wrong address is one message before
     * a run instead of a flood of connect errors during it.
     *
     * @throws IOException "cannot reach host:port (why)"
     */
    public void requireReachable() throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host(), port()), (int) connectTimeout.toMillis());
        } catch (IOException e) {
            String why = e instanceof UnknownHostException ? "unknown host" : e.getMessage();
            throw new IOException("cannot reach " + host() + ":" + port() + " (" + why + ")", e);
        }
    }

    public String url(PageRequest request) {
        return "http://" + host() + ":" + port() + request.path();
    }
}
