package dev.whyasync.http;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * One {@link Socket} to the server and its own instance of Netty's {@code HttpClientCodec}, run in
 * an {@link EmbeddedChannel}: the blocking transport reads and writes the socket itself and lets the
 * very codec the non-blocking transport uses turn bytes into HTTP messages, so both parse alike.
 * <p>
 * The connection reads into one buffer of {@link ClientConfig#READ_SIZE} bytes that it keeps for its
 * life, unless the codec takes it over ({@link #emptyReadBuffer}). The surprising fact: Netty's pooled
 * allocator gives a thread-local cache only to its own event-loop threads, so a buffer per read would
 * take the allocator's shared arena on every read of every platform or virtual thread, a cost the
 * Netty transport does not pay.
 */
final class BlockingConnection implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final EmbeddedChannel codec = new EmbeddedChannel(new HttpClientCodec());
    private ByteBuf readBuffer;
    private boolean reusable;

    private BlockingConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.readBuffer = newReadBuffer();
    }

    static BlockingConnection open(ClientConfig config) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(config.host(), config.port()), (int) config.connectTimeout().toMillis());
            return new BlockingConnection(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sends the request and reads until the response is complete or {@code deadlineNanos} passes. */
    Page exchange(ClientConfig config, PageRequest request, long deadlineNanos) throws IOException {
        String url = config.url(request);
        PageAssembler assembler = new PageAssembler(url, request);
        codec.writeOutbound(PageRequests.get(config, request));
        for (Object chunk; (chunk = codec.readOutbound()) != null; ) {
            writeAndRelease((ByteBuf) chunk);
        }
        out.flush();
        while (true) {
            ByteBuf buffer = emptyReadBuffer();
            int read;
            try {
                socket.setSoTimeout(remainingMillis(url, config, deadlineNanos));
                read = buffer.writeBytes(in, ClientConfig.READ_SIZE);
            } catch (SocketTimeoutException e) {
                throw DownloadErrors.timedOut(url, config.requestTimeout().toMillis());
            }
            if (read < 0) {
                throw assembler.closedEarly();
            }
            codec.writeInbound(buffer.retain());
            Page page = drain(assembler);
            if (page != null) {
                reusable = assembler.keepAlive() && config.keepAlive();
                return page;
            }
        }
    }

    /** Whether the last response left the connection open for another request. */
    boolean reusable() {
        return reusable && !socket.isClosed();
    }

    private Page drain(PageAssembler assembler) {
        Page page = null;
        for (Object message; (message = codec.readInbound()) != null; ) {
            try {
                Page done = assembler.accept((HttpObject) message);
                page = done != null ? done : page;
            } finally {
                ReferenceCountUtil.release(message);
            }
        }
        return page;
    }

    /**
     * The read buffer, emptied for the next read. The codec gives back its reference once it has
     * decoded a read, but a read that ends inside a header or chunk-size line leaves the codec keeping
     * the rest to prepend to the next read; that buffer is then the codec's, and the connection takes
     * a new one rather than overwrite those bytes.
     */
    private ByteBuf emptyReadBuffer() {
        if (readBuffer.refCnt() > 1) {
            readBuffer.release();
            readBuffer = newReadBuffer();
        }
        return readBuffer.clear();
    }

    private static ByteBuf newReadBuffer() {
        return PooledByteBufAllocator.DEFAULT.heapBuffer(ClientConfig.READ_SIZE);
    }

    private void writeAndRelease(ByteBuf chunk) throws IOException {
        try {
            chunk.readBytes(out, chunk.readableBytes());
        } finally {
            chunk.release();
        }
    }

    private static int remainingMillis(String url, ClientConfig config, long deadlineNanos) {
        long remaining = (deadlineNanos - System.nanoTime()) / 1_000_000;
        if (remaining <= 0) {
            throw DownloadErrors.timedOut(url, config.requestTimeout().toMillis());
        }
        return (int) Math.min(Integer.MAX_VALUE, remaining);
    }

    /** Closes the socket from any thread; a read blocked on it fails at once. */
    void abort() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing is best effort: the socket is unusable either way
        }
    }

    /** Closes the socket and frees the codec and the read buffer; only the thread using the connection calls this. */
    @Override
    public void close() {
        abort();
        codec.finishAndReleaseAll();
        readBuffer.release();
    }
}
