package dev.whyasync.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Real JMH result files from short runs of the test benchmarks, made once per test JVM and shared
 * by the test classes (each run forks a JVM per parameter set, so they are the slow part).
 *
 * <p>Runs are short (one fork, 100-150 ms iterations). The repeated runs for the gate measure two
 * models with five iterations each: on a busy two-core machine, three iterations left the
 * within-fork spread too uncertain to tell a planted 20% slowdown from noise. The all-modes run,
 * whose numbers no test compares, always goes first: the first run of a fresh test JVM competes
 * with that JVM's own start-up compilation and came out several percent slow.
 */
final class JmhRuns {

    /** The models of the repeated runs: the slowed one and the reference it is checked against. */
    static final List<String> MODELS = List.of("futures", "virtual");
    static final String SLOWED_MODEL = "virtual";
    static final int SLOWDOWN_PERCENT = 20;

    private static final long LOCK_WAIT_MS = 60_000;

    // JMH reads this once, when its Runner class loads; the polite wait is awaitJmhLock's.
    static {
        System.setProperty("jmh.ignoreLock", "true");
    }

    private static Path directory;
    private static Path allModes;
    private static final List<Path> BASELINES = new ArrayList<>();
    private static final List<Path> SLOWED = new ArrayList<>();

    private JmhRuns() {
    }

    /** Both test benchmarks in thrpt, avgt, sample and ss, with {@code -prof gc}. */
    static synchronized Path allModes() {
        if (allModes == null) {
            allModes = run("all-modes", options()
                    .include(SlowdownBenchmark.class.getName())
                    .include(PlainBenchmark.class.getName())
                    .param("model", "sequential", "virtual")
                    .mode(Mode.Throughput).mode(Mode.AverageTime).mode(Mode.SampleTime).mode(Mode.SingleShotTime)
                    .warmupIterations(1)
                    .warmupTime(TimeValue.milliseconds(150))
                    .measurementIterations(2)
                    .measurementTime(TimeValue.milliseconds(100))
                    .addProfiler(GCProfiler.class));
        }
        return allModes;
    }

    /** The first {@code count} runs of the unchanged benchmark, thrpt, {@link #MODELS}. */
    static synchronized List<Path> baselines(int count) {
        allModes();
        while (BASELINES.size() < count) {
            BASELINES.add(run("baseline-" + BASELINES.size(), throughput("")));
        }
        return List.copyOf(BASELINES.subList(0, count));
    }

    /** Runs with {@link #SLOWED_MODEL} burning {@link #SLOWDOWN_PERCENT}% more CPU per call. */
    static synchronized List<Path> slowed(int count) {
        allModes();
        while (SLOWED.size() < count) {
            SLOWED.add(run("slowed-" + SLOWED.size(), throughput(SLOWED_MODEL + ":" + SLOWDOWN_PERCENT)));
        }
        return List.copyOf(SLOWED.subList(0, count));
    }

    static synchronized Path directory() {
        if (directory == null) {
            try {
                directory = Files.createTempDirectory("report-jmh-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(directory)));
        }
        return directory;
    }

    private static ChainedOptionsBuilder throughput(String slowdown) {
        return options().include(SlowdownBenchmark.class.getName())
                .mode(Mode.Throughput)
                .param("model", MODELS.toArray(String[]::new))
                .warmupIterations(2)
                .warmupTime(TimeValue.milliseconds(100))
                .measurementIterations(5)
                .measurementTime(TimeValue.milliseconds(150))
                .jvmArgsAppend("-D" + SlowdownBenchmark.SLOWDOWN_PROPERTY + "=" + slowdown);
    }

    private static ChainedOptionsBuilder options() {
        return new OptionsBuilder()
                .forks(1)
                .jvmArgs("-XX:+UseSerialGC", "-Xmx128m", "-Xss512k")
                .shouldFailOnError(true)
                .verbosity(VerboseMode.SILENT);
    }

    /**
     * Runs JMH once JMH's machine-wide lock is free (another project's benchmarks may hold it), or
     * after {@link #LOCK_WAIT_MS} anyway: these runs only feed the reporter's tests and can bear
     * the extra noise, and the lock is ignored by JMH itself (see the static initializer) so that
     * a long foreign run does not fail the build.
     */
    private static Path run(String name, ChainedOptionsBuilder options) {
        Path file = directory().resolve(name + ".json");
        awaitJmhLock();
        try {
            new Runner(options.resultFormat(ResultFormatType.JSON).result(file.toString()).build()).run();
        } catch (RunnerException e) {
            throw new IllegalStateException("JMH run " + name + " failed", e);
        }
        return file;
    }

    private static void awaitJmhLock() {
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "jmh.lock");
        long deadline = System.currentTimeMillis() + LOCK_WAIT_MS;
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            while (System.currentTimeMillis() < deadline) {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    lock.release();
                    return;
                }
                Thread.sleep(500);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // cannot probe the lock: run anyway
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }
}
