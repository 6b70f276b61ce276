package dev.whyasync.cli;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;

/**
 * JMH's own output for a run, {@code <run-id>.log}: each unit's iterations, its forks' standard
 * output and error (JVM warnings included), and JMH's account of a unit that failed. The file is
 * appended to, across the units and across {@code --resume}, so that it holds every session of the
 * run; with {@code --verbose} the same output also goes to the console as it comes. The console
 * otherwise shows one line per unit, and the result file stays JMH's JSON: the log replaces neither.
 */
final class JmhLog implements AutoCloseable {
    private final Path path;
    private final PrintStream file;
    private final OutputFormat format;

    private JmhLog(Path path, PrintStream file, OutputFormat format) {
        this.path = path;
        this.file = file;
        this.format = format;
    }

    /** Opens {@code path} for appending; with {@code verbose}, JMH's output goes to {@code console} too. */
    static JmhLog open(Path path, PrintStream console, boolean verbose) throws IOException {
        PrintStream file = new PrintStream(Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND),
                true, StandardCharsets.UTF_8);
        OutputFormat toFile = OutputFormatFactory.createFormatInstance(file, VerboseMode.NORMAL);
        OutputFormat format = verbose ? new Both(List.of(toFile, OutputFormatFactory.createFormatInstance(console,
                VerboseMode.NORMAL))) : toFile;
        return new JmhLog(path, file, format);
    }

    Path path() {
        return path;
    }

    /** What JMH writes to: the file, or the file and the console. */
    OutputFormat format() {
        return format;
    }

    /** Closes the file; the console stays open. */
    @Override
    public void close() {
        file.close();
    }

    /** JMH's output format, written to each of several. */
    private record Both(List<OutputFormat> formats) implements OutputFormat {
        @Override
        public void iteration(BenchmarkParams benchmark, IterationParams params, int iteration) {
            formats.forEach(f -> f.iteration(benchmark, params, iteration));
        }

        @Override
        public void iterationResult(BenchmarkParams benchmark, IterationParams params, int iteration, IterationResult data) {
            formats.forEach(f -> f.iterationResult(benchmark, params, iteration, data));
        }

        @Override
        public void startBenchmark(BenchmarkParams benchmark) {
            formats.forEach(f -> f.startBenchmark(benchmark));
        }

        @Override
        public void endBenchmark(BenchmarkResult result) {
            formats.forEach(f -> f.endBenchmark(result));
        }

        @Override
        public void startRun() {
            formats.forEach(OutputFormat::startRun);
        }

        @Override
        public void endRun(Collection<RunResult> results) {
            formats.forEach(f -> f.endRun(results));
        }

        @Override
        public void print(String text) {
            formats.forEach(f -> f.print(text));
        }

        @Override
        public void println(String text) {
            formats.forEach(f -> f.println(text));
        }

        @Override
        public void flush() {
            formats.forEach(OutputFormat::flush);
        }

        /** JMH closes its format at the end of each unit; the log stays open for the next (see {@link JmhLog#close}). */
        @Override
        public void close() {
            flush();
        }

        @Override
        public void verbosePrintln(String text) {
            formats.forEach(f -> f.verbosePrintln(text));
        }

        @Override
        public void write(int b) {
            formats.forEach(f -> f.write(b));
        }

        @Override
        public void write(byte[] bytes) throws IOException {
            for (OutputFormat f : formats) {
                f.write(bytes);
            }
        }
    }
}
