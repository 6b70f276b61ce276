package dev.whyasync.http;

import java.util.concurrent.atomic.AtomicReference;

/**
 * One blocking download that another thread can abort: aborting closes its socket, which is the only
 * thing that wakes a platform thread blocked in a socket read (interrupting it does not).
 */
public final class BlockingCall {
    private final BlockingTransport transport;
    private final PageRequest request;
    private final AtomicReference<BlockingConnection> connection = new AtomicReference<>();
    private volatile boolean aborted;

    BlockingCall(BlockingTransport transport, PageRequest request) {
        this.transport = transport;
        this.request = request;
    }

    /** Downloads and verifies the page on the calling thread. */
    public Page execute() {
        return transport.execute(this);
    }

    /** Stops the download: {@link #execute()} then fails with {@code CANCELLED}. */
    public void abort() {
        aborted = true;
        BlockingConnection current = connection.get();
        if (current != null) {
            current.abort();
        }
    }

    PageRequest request() {
        return request;
    }

    boolean aborted() {
        return aborted;
    }

    /** Binds the connection; false when the call was aborted meanwhile (the caller then discards it). */
    boolean attach(BlockingConnection c) {
        connection.set(c);
        return !aborted;
    }

    void detach() {
        connection.set(null);
    }
}
