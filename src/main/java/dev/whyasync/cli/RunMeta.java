package dev.whyasync.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.whyasync.bench.MachineLimits;
import dev.whyasync.fixture.NetworkPath;

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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code <run-id>.meta/meta.json}: what a JMH result file does not say about its run: the JDK, OS,
 * cores, memory, source commit, profile (with {@code --only}, {@code -p}, {@code --jvm-args},
 * {@code --jfr}, whether flame graphs are recorded and {@code --flame-engine}), command line, start
 * and end, each later resumption, and whether the run
 * completed. It is written once before the run (status incomplete, no end) and again after it, so
 * that a run killed halfway leaves a file that says so. Which units finished is not repeated here:
 * the result file itself says that.
 *
 * <p>A new field is a component here, a value in {@link #started} and a pass-through in
 * {@link #with}, the one place that copies a meta; readers skip fields they do not know.
 */
record RunMeta(String runId, String status, String profile, String only, Map<String, List<String>> params,
               List<String> arguments, String commandLine, String start, String end, Jdk jdk, Os os, int cores,
               long memoryBytes, String gitCommit, Boolean gitDirty, Limits limits, List<Resume> resumes,
               String networkPath, Integer minutes, List<String> jvmArgs, Boolean jfr, Boolean flame, String flameEngine) {

    static final String COMPLETE = "complete";
    static final String INCOMPLETE = "incomplete";
    private static final String UNKNOWN = "unknown";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    RunMeta {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
        resumes = resumes == null ? List.of() : List.copyOf(resumes);
        // a meta file from before --jvm-args and --jfr: none given
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        jfr = Boolean.TRUE.equals(jfr);
        // a meta file from before --flame: none recorded, whatever its profile
        flame = Boolean.TRUE.equals(flame);
    }

    record Jdk(String version, String vendor, String home, String vm) {
    }

    record Os(String name, String version, String arch) {
    }

    /** What {@link MachineLimits} allows this machine: the largest concurrencies the thread models can reach. */
    record Limits(int maxPlatformThreads, int maxConnections, String summary) {
    }

    /** A later {@code bench --resume} of the run: when, how, and on which JDK and commit. */
    record Resume(String start, String commandLine, String jdk, String gitCommit) {
    }

    static RunMeta started(String runId, SuiteChoice choice, List<String> arguments, MachineLimits limits) {
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
        return new RunMeta(runId, INCOMPLETE, choice.profile(), choice.only(), choice.params(), arguments,
                ProcessHandle.current().info().commandLine().orElse("whyasync " + String.join(" ", arguments)),
                now(), null,
                new Jdk(System.getProperty("java.version"), System.getProperty("java.vendor"), System.getProperty("java.home"),
                        System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version")),
                new Os(System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch")),
                limits.cores(), limits.memoryBytes(), commit, checkout == null ? null : dirty(checkout),
                new Limits(limits.maxPlatformThreads(), limits.maxConnections(), limits.describe()), List.of(),
                NetworkPath.of(choice.params()), choice.minutes(), choice.jvmArgs(), choice.jfr(), choice.recordsFlames(),
                choice.flameEngine());
    }

    /** The meta file of an earlier run; a problem is one line naming the file. */
    static RunMeta read(Path file) {
        try {
            RunMeta meta = JSON.readValue(file.toFile(), RunMeta.class);
            if (meta == null || meta.profile() == null) {
                throw new UsageException(file + " is not a run's meta file: it names no profile");
            }
            return meta;
        } catch (IOException e) {
            String problem = e instanceof JacksonException json ? json.getOriginalMessage() : e.getMessage();
            throw new UsageException(file + " is not a readable meta file: "
                    + String.valueOf(problem).lines().findFirst().orElse("empty"), e);
        }
    }

    /** The suite this run measures, as its command line chose it. */
    SuiteChoice choice() {
        return new SuiteChoice(profile, only, params, minutes, jvmArgs, jfr, flame, flameEngine);
    }

    RunMeta finished(String finalStatus) {
        return with(finalStatus, now(), resumes);
    }

    /** This run, incomplete again, resumed by {@code session} (a meta started for the resuming command). */
    RunMeta resumedBy(RunMeta session) {
        List<Resume> all = new ArrayList<>(resumes);
        all.add(new Resume(session.start(), session.commandLine(), session.jdk().version(), session.gitCommit()));
        return with(INCOMPLETE, null, all);
    }

    private RunMeta with(String newStatus, String newEnd, List<Resume> newResumes) {
        return new RunMeta(runId, newStatus, profile, only, params, arguments, commandLine, start, newEnd, jdk, os, cores,
                memoryBytes, gitCommit, gitDirty, limits, newResumes, networkPath, minutes, jvmArgs, jfr, flame, flameEngine);
    }

    /** Writes beside the target and renames, so that a reader never sees half a file. */
    void write(Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), this);
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
