package dev.whyasync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whyasync.bench.MachineLimits;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * {@code <run-id>.meta.json}: what a JMH result file does not say about its run: the JDK, OS,
 * cores, memory, source commit, profile, command line, start and end, and whether the run
 * completed. It is written once before the run (status incomplete, no end) and again after it, so
 * that a run killed halfway leaves a file that says so.
 */
record RunMeta(String runId, String status, String profile, List<String> arguments, String commandLine,
               String start, String end, Jdk jdk, Os os, int cores, long memoryBytes,
               String gitCommit, Boolean gitDirty, Limits limits) {

    static final String COMPLETE = "complete";
    static final String INCOMPLETE = "incomplete";
    private static final String UNKNOWN = "unknown";

    record Jdk(String version, String vendor, String home, String vm) {
    }

    record Os(String name, String version, String arch) {
    }

    /** What {@link MachineLimits} allows this machine: the largest concurrencies the thread models can reach. */
    record Limits(int maxPlatformThreads, int maxConnections, String summary) {
    }

    static RunMeta started(String runId, String profile, List<String> arguments, MachineLimits limits) {
        Path checkout = null;
        String commit = UNKNOWN;
        for (Path dir : sourceDirectories()) {
            Optional<String> head = git(dir, "rev-parse", "HEAD").flatMap(GitResult::output);
            if (head.isPresent()) {
                checkout = dir;
                commit = head.get();
                break;
            }
        }
        return new RunMeta(runId, INCOMPLETE, profile, List.copyOf(arguments),
                ProcessHandle.current().info().commandLine().orElse("whyasync " + String.join(" ", arguments)),
                now(), null,
                new Jdk(System.getProperty("java.version"), System.getProperty("java.vendor"), System.getProperty("java.home"),
                        System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version")),
                new Os(System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch")),
                limits.cores(), limits.memoryBytes(), commit, checkout == null ? null : dirty(checkout),
                new Limits(limits.maxPlatformThreads(), limits.maxConnections(), limits.describe()));
    }

    RunMeta finished(String finalStatus) {
        return new RunMeta(runId, finalStatus, profile, arguments, commandLine, start, now(), jdk, os, cores, memoryBytes,
                gitCommit, gitDirty, limits);
    }

    /** Writes beside the target and renames, so that a reader never sees half a file. */
    void write(Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), this);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String now() {
        return OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Where the commit can be asked: beside the jar (target/ inside the checkout), then the working directory. */
    private static List<Path> sourceDirectories() {
        List<Path> dirs = new ArrayList<>();
        try {
            Path code = Path.of(RunMeta.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            dirs.add(Files.isDirectory(code) ? code : code.toAbsolutePath().getParent());
        } catch (URISyntaxException | RuntimeException e) {
            // no code source (an unusual class loader): the working directory still counts
        }
        dirs.add(Path.of("").toAbsolutePath());
        return dirs;
    }

    /** {@code git diff --quiet}: 0 = tracked files as committed, 1 = changed; anything else = cannot tell. */
    private static Boolean dirty(Path checkout) {
        return git(checkout, "diff", "--quiet", "HEAD", "--").filter(r -> r.exit() <= 1).map(r -> r.exit() == 1).orElse(null);
    }

    /** The exit status and trimmed output of a git command that finished within 5 s, or nothing. */
    private static Optional<GitResult> git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                return Optional.empty();
            }
            try (InputStream stdout = process.getInputStream()) {
                String out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8).trim();
                return Optional.of(new GitResult(process.exitValue(), out));
            }
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            if (process != null) {
                process.destroy();
            }
        }
    }

    private record GitResult(int exit, String out) {
        Optional<String> output() {
            return exit == 0 ? Optional.of(out) : Optional.empty();
        }
    }
}
