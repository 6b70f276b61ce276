package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The proxy command refuses what it cannot do with one line, before any proxy starts. */
@Timeout(30)
class ProxyCommandTest {

    @Test
    void aMissingTargetIsRefused() {
        CommandLine result = CommandLine.run("proxy", "--delay", "10");
        assertEquals(2, result.status());
        assertEquals(List.of("whyasync: proxy needs --target <host:port>, the server it forwards to (see 'proxy --help')"),
                result.errLines());
    }

    @Test
    void aBandwidthBelowTheMinimumIsRefused() {
        CommandLine result = CommandLine.run("proxy", "--target", "127.0.0.1:8080", "--bandwidth", "10");
        assertEquals(2, result.status());
        assertEquals(List.of("whyasync: bad value '10' for --bandwidth of proxy: expected 0 (no cap) or bytes per second "
                + "from 1000 to 100000000000 (see 'proxy --help')"), result.errLines());
    }

    @Test
    void aListenPortInUseIsRefused() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            CommandLine result = CommandLine.run("proxy", "--target", "127.0.0.1:8080", "--listen", "127.0.0.1:" + port);
            assertEquals(2, result.status());
            assertEquals(List.of("whyasync: port " + port + " on 127.0.0.1 is already in use; stop what listens there "
                    + "or choose another with --listen (0 picks a free one)"), result.errLines());
        }
    }

    @Test
    void aTargetWithoutPortIsRefused() {
        CommandLine result = CommandLine.run("proxy", "--target", "http://127.0.0.1");
        assertEquals(2, result.status());
        assertEquals(List.of("whyasync: bad value 'http://127.0.0.1' for --target of proxy: expected host:port, "
                + "e.g. 127.0.0.1:8081 (see 'proxy --help')"), result.errLines());
    }
}
