package dev.whyasync.cli;

import dev.whyasync.cli.Profiles.Profile;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench --jvm-args "-XX:+UseZGC -Xmx4g"}: JVM options for every fork of a run, and the check
 * that the JVM takes them before any unit runs. A fork gets JMH's options, then this JVM's own
 * (JMH passes the launcher's options on), then the benchmark's {@code @Fork(jvmArgsAppend)}, then
 * these; the check starts the same java binary with each distinct such list and {@code -version},
 * so that a typo, or a collector that clashes with one a benchmark or the launcher names, is one
 * line before the run and not a failed fork in every unit.
 *
 * <p>The check leaves out {@code -XX:+AlwaysPreTouch}: with a fixed heap it would touch gigabytes
 * just to print the version.
 */
final class JvmArgs {
    static final String FLAG = "--jvm-args";
    private static final long PATIENCE_SECONDS = 30;
    private static final String PRE_TOUCH = "-XX:+AlwaysPreTouch";
    /** Lines the launcher prints after the line that says what is wrong. */
    private static final Set<String> GENERIC = Set.of("Error: Could not create the Java Virtual Machine.",
            "Error: A fatal exception has occurred. Program will exit.", "Error occurred during initialization of VM");

    private JvmArgs() {
    }

    /** The options of {@code --jvm-args}, split at spaces as JMH's {@code -jvmArgsAppend} splits them; none when absent. */
    static List<String> parse(String text) {
        if (text == null) {
            return List.of();
        }
        List<String> options = Arrays.stream(text.trim().split("\\s+")).filter(option -> !option.isEmpty()).toList();
        if (options.isEmpty()) {
            throw new UsageException("no options in " + FLAG + " '" + text + "'; give some, such as " + FLAG
                    + " \"-XX:+UseZGC -Xmx4g\", or drop it " + Arguments.seeHelp("bench"));
        }
        return options;
    }

    /**
     * Starts the forks' JVM with the options each unit of the plan would get and refuses the run
     * when it will not start, naming what it said: the chosen options alone, or beside this JVM's
     * options, or beside a benchmark's own.
     */
    static void check(SuitePlan plan) {
        Profile profile = plan.profile();
        List<String> chosen = profile.jvmArgs();
        if (chosen.isEmpty()) {
            return;
        }
        List<String> inherited = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Map<List<String>, String> owners = new LinkedHashMap<>();
        plan.entries().forEach(entry -> owners.putIfAbsent(profile.benchmarkOptions(entry.benchmark().jvmArgsAppend()),
                SuitePlan.shortName(entry)));
        for (Map.Entry<List<String>, String> own : owners.entrySet()) {
            Optional<String> refused = refusal(concat(inherited, own.getKey(), chosen));
            if (refused.isEmpty()) {
                continue;
            }
            String beside;
            Optional<String> alone = refusal(chosen);
            if (alone.isPresent()) {
                beside = "";
                refused = alone;
            } else if (!inherited.isEmpty() && refusal(concat(inherited, List.of(), chosen)).isPresent()) {
                beside = " after the options this JVM was started with, which JMH passes on to its forks ("
                        + String.join(" ", inherited) + ")";
            } else {
                beside = " after the options " + own.getValue() + " gives its forks (" + String.join(" ", own.getKey()) + ")";
            }
            throw new UsageException(FLAG + " '" + String.join(" ", chosen) + "': the JVM refuses it" + beside + ": "
                    + refused.get() + "; fix or drop the option");
        }
    }

    private static List<String> concat(List<String> inherited, List<String> own, List<String> chosen) {
        List<String> all = new ArrayList<>(inherited);
        all.addAll(own);
        all.addAll(chosen);
        return all;
    }

    /** What the JVM said when it would not start with {@code options}, or nothing when it started. */
    static Optional<String> refusal(List<String> options) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        options.stream().filter(option -> !option.equals(PRE_TOUCH)).forEach(command::add);
        command.add("-version");
        Process process = null;
        Path output = null;
        try {
            // a file, not a pipe: an option that makes the JVM wait (a debugger agent) must not hang the check
            output = Files.createTempFile("whyasync-jvm-args-", ".txt");
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!process.waitFor(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                return Optional.of("it did not answer -version within " + PATIENCE_SECONDS + " s");
            }
            if (process.exitValue() == 0) {
                return Optional.empty();
            }
            return Optional.of(firstProblem(Files.readString(output, StandardCharsets.UTF_8), process.exitValue()));
        } catch (IOException e) {
            throw new UsageException("cannot start " + command.get(0) + " to check " + FLAG + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted while checking " + FLAG, e);
        } finally {
            if (process != null) {
                process.destroyForcibly();
            }
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException e) {
                    // a leftover temporary file in the temp folder
                }
            }
        }
    }

    /** The line that says what is wrong: the first that is neither a warning nor one of the launcher's generic lines. */
    static String firstProblem(String output, int status) {
        List<String> lines = output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        return lines.stream().filter(line -> !GENERIC.contains(line) && !line.contains("VM warning:")).findFirst()
                .or(() -> lines.stream().findFirst()).orElse("exit status " + status + " and no message");
    }
}
