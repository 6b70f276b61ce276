package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's console is one line per unit, in ASCII where the locale is not UTF-8; JMH's own output
 * (iterations, the forks' warnings) goes to the run's log, and the JVMs the run starts print no
 * sun.misc.Unsafe warning.
 */
@Timeout(120)
class QuietConsoleTest {

    @Test
    void aRunPrintsOneLinePerUnitAndJmhsOutputGoesToTheLog(@TempDir Path results) throws Exception {
        String output;
        try (BenchProcess bench = BenchProcess.start(results, List.of("-Dstdout.encoding=US-ASCII"),
                "--profile", "quick", "--only", BenchProcess.SUITE, "-p", "page=1,2")) {
            assertEquals(0, bench.awaitExit(Duration.ofSeconds(100)), bench.output());
            output = bench.output();
        }
        String runId = InterruptedRunTest.onlyRunId(results);
        List<String> units = output.lines().filter(line -> line.startsWith("[")).toList();
        assertEquals(2, units.size(), output);
        for (int page = 1; page <= 2; page++) {
            String line = units.get(page - 1);
            assertTrue(line.matches("\\[" + page + "/2] dev\\.whyasync\\.cli\\.PageFetchBenchmark\\.fetch page=" + page
                    + " \\(about [0-9]+ s\\) \\.\\.\\. [0-9.]+ ms/op( \\+- [0-9.k]+%)?, done in [0-9]+ s; .*"), line);
        }
        assertTrue(output.contains("warmup own x own, measurement 3 x 1 s"), "the plan in ASCII: " + output);
        assertFalse(output.contains("?"), "no symbol the locale cannot show: " + output);
        assertFalse(output.contains("# Warmup") || output.contains("Unsafe"), output);
        assertTrue(output.contains("JMH's output goes to " + results.resolve(runId + ".log") + " (--verbose shows it here)"),
                output);

        String log = Files.readString(results.resolve(runId + ".log"));
        assertTrue(log.contains("# Warmup Iteration") && log.contains("# Parameters: (page = 2)"), log);
        if (Runtime.version().feature() >= 24) {
            assertFalse(log.contains("sun.misc.Unsafe"), "the forks and fixtures got the flag that silences it:\n" + log);
        }
        assertEquals(2, new ResultFile(results.resolve(runId + ".json")).keys().size(), "the log replaces no result");
    }

    @Test
    void anAsciiConsoleGetsThePlainSpellingOfEverySymbol() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream ascii = AsciiPrintStream.of(new PrintStream(bytes, true, StandardCharsets.US_ASCII));
        ascii.println("warmup 8 × 2 s, 12.3 µs ± 4% ≈ 1");
        ascii.printf("%s%n", "3 × 1 s");
        ascii.print('×');
        assertEquals("warmup 8 x 2 s, 12.3 us +- 4% ~ 1\n3 x 1 s\nx", bytes.toString(StandardCharsets.US_ASCII));
        PrintStream utf8 = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertTrue(AsciiPrintStream.of(utf8) == utf8, "a UTF-8 console keeps its symbols");
    }
}
