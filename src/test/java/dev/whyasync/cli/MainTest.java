package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The command line's contract: one line and status 2 for a mistake, status 0 and a usage text for --help. */
@Timeout(30)
class MainTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            fixture --prot 9          | unknown flag --prot for fixture; did you mean --port? (see 'fixture --help')
            fixture --port            | missing value for --port of fixture; write --port <port> (see 'fixture --help')
            fixture --port --host x   | missing value for --port of fixture; write --port <port> (see 'fixture --help')
            fixture --port abc        | bad value 'abc' for --port of fixture: expected a whole number from 0 to 65535 (see 'fixture --help')
            fixture --port=70000      | bad value '70000' for --port of fixture: expected a whole number from 0 to 65535 (see 'fixture --help')
            fixture --io-threads -1   | bad value '-1' for --io-threads of fixture: expected a whole number from 0 to 1024 (see 'fixture --help')
            fixture --port 1 --port 2 | flag --port is given twice for fixture; keep one (see 'fixture --help')
            fixture extra             | unexpected argument 'extra' for fixture, which takes only flags (see 'fixture --help')
            --dry-run=yes             | flag --dry-run of bench takes no value; write just --dry-run (see 'bench --help')
            --xyz                     | unknown flag --xyz for bench (see 'bench --help')
            bench --profil quick      | unknown flag --profil for bench; did you mean --profile? (see 'bench --help')
            --profile qiuck           | unknown profile 'qiuck' for --profile; did you mean quick? (choose quick, default, full, soak)
            --profile huge            | unknown profile 'huge' for --profile (choose quick, default, full, soak)
            bench --only [            | bad regular expression '[' for --only: Unclosed character class (see 'bench --help')
            bench --only NoSuchBench  | no benchmarks in this build match --only NoSuchBench; 'whyasync jmh -l' lists the benchmarks the jar has
            bench -p                  | missing value for -p of bench; write -p name=v1,v2 (see 'bench --help')
            bench -p model            | bad value 'model' for -p of bench: expected name=v1,v2 (see 'bench --help')
            bench -p a=1 -p a=2       | parameter a is given twice with -p; keep one (see 'bench --help')
            bench --resume            | missing value for --resume of bench; write --resume <run-id> (see 'bench --help')
            bench --jvm-args          | missing value for --jvm-args of bench; write --jvm-args <options> (see 'bench --help')
            bench --jfr=yes           | flag --jfr of bench takes no value; write just --jfr (see 'bench --help')
            bench --minutes 5         | --minutes sets how long each model runs in the soak; it needs --profile soak (see 'bench --help')
            --profile soak --minutes 0 | bad value '0' for --minutes of bench: expected a whole number from 1 to 1440 (see 'bench --help')
            reprot x.json             | unknown command 'reprot'; did you mean report? (see --help)
            frobnicate                | unknown command 'frobnicate' (see --help)
            """)
    void aMistakeIsOneLineOnStderrAndStatus2(String args, String message) {
        CommandLine result = CommandLine.run(args.trim().split(" +"));
        assertEquals(2, result.status());
        assertEquals(List.of("whyasync: " + message), result.errLines());
        assertEquals("", result.out());
    }

    @Test
    void aParameterNoChosenBenchmarkHasIsRefusedWithTheOnesTheyHave() {
        CommandLine result = CommandLine.run("bench", "--only", BenchProcess.SUITE, "-p", "pgae=1", "--dry-run");
        assertEquals(2, result.status());
        assertEquals(List.of("whyasync: no chosen benchmark has a parameter 'pgae' for -p; did you mean page? (they have: page)"),
                result.errLines());
    }

    @Test
    void onlyAndParametersShapeThePlanOfADryRun() {
        CommandLine result = CommandLine.run("bench", "--profile", "quick", "--only", BenchProcess.SUITE, "-p", "page=2,4",
                "--dry-run");
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("dev.whyasync.cli.PageFetchBenchmark.fetch  ss        2 runs  1 fork, 1 warmup and 3 "
                + "measured single shots\n    page=2,4\n"), result.out());
        assertTrue(result.out().contains("only the benchmarks matching " + BenchProcess.SUITE + " (--only)"), result.out());
    }

    @Test
    void jvmArgsTheJvmRefusesStopTheRunBeforeAnyUnit(@TempDir Path results) throws Exception {
        CommandLine result = CommandLine.run("bench", "--profile", "quick", "--only", BenchProcess.SUITE,
                "--jvm-args", "-XX:+NoSuchFlag", "--results", results.toString());
        assertEquals(2, result.status());
        assertEquals(List.of("whyasync: --jvm-args '-XX:+NoSuchFlag': the JVM refuses it: Unrecognized VM option "
                + "'NoSuchFlag'; fix or drop the option"), result.errLines());
        assertEquals("", result.out(), "no plan, no unit");
        try (Stream<Path> files = Files.list(results)) {
            assertEquals(List.of(), files.toList(), "no run was started");
        }
    }

    @Test
    void aResultsFolderThatCannotBeWrittenIsRefusedBeforeThePlan(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Map<String, String> reasons = Map.of("/proc/1", "", file.toString(), "a file of that name is in the way");
        for (Map.Entry<String, String> folder : reasons.entrySet()) {
            CommandLine result = CommandLine.run("bench", "--profile", "quick", "--only", BenchProcess.SUITE,
                    "--results", folder.getKey());
            assertEquals(2, result.status(), result.out() + result.err());
            assertEquals(1, result.errLines().size(), result.err());
            assertTrue(result.err().startsWith("whyasync: cannot write results to " + folder.getKey() + " (" + folder.getValue()),
                    result.err());
            assertTrue(result.err().endsWith("); give --results a folder you can write (default: results)\n"), result.err());
            assertEquals("", result.out(), "no plan, no unit");
        }
    }

    @Test
    void aReadOnlyResultsFolderIsRefused(@TempDir Path dir) throws Exception {
        Path readOnly = Files.createDirectory(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        Assumptions.assumeFalse(Files.isWritable(readOnly), "skipped: this user (root) writes a read-only folder anyway");
        CommandLine result = CommandLine.run("bench", "--only", BenchProcess.SUITE, "--results", readOnly.toString());
        assertEquals(2, result.status(), result.out() + result.err());
        assertTrue(result.err().startsWith("whyasync: cannot write results to " + readOnly + " (permission denied)"), result.err());
    }

    @Test
    void jvmArgsThatClashWithABenchmarksOwnAreRefusedNamingThem() {
        CommandLine result = CommandLine.run("bench", "--profile", "quick", "--only", BenchProcess.SUITE,
                "--jvm-args", "-Xms256m", "--dry-run");
        assertEquals(2, result.status());
        assertEquals(List.of("whyasync: --jvm-args '-Xms256m': the JVM refuses it after the options "
                + "dev.whyasync.cli.PageFetchBenchmark.fetch gives its forks (-Xmx128m -XX:+UseSerialGC -XX:TieredStopAtLevel=1): "
                + "Initial heap size set to a larger value than the maximum heap size; fix or drop the option"), result.errLines());
        assertEquals("", result.out());
    }

    @Test
    void blankJvmArgsAreAMistake() {
        CommandLine result = CommandLine.run("bench", "--jvm-args", " ", "--dry-run");
        assertEquals(2, result.status());
        assertEquals(List.of("whyasync: no options in --jvm-args ' '; give some, such as --jvm-args \"-XX:+UseZGC -Xmx4g\", "
                + "or drop it (see 'bench --help')"), result.errLines());
    }

    @Test
    void thePlanShowsTheJvmArgsAndJfr() {
        CommandLine result = CommandLine.run("bench", "--profile", "quick", "--only", BenchProcess.SUITE,
                "--jvm-args", "-Xmx200m -Dwhyasync.test=1", "--jfr", "--dry-run");
        assertEquals(0, result.status(), result.err());
        assertTrue(result.out().contains("\nJVM options of every fork, after the benchmark's own (--jvm-args): "
                + "-Xmx200m -Dwhyasync.test=1\n"), result.out());
        assertTrue(result.out().contains("\nJFR in every iteration (--jfr): "), result.out());
    }

    @Test
    void debugShowsTheStackTraceOfAMistake() {
        CommandLine result = CommandLine.run("--debug", "fixture", "--port", "abc");
        assertEquals(2, result.status());
        assertTrue(result.errLines().size() > 1, result.err());
        assertTrue(result.err().contains("at dev.whyasync.cli.Arguments.integer"), result.err());
    }

    @Test
    void debugIsAlsoTakenAfterTheCommand() {
        CommandLine result = CommandLine.run("fixture", "--port", "abc", "--debug");
        assertEquals(2, result.status());
        assertTrue(result.err().contains(UsageException.class.getName()), result.err());
    }

    static List<Command> commandsWithHelpHere() {
        return Commands.ALL.stream().filter(command -> command.parsing() != Command.Parsing.COMMAND).toList();
    }

    static List<Command> commandsWithTheirOwnHelp() {
        return Commands.ALL.stream().filter(command -> command.parsing() == Command.Parsing.COMMAND).toList();
    }

    @ParameterizedTest
    @MethodSource("commandsWithHelpHere")
    void everyCommandAnswersHelpWithItsUsage(Command command) {
        for (List<String> args : List.of(List.of(command.name(), "--help"), List.of("help", command.name()),
                List.of("--help", command.name()))) {
            CommandLine result = CommandLine.run(args.toArray(String[]::new));
            assertEquals(0, result.status(), args.toString());
            assertEquals("", result.err());
            assertTrue(result.out().startsWith("usage: whyasync " + command.synopsis() + "\n"), result.out());
            command.flags().forEach(flag -> assertTrue(result.out().contains(flag.synopsis()), flag.name()));
        }
    }

    /** Their help and their errors go to System.out and System.err; the status is what this package passes on. */
    @ParameterizedTest
    @MethodSource("commandsWithTheirOwnHelp")
    void commandsWithTheirOwnParsingAnswerHelpAndRefuseMistakes(Command command) {
        assertEquals(0, CommandLine.run(command.name(), "--help").status());
        assertEquals(0, CommandLine.run("help", command.name()).status());
        assertEquals(0, CommandLine.run(command.name(), "-h", "--debug").status());
        assertEquals(2, CommandLine.run(command.name(), "--no-such-flag").status());
    }

    @Test
    void helpAfterOtherFlagsStillShowsTheCommandsHelp() {
        CommandLine result = CommandLine.run("fixture", "--port", "abc", "-h");
        assertEquals(0, result.status());
        assertTrue(result.out().startsWith("usage: whyasync fixture"), result.out());
    }

    @Test
    void topLevelHelpListsEveryCommand() {
        for (String flag : List.of("--help", "-h", "help")) {
            CommandLine result = CommandLine.run(flag);
            assertEquals(0, result.status());
            Commands.ALL.forEach(command -> assertTrue(result.out().contains("\n  " + command.name() + " "), command.name()));
        }
    }

    @Test
    void helpOfAnUnknownCommandIsAMistake() {
        CommandLine result = CommandLine.run("help", "fixtrue");
        assertEquals(2, result.status());
        assertEquals(List.of("whyasync: unknown command 'fixtrue'; did you mean fixture? (see --help)"), result.errLines());
    }

    @Test
    void helpTextsFitAHundredColumns() {
        commandsWithHelpHere().forEach(command -> command.help().lines()
                .forEach(line -> assertTrue(line.length() <= 100, command.name() + ": " + line)));
    }
}
