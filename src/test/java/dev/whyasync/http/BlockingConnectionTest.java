package dev.whyasync.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.whyasync.fixture.PageBody;
import dev.whyasync.fixture.PageServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * The blocking connection reads every response into the one buffer it keeps for its life: many pages
 * on one connection, pages around and above the read size, and reads that end in the middle of a
 * header or chunk-size line, which the codec has to carry over to the next read.
 */
class BlockingConnectionTest {
    private static final int READ = ClientConfig.READ_SIZE;

    @AutoClose
    private static final PageServer server = PageServer.start("127.0.0.1", 0, 1);

    @Test
    void oneConnectionCarriesManyPagesAroundAndAboveTheReadSize() {
        long acceptedBefore = server.stats().acceptedConnections();
        try (BlockingTransport transport = new BlockingTransport(ClientConfig.of(server.baseUri()))) {
            int page = 0;
            for (int round = 0; round < 3; round++) {
                for (int size : new int[] {0, 1, READ - 1, READ, READ + 1, 5 * READ + 7, PageBody.MAX_SIZE}) {
                    for (boolean chunked : new boolean[] {false, true}) {
                        PageRequest request = PageRequest.of(page++, size, 0).withChunked(chunked);
                        Page expected = new Page(request.page(), size, request.expectedChecksum());
                        assertEquals(expected, transport.get(request), request.path());
                    }
                }
            }
            assertEquals(1, transport.openConnections());
        }
        assertEquals(1, server.stats().acceptedConnections() - acceptedBefore, "every page on the one keep-alive connection");
    }

    @Test
    void readsThatEndInsideAHeaderOrChunkSizeLineStillGiveTheRightPages() throws Exception {
        int size = 2 * READ + 300;
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> serveInPieces(listener, 3, size));
            ClientConfig config = ClientConfig.of(URI.create("http://127.0.0.1:" + listener.getLocalPort()))
                    .withRequestTimeout(Duration.ofSeconds(10));
            try (BlockingTransport transport = new BlockingTransport(config)) {
                for (int page = 0; page < 3; page++) {
                    PageRequest request = PageRequest.of(page, size, 0).withChunked(true);
                    assertEquals(new Page(page, size, request.expectedChecksum()), transport.get(request));
                }
            }
            served.get(10, TimeUnit.SECONDS);
        }
    }

    /** Answers {@code pages} requests on one connection, each in pieces cut inside lines, with a pause after each piece. */
    private static void serveInPieces(ServerSocket listener, int pages, int size) {
        try (Socket socket = listener.accept()) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            for (int page = 0; page < pages; page++) {
                readRequestHead(in);
                for (byte[] piece : chunkedResponseInPieces(PageBody.bytes(page, size))) {
                    out.write(piece);
                    out.flush();
                    Thread.sleep(30);
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("the piecewise server failed", e);
        }
    }

    /**
     * A chunked response whose first chunk is larger than a read, cut inside a header, inside each
     * chunk-size line, between a chunk and its line end, and inside the last chunk.
     */
    private static List<byte[]> chunkedResponseInPieces(byte[] body) {
        int first = READ + 100;
        String firstSize = Integer.toHexString(first);
        String secondSize = Integer.toHexString(body.length - first);
        ByteArrayOutputStream firstChunk = new ByteArrayOutputStream();
        firstChunk.writeBytes(ascii(firstSize.substring(1) + "\r\n"));
        firstChunk.write(body, 0, first);
        firstChunk.writeBytes(ascii("\r"));
        ByteArrayOutputStream secondChunk = new ByteArrayOutputStream();
        secondChunk.writeBytes(ascii("\n" + secondSize + "\r\n"));
        secondChunk.write(body, first, body.length - first);
        secondChunk.writeBytes(ascii("\r\n0\r"));
        return List.of(
                ascii("HTTP/1.1 200 OK\r\nTransfer-Enc"),
                ascii("oding: chunked\r\n\r\n" + firstSize.charAt(0)),
                firstChunk.toByteArray(),
                secondChunk.toByteArray(),
                ascii("\n\r\n"));
    }

    private static void readRequestHead(InputStream in) throws IOException {
        int matched = 0;
        byte[] end = ascii("\r\n\r\n");
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the client closed before a whole request");
            }
            matched = b == end[matched] ? matched + 1 : b == end[0] ? 1 : 0;
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
