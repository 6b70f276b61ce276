package dev.whyasync.bench;

import dev.whyasync.fixture.DelayProxyProcess;
import dev.whyasync.fixture.FixtureProcess;
import dev.whyasync.fixture.LinkShape;
import dev.whyasync.http.ClientConfig;
import dev.whyasync.model.ConcurrencyModel;
import dev.whyasync.model.ModelConfig;
import dev.whyasync.model.ModelKind;
import dev.whyasync.model.Workload;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
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
 * The headline: how many "download two pages" tasks per second each model finishes with C tasks in
 * flight against the fixture, which runs in its own JVM so that the client's CPU, memory and threads
 * are measured alone (claims 1-5, 8, 9, 12).
 *
 * <p>Expected if the seed is right: at delay 20 ms and large C, threads fall behind or hit the
 * machine's thread limit, a small pool caps throughput at pool size / 40 ms, and the non-blocking
 * models and virtual threads scale with C at a lower CPU and memory cost per task
 * ({@code -prof dev.whyasync.bench.ClientCpuProfiler}, {@code FootprintProfiler}, {@code LatencyProfiler}).
 * At delay 0 the bench is CPU-bound and measures each model's overhead per task.
 */
@Claims(value = {1, 2, 3, 4, 5, 8, 9, 12},
        question = "How many two-page tasks per second does each model finish with C tasks in flight, at what CPU, memory and latency?",
        supportedIf = "at 20 ms delay and large C, non-blocking models and virtual threads reach higher tasks/s than threads and pools, "
                + "with less CPU and RSS per task")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx4g"})
// the first seconds open C x 2 connections and compile Netty's hot paths: shorter warm-ups measured that, not the model
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 3, time = 2)
public class IoBenchmark {
    /** How long a benchmark waits for one task before it calls the model stuck. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The request timeout under faults: a stall ends here instead of after the default 10 s. */
    private static final Duration FAULT_TIMEOUT = Duration.ofSeconds(2);

    /** A model name, optionally with its runtime threads: {@code pool-200}, {@code callbacks-1}, {@code virtual-1}. */
    @Param({"sequential", "threads", "pool", "pool-200", "callbacks", "futures", "virtual", "actors", "coroutines", "reactive"})
    public String model;

    /** Tasks in flight. */
    @Param({"64"})
    public int concurrency;

    /** Page size in bytes. */
    @Param({"1024"})
    public int size;

    /** Server-side delay per page, ms. */
    @Param({"20"})
    public int delay;

    /** Keep-alive lanes (true) or a fresh connection per page (false). */
    @Param({"true"})
    public boolean reuse;

    /**
     * The model's runtime threads: pool size, event loops, dispatcher threads, virtual-thread
     * carriers; 0 = the number of cores.
     */
    @Param({"0"})
    public int threads;

    /** Another server to download from (http://host:port); empty = start the fixture in its own JVM. */
    @Param({""})
    public String target;

    /**
     * Percent of page requests the fixture answers with a fault it draws (500, reset, stall,
     * truncate, drip); 0 = none. Above 0 the request timeout drops from 10 s to 2 s
     * ({@code FAULT_TIMEOUT}), so that a stalled or dripping page holds its slot of the closed loop
     * for 2 s, not 10; failed tasks count as {@code errors}, page retries as {@code retries}.
     */
    @Param({"0"})
    public double faults;

    /** Retries per page after a curable failure, each model in its own idiom; 0 = none. */
    @Param({"0"})
    public int retry;

    /**
     * Network delay each way between client and server, ms: a delay proxy (NetCrusher, in its own
     * JVM) runs in front of the fixture or the target; 0 = direct.
     */
    @Param({"0"})
    public int netDelay;

    /** Bandwidth cap of each direction through the delay proxy, bytes/s, shared by all connections; 0 = none. */
    @Param({"0"})
    public long bandwidth;

    private FixtureProcess fixture;
    private DelayProxyProcess proxy;
    private ConcurrencyModel running;
    private InFlightTasks tasks;

    /** Pages, failed tasks and page retries, reported by JMH next to tasks/s. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long pages;
        public long errors;
        public long retries;
    }

    @Setup(Level.Trial)
    public void start() {
        ModelChoice choice = ModelChoice.parse(model, threads);
        ModelKind kind = choice.kind();
        MachineLimits limits = MachineLimits.read();
        limits.checkConcurrency(model, concurrency, kind.platformThreadsPerTask(), kind.connectionsPerTask());
        if (kind == ModelKind.VIRTUAL && choice.threads() > 0) {
            // read once, when the first virtual thread is created; each trial runs in a fresh fork
            System.setProperty("jdk.virtualThreadScheduler.parallelism", Integer.toString(choice.threads()));
        }
        URI uri;
        if (target.isEmpty()) {
            fixture = FixtureProcess.start("127.0.0.1", 0);
            uri = fixture.baseUri();
        } else {
            uri = target(target);
        }
        LinkShape link = new LinkShape(netDelay, bandwidth);
        if (!link.isNone()) {
            limits.checkProxyConnections(model, concurrency, kind.connectionsPerTask());
            proxy = DelayProxyProcess.start("127.0.0.1", uri, link);
            uri = proxy.baseUri();
        }
        ClientConfig client = ClientConfig.of(uri).withKeepAlive(reuse);
        if (faults > 0) {
            client = client.withRequestTimeout(FAULT_TIMEOUT);
        }
        running = kind.create(new ModelConfig(client, choice.threads(), retry));
        tasks = new InFlightTasks(running, Workload.of(size, delay).withFaults(faults), concurrency, PATIENCE);
        tasks.fill();
    }

    /**
     * One finished task (and its replacement started). A failed task is an error to count, unless
     * the fixture or the proxy this trial started has died: then every task from here on fails, and
     * the trial fails rather than report a rate of connect errors.
     */
    @Benchmark
    public InFlightTasks.Outcome tasks(Counters counters) throws InterruptedException {
        InFlightTasks.Outcome outcome = tasks.next();
        if (outcome.error() == null) {
            counters.pages += 2;
        } else {
            counters.errors++;
            if (fixture != null && !fixture.isAlive() || proxy != null && !proxy.isAlive()) {
                throw new IllegalStateException((fixture != null && !fixture.isAlive() ? "the fixture process" : "the delay proxy")
                        + " died during the trial; its tasks fail with: " + outcome.error().getMessage());
            }
        }
        counters.retries += outcome.retries();
        return outcome;
    }

    /** The {@code target} parameter as a reachable http://host:port; anything else stops the trial with what to fix. */
    private static URI target(String value) {
        ClientConfig client;
        try {
            client = ClientConfig.of(URI.create(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("-p target=" + value + " is not http://host:port: " + e.getMessage(), e);
        }
        try {
            client.requireReachable();
        } catch (IOException e) {
            throw new IllegalStateException("-p target=" + value + ": " + e.getMessage()
                    + "; start the fixture there ('whyasync fixture') or nginx (scripts/pages), or fix the address", e);
        }
        return client.target();
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            if (running != null) {
                running.close();
            }
        } finally {
            if (proxy != null) {
                proxy.close();
            }
            if (fixture != null) {
                fixture.close();
            }
        }
    }
}
