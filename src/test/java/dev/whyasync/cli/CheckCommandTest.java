package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.fixture.DelayProxyProcess;
import dev.whyasync.fixture.Fault;
import dev.whyasync.fixture.FixtureProcess;
import dev.whyasync.fixture.LinkShape;
import dev.whyasync.fixture.PageServer;
import dev.whyasync.model.ModelKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code check} against external targets: a second fixture process on another loopback address,
 * the same through the delay proxy, a server that answers wrong bytes, and an address where
 * nothing listens.
 */
@Timeout(120)
class CheckCommandTest {
    private static final String SECOND_HOST = "127.0.0.2";
    private static FixtureProcess fixture;

    @BeforeAll
    static void startSecondFixture() {
        fixture = FixtureProcess.start(SECOND_HOST, 0, 1);
    }

    @AfterAll
    static void stopSecondFixture() {
        fixture.close();
    }

    @Test
    void everyModelDownloadsCorrectPagesFromAFixtureOnAnotherAddress() {
        long pagesBefore = fixture.stats().pageRequests();
        CommandLine result = CommandLine.run("check", "--target", fixture.baseUri().toString(), "--tasks", "30");
        assertEquals(0, result.status(), result.out() + result.err());
        assertEveryModelOk(result.out(), 30);
        assertEquals(ModelKind.values().length * 30 * 2, fixture.stats().pageRequests() - pagesBefore,
                "the pages came from the fixture on " + SECOND_HOST);
    }

    @Test
    void everyModelDownloadsCorrectPagesThroughTheDelayProxy() {
        try (DelayProxyProcess proxy = DelayProxyProcess.start("127.0.0.1", fixture.baseUri(), new LinkShape(5, 0))) {
            long pagesBefore = fixture.stats().pageRequests();
            CommandLine result = CommandLine.run("check", "--target", proxy.baseUri().toString(), "--tasks", "20",
                    "--size", "65536");
            assertEquals(0, result.status(), result.out() + result.err());
            assertEveryModelOk(result.out(), 20);
            assertEquals(ModelKind.values().length * 20 * 2, fixture.stats().pageRequests() - pagesBefore);
        }
    }

    @Test
    void wrongBytesFailTheCheck() throws Exception {
        try (ServerSocket liar = new ServerSocket(0, 50, InetAddress.getByName(SECOND_HOST))) {
            Thread.ofPlatform().daemon().name("wrong-bytes-server").start(() -> answerWrongBytes(liar));
            CommandLine result = CommandLine.run("check", "--target", "http://" + SECOND_HOST + ":" + liar.getLocalPort(),
                    "--tasks", "4", "--models", "futures,virtual");
            assertEquals(1, result.status(), result.out() + result.err());
            for (String model : List.of("futures", "virtual")) {
                assertTrue(result.out().lines().anyMatch(line -> line.matches("  " + model + " +FAILED +0/4 tasks, [1-4] errors?(, [0-3] cancelled)?, "
                        + ".*; stopped at the first failed task: BAD_BODY .*checksum.*")), result.out());
            }
            assertTrue(result.out().contains("2 of 2 models failed"), result.out());
        }
    }

    @Test
    void aServerThatNeverFinishesABodyStopsEachModelAtItsFirstFailedTask() {
        try (PageServer hanging = PageServer.start(SECOND_HOST, 0, 1, Fault.HANG)) {
            CommandLine result = CommandLine.run("check", "--target", hanging.baseUri().toString(), "--timeout", "1");
            assertEquals(1, result.status(), result.out() + result.err());
            for (String model : ModelKind.names()) {
                String line = result.out().lines().filter(l -> l.startsWith("  " + model + " ")).findFirst().orElseThrow();
                assertTrue(line.matches("  " + model + " +FAILED +0/50 tasks, [1-8] errors?(, [0-7] cancelled)?, [0-9.]+ s; "
                        + "stopped at the first failed task: TIMEOUT http://.*: no complete response within 1000 ms"), line);
                // one timeout of 1 s; without the stop a pool of 2 threads meets 8 in turn, and 50 tasks make 7 waves
                assertTrue(seconds(line) < 3, line);
            }
            // 8 tasks in flight when the first fails, none started after it; without the stop: 50 per model
            assertTrue(hanging.stats().pageRequests() <= ModelKind.values().length * 8 * 2,
                    hanging.stats().pageRequests() + " pages asked for");
        }
    }

