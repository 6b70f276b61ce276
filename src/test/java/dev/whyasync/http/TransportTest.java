package dev.whyasync.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.ResourceSnapshot;
import dev.whyasync.fixture.Fault;
import dev.whyasync.fixture.PageServer;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Both transports against the real fixture: the same pages, the same errors for the same faults. */
class TransportTest {
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(800);
    private static PageServer server;

    @BeforeAll
    static void startFixture() {
        server = PageServer.start("127.0.0.1", 0, 1);
    }

    @AfterAll
    static void stopFixture() {
        server.close();
    }

    /** A transport seen through one blocking call, whichever kind it is. */
    interface Client extends AutoCloseable {
        Page get(PageRequest request);

        /** Starts a download and cancels it after {@code afterMillis}; returns the error it ended with. */
        PageDownloadException cancelAfter(PageRequest request, long afterMillis) throws Exception;

        int openConnections();

        @Override
        void close();
    }

    static Stream<Arguments> transports() {
        Function<ClientConfig, Client> blocking = BlockingClient::new;
        Function<ClientConfig, Client> netty = NettyClient::new;
        return Stream.of(
                Arguments.of("blocking", true, blocking), Arguments.of("blocking", false, blocking),
                Arguments.of("netty", true, netty), Arguments.of("netty", false, netty));
    }

    private static ClientConfig config(boolean keepAlive) {
        return ClientConfig.of(server.baseUri()).withKeepAlive(keepAlive).withRequestTimeout(SHORT_TIMEOUT);
    }

    @ParameterizedTest(name = "{0} keepAlive={1}")
    @MethodSource("transports")
    void downloadsVerifiedPagesWithContentLengthAndChunkedBodies(String kind, boolean keepAlive, Function<ClientConfig, Client> factory) {
        try (Client client = factory.apply(config(keepAlive))) {
            for (int size : new int[] {0, 1, 1024, 65_536, 1 << 20}) {
                for (boolean chunked : new boolean[] {false, true}) {
                    PageRequest request = PageRequest.of(size % 1000, size, 0).withChunked(chunked);
                    Page page = client.get(request);
                    assertEquals(new Page(request.page(), size, request.expectedChecksum()), page, request.path());
                }
            }
        }
    }

    @ParameterizedTest(name = "{0} keepAlive={1}")
    @MethodSource("transports")
    void keepAliveReusesOneConnectionAndFreshOpensOneEach(String kind, boolean keepAlive, Function<ClientConfig, Client> factory) {
        long acceptedBefore = server.stats().acceptedConnections();
        try (Client client = factory.apply(config(keepAlive))) {
            for (int i = 0; i < 10; i++) {
                client.get(PageRequest.of(i, 100, 0));
            }
        }
        long accepted = server.stats().acceptedConnections() - acceptedBefore;
        assertEquals(keepAlive ? 1 : 10, accepted);
    }

    static Stream<Arguments> faults() {
        return transports().flatMap(t -> Stream.of(
                        new Object[] {Fault.STATUS_500, PageDownloadException.Reason.STATUS},
                        new Object[] {Fault.RESET, PageDownloadException.Reason.RESET},
                        new Object[] {Fault.STALL, PageDownloadException.Reason.TIMEOUT},
                        new Object[] {Fault.TRUNCATE, PageDownloadException.Reason.CLOSED_EARLY},
                        new Object[] {Fault.DRIP, PageDownloadException.Reason.TIMEOUT},
                        new Object[] {Fault.HANG, PageDownloadException.Reason.TIMEOUT},
                        new Object[] {Fault.LENGTH, PageDownloadException.Reason.BAD_BODY})
                .map(f -> Arguments.of(t.get()[0], t.get()[1], t.get()[2], f[0], f[1])));
    }

    @ParameterizedTest(name = "{0} keepAlive={1} {3}")
    @MethodSource("faults")
    void everyFaultIsATypedErrorWithinTheTimeout(String kind, boolean keepAlive, Function<ClientConfig, Client> factory,
                                                 Fault fault, PageDownloadException.Reason reason) {
        try (Client client = factory.apply(config(keepAlive))) {
            long start = System.nanoTime();
            PageRequest request = new PageRequest(3, 4096, 0, fault);
            PageDownloadException e = assertThrows(PageDownloadException.class, () -> client.get(request));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(reason, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains(request.path()), "names the URL: " + e.getMessage());
            assertTrue(millis < SHORT_TIMEOUT.toMillis() + 2000, "took " + millis + " ms");
            Page after = client.get(PageRequest.of(4, 1024, 0));
            assertEquals(1024, after.length(), "the transport still works after a fault");
        }
    }

