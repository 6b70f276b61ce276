package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.whyasync.fixture.FixtureProcess;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * nginx as an external target: scripts/pages writes the fixture's pages as files and serves them
 * with nginx, and every model downloads and verifies them as it does from the fixture.
 */
@Timeout(300)
class NginxTargetTest {

    @Test
    void everyModelDownloadsCorrectPagesFromNginxServingThePageFiles() throws Exception {
        Path dir = Files.createTempDirectory("whyasync-nginx");
        try (FixtureProcess fixture = FixtureProcess.start("127.0.0.1", 0, 1)) {
            int port = freePort();
            String url = "http://127.0.0.1:" + port;
            ScriptRun up = ScriptRun.run(List.of(ScriptRun.script("scripts/pages"), "up", "--from", fixture.baseUri().toString(),
                    "--dir", dir.toString(), "--listen", "127.0.0.1:" + port, "--sizes", "1024,65536"),
                    Map.of(), Duration.ofMinutes(4));
            Assumptions.assumeFalse(up.status() == 2 && up.output().matches("(?s).*(nginx is missing|could not install).*"),
                    "no nginx on this machine and none could be installed: " + up.output());
            assertEquals(0, up.status(), up.output());
            long nginx = Long.parseLong(Files.readString(dir.resolve("nginx.pid")).trim());
            try {
                long pagesBefore = fixture.stats().pageRequests();
                CommandLine small = CommandLine.run("check", "--target", url, "--tasks", "30");
                assertEquals(0, small.status(), small.out() + small.err());
                CheckCommandTest.assertEveryModelOk(small.out(), 30);
                CommandLine large = CommandLine.run("check", "--target", url, "--tasks", "10", "--size", "65536",
                        "--models", "callbacks,virtual");
                assertEquals(0, large.status(), large.out() + large.err());
                assertTrue(large.out().contains("all 2 models ok"), large.out());
                assertEquals(pagesBefore, fixture.stats().pageRequests(), "the pages came from the fixture, not from nginx");
            } finally {
                ScriptRun down = ScriptRun.run(List.of(ScriptRun.script("scripts/pages"), "down", "--dir", dir.toString()),
                        Map.of(), Duration.ofSeconds(30));
                assertEquals(0, down.status(), down.output());
            }
            assertFalse(ScriptRun.running(nginx), "nginx outlived scripts/pages down");
            assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up), so that neither a later bind to
     * port 0 nor an outgoing connection of another test can take it between this probe and nginx.
     */
    private static int freePort() throws IOException {
        int first = 20000 + (int) (ProcessHandle.current().pid() % 10000);
        for (int i = 0; i < 10000; i++) {
            int port = 20000 + (first - 20000 + i) % 10000;
            try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("no free port in 20000-29999 on 127.0.0.1");
    }
}
