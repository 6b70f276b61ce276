package dev.whyasync.bench;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Each measurement iteration's interval histograms (ns), appended to the HdrHistogram log that
 * {@code -Dwhyasync.hlog=path} names, for HdrHistogram's own tools (HistogramLogProcessor, the
 * log analyzer). Lines are tagged {@code success} or {@code failure}; each forked JVM appends its
 * own block, headed by a comment naming the benchmark and its parameters, so one file can hold a
 * whole suite. Nothing is written without the property, nor for an iteration that recorded no
 * task. The file is opened and closed per write: a profiler is told of no end of run to close it at.
 */
final class LatencyLog {
    static final String PROPERTY = "whyasync.hlog";
    static final LatencyLog NONE = new LatencyLog(null, "");

    private final Path file;
    private final String title;
    private boolean headed;

    LatencyLog(Path file, String title) {
        this.file = file;
        this.title = title;
    }

    /** The log the system property names, or {@link #NONE}. */
    static LatencyLog named(BenchmarkParams benchmark) {
        Path file = configuredFile();
        if (file == null) {
            return NONE;
        }
        StringBuilder title = new StringBuilder("[whyasync ").append(benchmark.getBenchmark());
        benchmark.getParamsKeys().forEach(k -> title.append(' ').append(k).append('=').append(benchmark.getParam(k)));
        return new LatencyLog(file, title.append(" pid=").append(ProcessHandle.current().pid()).append(']').toString());
    }

    /** The file {@code -Dwhyasync.hlog} names, or null when it is not set. */
    static Path configuredFile() {
        String path = System.getProperty(PROPERTY, "");
        return path.isBlank() ? null : Path.of(path);
    }

    void write(Histogram successes, Histogram failures) {
        if (file == null || successes.getTotalCount() + failures.getTotalCount() == 0) {
            return;
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(file, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND), false, UTF_8)) {
            HistogramLogWriter writer = new HistogramLogWriter(out);
            if (!headed) {
                writer.outputComment(title);
                writer.outputLogFormatVersion();
                writer.outputStartTime(successes.getStartTimeStamp());
                writer.outputLegend();
                headed = true;
            }
            successes.setTag("success");
            writer.outputIntervalHistogram(successes);
            failures.setTag("failure");
            writer.outputIntervalHistogram(failures);
            if (out.checkError()) {
                throw new IOException("write failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the latency log " + file + " (-D" + PROPERTY + "): "
                    + e.getMessage(), e);
        }
    }
}
