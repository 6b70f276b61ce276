package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.whyasync.fixture.JvmWarnings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * {@code whyasync bench ...} in a JVM of its own, on the test classpath (so that it finds the test
 * benchmarks), as a user would run it: its output is read line by line, and every process that
 * appears below it (JMH forks, fixture JVMs) is noted as it appears, so that a test can strike one
 * down and can check afterwards that none outlived the run, orphans included.
 */
final class BenchProcess implements AutoCloseable {
    /** The test suite: four units, each with a fixture of its own. */
    static final String SUITE = "^dev\\.whyasync\\.cli\\.PageFetchBenchmark\\.";
    static final String FORK = "org.openjdk.jmh.runner.ForkedMain";
    static final String FIXTURE = "dev.whyasync.fixture.PageServer";
    private static final Duration LINE_PATIENCE = Duration.ofSeconds(90);

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final BlockingQueue<String> unread = new LinkedBlockingQueue<>();
    /** Every process seen below the launcher, with its command line as last seen. */
    private final Map<ProcessHandle, String> seen = new ConcurrentHashMap<>();
    private final Thread reader;
    private final Thread watcher;

    private BenchProcess(Process process) {
        this.process = process;
        reader = Thread.ofPlatform().daemon().start(this::read);
        watcher = Thread.ofPlatform().daemon().start(this::watch);
    }

    static BenchProcess start(Path results, String... args) throws IOException {
        return start(results, List.of(), args);
    }

    /** The same with more options for the launcher's JVM, such as {@code -Dstdout.encoding=US-ASCII}. */
    static BenchProcess start(Path results, List<String> jvmOptions, String... args) throws IOException {
        // a runner started in the background hands its children SIGINT ignored, and a JVM that starts with
        // SIGINT ignored keeps it so: GNU env restores the default, so that Ctrl-C reaches the launcher as in a terminal
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // another JMH run on this machine must not make these runs wait or fail; a known blackhole
                // mode spares JMH two probing JVMs per unit
                "-Djmh.ignoreLock=true", "-Djmh.blackhole.mode=COMPILER", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        // as scripts/bench starts the launcher: JMH itself calls sun.misc.Unsafe in the launcher's JVM
        command.addAll(JvmWarnings.quietOptions(Runtime.version().feature()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "bench"));
        command.addAll(List.of(args));
        command.addAll(List.of("--results", results.toString()));
        return new BenchProcess(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    long pid() {
        return process.pid();
    }

    /** Waits for the next line that {@code wanted} accepts, skipping the others. */
    String awaitLine(Predicate<String> wanted, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LINE_PATIENCE.toNanos();
        while (true) {
            String line = unread.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                fail("no line " + what + " within " + LINE_PATIENCE.toSeconds() + " s; the output:\n" + output());
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }

    String awaitLineStarting(String prefix) throws InterruptedException {
        return awaitLine(line -> line.startsWith(prefix), "starting with '" + prefix + "'");
    }

    /** The live process below the launcher whose command line names {@code mainClass}. */
    ProcessHandle descendant(String mainClass) {
        return process.descendants().filter(p -> commandLine(p).contains(mainClass)).findFirst()
                .orElseGet(() -> fail("no " + mainClass + " process below the launcher; seen: " + seen.values()));
    }

    /** Sends SIGINT to the launcher alone, as Ctrl-C would (a terminal sends it to the whole group). */
    void interrupt() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -INT failed");
    }

    int awaitExit(Duration patience) throws InterruptedException {
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            fail("the run did not end within " + patience.toSeconds() + " s; the output:\n" + output());
        }
        reader.join(5_000);
        return process.exitValue();
    }

    /** Checks that every process seen below the launcher, forks and fixtures alike, is gone within {@code patience}. */
    void assertNoProcessLeft(Duration patience) throws InterruptedException {
        watcher.join(5_000);
        long deadline = System.nanoTime() + patience.toNanos();
        List<String> alive = alive();
        while (!alive.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
            alive = alive();
        }
        assertTrue(alive.isEmpty(), "still running " + patience.toSeconds() + " s after the run: " + alive);
        assertTrue(seen.values().stream().anyMatch(command -> command.contains(FORK))
                && seen.values().stream().anyMatch(command -> command.contains(FIXTURE)),
                "the watch saw no fork or no fixture, so it proves nothing: " + seen.values());
    }

    synchronized String output() {
        return String.join("\n", lines);
    }

    /** Ends whatever a failed test left running, and keeps the run's output in the test's report. */
    @Override
    public void close() {
        System.out.println(output());
        seen.keySet().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private List<String> alive() {
        return seen.entrySet().stream().filter(p -> p.getKey().isAlive()).map(p -> p.getKey().pid() + " " + p.getValue())
                .toList();
    }

    /**
     * The whole command line: {@link ProcessHandle.Info#commandLine()} cuts a long one short, before
     * the main class that follows a long classpath, so Linux's own record is read where there is one.
     */
    private static String commandLine(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').strip();
        } catch (IOException | UnsupportedOperationException e) {
            return process.info().commandLine().orElse("?");
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (this) {
                    lines.add(line);
                }
                unread.add(line);
            }
        } catch (IOException e) {
            // the launcher is gone; its output ends here
        }
    }

    private void watch() {
        while (process.isAlive()) {
            // a child starts as the JDK's spawn helper and becomes java in the same process: look again each time
            process.descendants().forEach(p -> {
                String command = commandLine(p);
                if (command.isBlank() || command.equals("?")) {
                    seen.putIfAbsent(p, "?");
                } else {
                    seen.put(p, command);
                }
            });
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