    @ParameterizedTest(name = "{0} keepAlive={1}")
    @MethodSource("transports")
    void aContentLengthOtherThanThePageSizeFailsAtTheHeaders(String kind, boolean keepAlive, Function<ClientConfig, Client> factory) {
        Duration patient = Duration.ofSeconds(5);
        try (Client client = factory.apply(config(keepAlive).withRequestTimeout(patient))) {
            long start = System.nanoTime();
            PageDownloadException e = assertThrows(PageDownloadException.class,
                    () -> client.get(new PageRequest(5, 4096, 0, Fault.LENGTH)));
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(PageDownloadException.Reason.BAD_BODY, e.reason(), e.getMessage());
            assertTrue(e.getMessage().endsWith("Content-Length 4097 contradicts the page size asked for, 4096 bytes"), e.getMessage());
            // the body never ends, so only a check at the headers fails before the timeout
            assertTrue(millis < patient.toMillis() / 2, "took " + millis + " ms");
        }
    }

    @ParameterizedTest(name = "{0} keepAlive={1}")
    @MethodSource("transports")
    void unreachableTargetIsAConnectError(String kind, boolean keepAlive, Function<ClientConfig, Client> factory) throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        ClientConfig nowhere = ClientConfig.of(URI.create("http://127.0.0.1:" + closedPort)).withKeepAlive(keepAlive);
        try (Client client = factory.apply(nowhere)) {
            PageDownloadException e = assertThrows(PageDownloadException.class, () -> client.get(PageRequest.of(1, 10, 0)));
            assertEquals(PageDownloadException.Reason.CONNECT, e.reason(), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0} keepAlive={1}")
    @MethodSource("transports")
    void cancelClosesTheConnectionAtOnce(String kind, boolean keepAlive, Function<ClientConfig, Client> factory) throws Exception {
        ClientConfig slow = config(keepAlive).withRequestTimeout(Duration.ofSeconds(10));
        try (Client client = factory.apply(slow)) {
            long start = System.nanoTime();
            PageDownloadException e = client.cancelAfter(PageRequest.of(5, 1024, 5_000), 200);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertEquals(PageDownloadException.Reason.CANCELLED, e.reason(), e.getMessage());
            assertTrue(millis < 3_000, "cancel took " + millis + " ms");
            assertEquals(0, client.openConnections(), "the cancelled connection is closed");
        }
    }

    @ParameterizedTest(name = "{0} keepAlive={1}")
    @MethodSource("transports")
    void closeLeavesNoThreadOrSocketBehind(String kind, boolean keepAlive, Function<ClientConfig, Client> factory) throws Exception {
        ResourceSnapshot before = ResourceSnapshot.take();
        try (Client client = factory.apply(config(keepAlive))) {
            for (int i = 0; i < 5; i++) {
                client.get(PageRequest.of(i, 2048, 0));
            }
        }
        assertEquals("", ResourceSnapshot.leftoversSince(before, Duration.ofSeconds(5)));
    }

    private static final class BlockingClient implements Client {
        private final BlockingTransport transport;

        BlockingClient(ClientConfig config) {
            transport = new BlockingTransport(config);
        }

        @Override
        public Page get(PageRequest request) {
            return transport.get(request);
        }

        @Override
        public PageDownloadException cancelAfter(PageRequest request, long afterMillis) throws Exception {
            BlockingCall call = transport.call(request);
            CompletableFuture<PageDownloadException> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    call.execute();
                    return null;
                } catch (PageDownloadException e) {
                    return e;
                }
            });
            Thread.sleep(afterMillis);
            call.abort();
            return outcome.get(5, TimeUnit.SECONDS);
        }

        @Override
        public int openConnections() {
            return transport.openConnections();
        }

        @Override
        public void close() {
            transport.close();
        }
    }

    private static final class NettyClient implements Client {
        private final NettyTransport transport;

        NettyClient(ClientConfig config) {
            transport = new NettyTransport(config, 1);
        }

        @Override
        public Page get(PageRequest request) {
            CompletableFuture<Page> page = new CompletableFuture<>();
            transport.get(request, PageCallback.completing(page));
            try {
                return page.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                throw (PageDownloadException) e.getCause();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public PageDownloadException cancelAfter(PageRequest request, long afterMillis) throws Exception {
            CompletableFuture<Page> page = new CompletableFuture<>();
            PageCall call = transport.get(request, PageCallback.completing(page));
            Thread.sleep(afterMillis);
            call.cancel();
            try {
                page.get(5, TimeUnit.SECONDS);
                return null;
            } catch (ExecutionException e) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
                while (transport.openConnections() > 0 && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                return (PageDownloadException) e.getCause();
            }
        }

        @Override
        public int openConnections() {
            return transport.openConnections();
        }

        @Override
        public void close() {
            transport.close();
        }
    }
}
