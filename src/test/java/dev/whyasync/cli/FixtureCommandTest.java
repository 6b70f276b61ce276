package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

/** The fixture command refuses a host or port it cannot use before any server starts. */
@Timeout(30)
class FixtureCommandTest {

    @Test
    void aPortInUseIsRefusedWithOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            CommandLine result = CommandLine.run("fixture", "--port", Integer.toString(port));
            assertEquals(2, result.status());
            assertEquals(List.of("whyasync: port " + port + " on 127.0.0.1 is already in use; stop what listens there "
                    + "or choose another with --port (0 picks a free one)"), result.errLines());
            assertEquals("", result.out());
        }
    }

    @Test
    void aHostThatDoesNotResolveIsRefused() {
        CommandLine result = CommandLine.run("fixture", "--host", "no-such-host.invalid", "--port", "0");
        assertEquals(2, result.status());
        assertEquals(List.of("whyasync: unknown host 'no-such-host.invalid' for --host of fixture; give a name this machine "
                + "resolves or an address such as 127.0.0.1"), result.errLines());
    }

    @Test
    void anAddressOfAnotherMachineIsRefused() {
        // TEST-NET-1 (RFC 5737): never assigned to a local interface
        CommandLine result = CommandLine.run("fixture", "--host", "192.0.2.1", "--port", "18080");
        assertEquals(2, result.status());
        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("whyasync: cannot listen on 192.0.2.1:18080 ("), result.err());
    }
}
