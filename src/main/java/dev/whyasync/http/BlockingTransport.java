package dev.whyasync.http;

import java.io.IOException;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * The transport of the blocking models (sequential, threads, pool, virtual): {@code java.net.Socket}
 * with the shared codec. With keep-alive, connections go back to a stack of idle lanes after a
 * complete response, so C tasks in flight settle on about 2C connections; otherwise each page gets a
 * fresh connection. The calling thread blocks for the whole exchange; that is the point of these models.
 */
public final class BlockingTransport implements AutoCloseable {
    private final ClientConfig config;
    private final Deque<BlockingConnection> idle = new ConcurrentLinkedDeque<>();
    private final Set<BlockingConnection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public BlockingTransport(ClientConfig config) {
        this.config = config;
    }

    public ClientConfig config() {
        return config;
    }

    /** Downloads and verifies one page on the calling thread. */
    public Page get(PageRequest request) {
        return call(request).execute();
    }

    /** A download that can be {@linkplain BlockingCall#abort() aborted} from another thread. */
    public BlockingCall call(PageRequest request) {
        return new BlockingCall(this, request);
    }

    /** How many connections are open now, idle or busy. */
    public int openConnections() {
        return open.size();
    }

    Page execute(BlockingCall call) {
        PageRequest request = call.request();
        String url = config.url(request);
        long deadline = System.nanoTime() + config.requestTimeout().toNanos();
        BlockingConnection connection = borrow(url);
        try {
            if (!call.attach(connection) || closed) {
                throw DownloadErrors.cancelled(url);
            }
            Page page = connection.exchange(config, request, deadline);
            if (connection.reusable() && !closed && !call.aborted()) {
                idle.push(connection);
                connection = null;
            }
            return page;
        } catch (PageDownloadException e) {
            throw call.aborted() ? DownloadErrors.cancelled(url) : e;
        } catch (IOException | RuntimeException e) {
            throw call.aborted() || closed ? DownloadErrors.cancelled(url) : DownloadErrors.ioFailed(url, e);
        } finally {
            call.detach();
            if (connection != null) {
                discard(connection);
            }
        }
    }

    private BlockingConnection borrow(String url) {
        if (closed) {
            throw DownloadErrors.cancelled(url);
        }
        BlockingConnection reused = idle.poll();
        if (reused != null) {
            return reused;
        }
        try {
            BlockingConnection fresh = BlockingConnection.open(config);
            open.add(fresh);
            return fresh;
        } catch (IOException e) {
            throw DownloadErrors.connectFailed(url, e);
        }
    }

    private void discard(BlockingConnection connection) {
        open.remove(connection);
        connection.close();
    }

    /** Closes idle connections and aborts busy ones; their threads see {@code CANCELLED}. */
    @Override
    public void close() {
        closed = true;
        for (BlockingConnection c; (c = idle.poll()) != null; ) {
            discard(c);
        }
        open.forEach(BlockingConnection::abort);
    }
}
