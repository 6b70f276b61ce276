package dev.whyasync.bench;

import dev.whyasync.fixture.FixtureProcess;
import dev.whyasync.http.ClientConfig;
import dev.whyasync.model.Batch;
import dev.whyasync.model.ConcurrencyModel;
import dev.whyasync.model.ModelConfig;
import dev.whyasync.model.ModelKind;
import dev.whyasync.model.Workload;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Are async programs larger, and do threads and coroutines leave the programming model alone? Each
 * model, in a fresh JVM, is created and runs one task; what that loaded (classes, metaspace) is
 * measured against the moment before the model was created, next to the model's static size: the
 * bytecode of its task code, the jar bytes of the runtime it bundles, and the source lines of its
 * file against the sequential control's ({@link CodeSize}). The score is the time from creating the
 * model to the first task's result. The figures reach JMH's results as secondary metrics
 * ({@code classes.loaded}, {@code metaspace.bytes}, {@code task.bytecode.bytes}, {@code runtime.jar.bytes},
 * {@code task.source.lines}, ...) through {@code -prof dev.whyasync.bench.ReportedMetricsProfiler};
 * every run also prints them.
 *
 * <p>The JVM's analog of "larger binaries" is what gets loaded: an async model brings its runtime
 * (Netty event loops, Pekko, kotlinx-coroutines, Reactor), while a blocking model runs on the JDK
 * alone, much of which the JVM maps from its class-data-sharing archive. Every model also loads the
 * shared HTTP codec and the batch driver, the same for all.
 */
@Claims(value = {10, 15},
        question = "How many classes, bytes of metaspace, bytecode and runtime jar, and source lines does each model take?",
        supportedIf = "async models load more classes and metaspace and bundle more bytes than the sequential control (10); "
                + "threads, virtual and coroutines take about the control's source lines and callbacks many more (15)")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// one sample per JVM (a second model creation in the same JVM would find its classes loaded), so
// three forks: enough for a finite error
@Fork(3)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class CodeFootprintBenchmark {
    private static final Workload ONE_PAGE_PAIR = Workload.of(1024, 0);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Param({"sequential", "threads", "pool", "callbacks", "futures", "virtual", "actors", "coroutines", "reactive"})
    public String model;

    private FixtureProcess fixture;
    private ModelKind kind;
    private ModelConfig config;
    private LoadedClasses baseline;
    private ConcurrencyModel running;
    private Batch.Result result;
    private CodeSize code;

    /** Everything but the model is loaded before the baseline: the fixture's client side, ModelKind, the workload. */
    @Setup(Level.Trial)
    public void start() {
        fixture = FixtureProcess.start("127.0.0.1", 0);
        kind = ModelKind.byName(model);
        config = ModelConfig.of(ClientConfig.of(fixture.baseUri()));
        baseline = LoadedClasses.now();
    }

    /** Creates the model and runs one task; the first call in a JVM loads everything the model needs. */
    @Benchmark
    public Batch.Result load() {
        running = kind.create(config);
        result = Batch.run(running, ONE_PAGE_PAIR, 1, 1, PATIENCE);
        return result;
    }

    /**
     * Takes the snapshot first, then closes the model. The static size is read once, and whatever
     * reading it loads is moved into the baseline, so that a later iteration does not count it.
     */
    @TearDown(Level.Iteration)
    public void measure() {
        LoadedClasses loaded = LoadedClasses.now().minus(baseline);
        try {
            if (result == null || result.succeeded() != 1) {
                throw new IllegalStateException(model + " did not finish its task: "
                        + (result == null ? "no result" : result.firstFailures()));
            }
        } finally {
            running.close();
        }
        if (code == null) {
            LoadedClasses before = LoadedClasses.now();
            code = CodeSize.of(kind, running.getClass());
            baseline = baseline.plus(LoadedClasses.now().minus(before));
        }
        CodeFootprint footprint = new CodeFootprint(loaded, code);
        footprint.report();
        System.out.println(footprint.describe());
    }

    @TearDown(Level.Trial)
    public void stop() {
        fixture.close();
    }
}