    @Test
    void aContentLengthThatContradictsThePageSizeFailsAtTheHeadersInBothTransports() {
        try (PageServer lying = PageServer.start(SECOND_HOST, 0, 1, Fault.LENGTH)) {
            // sequential uses the blocking transport, callbacks the Netty one; the timeout is the default 5 s
            CommandLine result = CommandLine.run("check", "--target", lying.baseUri().toString(), "--models", "sequential,callbacks");
            assertEquals(1, result.status(), result.out() + result.err());
            for (String model : List.of("sequential", "callbacks")) {
                String line = result.out().lines().filter(l -> l.startsWith("  " + model + " ")).findFirst().orElseThrow();
                assertTrue(line.matches("  " + model + " +FAILED .*; stopped at the first failed task: BAD_BODY http://"
                        + Pattern.quote(SECOND_HOST + ":" + lying.port()) + "/page/[0-9]+\\?size=1024&delay=0: Content-Length 1025 "
                        + "contradicts the page size asked for, 1024 bytes"), line);
                assertTrue(seconds(line) < 2.5, model + " waited for the body: " + line);
            }
        }
    }

    @Test
    void anUnreachableTargetIsOneLineAndStatus2() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(SECOND_HOST))) {
            port = probe.getLocalPort();
        }
        CommandLine result = CommandLine.run("check", "--target", "http://" + SECOND_HOST + ":" + port);
        assertEquals(2, result.status());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("whyasync: cannot reach " + SECOND_HOST + ":" + port + " (Connection refused); "
                + "start a server there"), result.err());
        assertEquals("", result.out());
    }

    @Test
    void aTargetWithoutSchemeOrAnUnknownModelIsRefused() {
        CommandLine noScheme = CommandLine.run("check", "--target", SECOND_HOST + ":8080");
        assertEquals(2, noScheme.status());
        assertTrue(noScheme.err().startsWith("whyasync: bad value '127.0.0.2:8080' for --target of check: expected "
                + "http://host:port"), noScheme.err());
        CommandLine unknown = CommandLine.run("check", "--target", fixture.baseUri().toString(), "--models", "futures,virtaul");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("whyasync: unknown model 'virtaul' for --models of check; did you mean virtual?"),
                unknown.err());
    }

    /** The time a model's line reports. */
    private static double seconds(String line) {
        return Double.parseDouble(line.replaceAll(".* ([0-9.]+) s;.*", "$1"));
    }

    /** Every model has an ok line with all {@code tasks} done and no error, and the summary says so. */
    static void assertEveryModelOk(String out, int tasks) {
        List<String> lines = out.lines().toList();
        for (String model : ModelKind.names()) {
            Pattern ok = Pattern.compile("  " + model + " +ok +" + tasks + "/" + tasks + " tasks, 0 errors, [0-9.]+ s");
            assertTrue(lines.stream().map(ok::matcher).anyMatch(Matcher::matches), "no ok line for " + model + " in:\n" + out);
        }
        assertEquals("all " + ModelKind.values().length + " models ok", lines.get(lines.size() - 1));
    }

    /** Answers every request with the right status and length but bytes no page has, then closes. */
    private static void answerWrongBytes(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                String head = readHead(socket.getInputStream());
                Matcher size = Pattern.compile("size=(\\d+)").matcher(head);
                int length = size.find() ? Integer.parseInt(size.group(1)) : 0;
                OutputStream out = socket.getOutputStream();
                out.write(("HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(new byte[length]);
                out.flush();
            } catch (IOException closedOrReset) {
                // the next connection, or the end of the test
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }
}
