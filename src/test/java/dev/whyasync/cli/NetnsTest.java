package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.whyasync.fixture.PageServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A second host on this machine: scripts/netns makes two network namespaces joined by a veth pair,
 * the fixture runs in one, {@code check} in the other, and every model downloads correct pages
 * across the link; down leaves no namespace behind. It needs root and a kernel that lets it create
 * namespaces; elsewhere it is skipped with the reason.
 */
@Timeout(300)
class NetnsTest {
    private static final String SERVER_IP = "10.77.0.1";
    private static final int PORT = 8080;

    @Test
    void everyModelDownloadsCorrectPagesFromAFixtureInAnotherNamespace() throws Exception {
        ScriptRun id = ScriptRun.run(List.of("id", "-u"), Map.of(), Duration.ofSeconds(10));
        Assumptions.assumeTrue(id.output().trim().equals("0"),
                "scripts/netns needs root; this runs as uid " + id.output().trim());
        // a name of its own, so that a second build on the machine cannot take these namespaces down
        String name = "wa-test" + ProcessHandle.current().pid();
        Map<String, String> env = Map.of("WHYASYNC_NETNS", name);
        ScriptRun up = ScriptRun.run(List.of(ScriptRun.script("scripts/netns"), "up"), env, Duration.ofSeconds(60));
        Assumptions.assumeFalse(up.status() == 2 && up.output().contains("cannot create network namespaces"),
                "this machine refuses network namespaces: " + up.output());
        assertEquals(0, up.status(), up.output());
        Process fixture = null;
        try {
            fixture = new ProcessBuilder("ip", "netns", "exec", name + "-server", java(), "--enable-native-access=ALL-UNNAMED",
                    "-cp", System.getProperty("java.class.path"), PageServer.class.getName(),
                    SERVER_IP, Integer.toString(PORT), "1")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String ready = new BufferedReader(new InputStreamReader(fixture.getInputStream(), StandardCharsets.UTF_8)).readLine();
            assertEquals(PageServer.READY_LINE + "http://" + SERVER_IP + ":" + PORT, ready);
            // not a connect from here: some sandboxes accept every outgoing connection at their gateway
            String namespace = ScriptRun.run(List.of("ip", "netns", "identify", Long.toString(fixture.pid())), Map.of(),
                    Duration.ofSeconds(10)).output().trim();
            assertEquals(name + "-server", namespace, "the fixture's network namespace");

            ScriptRun check = ScriptRun.run(List.of("ip", "netns", "exec", name + "-client", java(),
                    "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                    "check", "--target", "http://" + SERVER_IP + ":" + PORT, "--tasks", "20"), Map.of(), Duration.ofMinutes(3));
            assertEquals(0, check.status(), check.output());
            CheckCommandTest.assertEveryModelOk(check.output().lines().filter(line -> !line.startsWith("WARNING"))
                    .reduce("", (text, line) -> text + line + "\n"), 20);
        } finally {
            if (fixture != null) {
                fixture.getOutputStream().close();
                if (!fixture.waitFor(20, TimeUnit.SECONDS)) {
                    fixture.destroyForcibly().waitFor();
                }
            }
            ScriptRun down = ScriptRun.run(List.of(ScriptRun.script("scripts/netns"), "down"), env, Duration.ofSeconds(60));
            assertEquals(0, down.status(), down.output());
        }
        String left = ScriptRun.run(List.of("ip", "netns", "list"), Map.of(), Duration.ofSeconds(10)).output();
        assertFalse(left.contains(name + "-server") || left.contains(name + "-client"), "left behind:\n" + left);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
