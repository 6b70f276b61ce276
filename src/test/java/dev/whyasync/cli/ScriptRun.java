package dev.whyasync.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One finished command (a script, ip, a JVM in a namespace): its status and its output, stderr included. */
record ScriptRun(int status, String output) {

    /** Runs {@code command} in the checkout with {@code env} added; a command still running after {@code timeout} is killed. */
    static ScriptRun run(List<String> command, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("whyasync-script", ".log");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new ScriptRun(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** The path of a script of this checkout, e.g. {@code scripts/netns}. */
    static String script(String name) {
        return Path.of(name).toAbsolutePath().toString();
    }

    /**
     * Whether {@code pid} runs: a daemon a script started (nginx) is re-parented when the script ends,
     * and where nothing collects it, it stays a zombie that {@link ProcessHandle#isAlive} calls alive.
     */
    static boolean running(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return !stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (IOException gone) {
            return false;
        }
    }
}
