package dev.whyasync.bench;

import dev.whyasync.fixture.FixtureProcess;
import dev.whyasync.http.BlockingTransport;
import dev.whyasync.http.ClientConfig;
import dev.whyasync.http.NettyTransport;
import dev.whyasync.http.Page;
import dev.whyasync.http.PageRequest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Are a model's futures inert, as Rust's are, making no progress until awaited? Each single shot
 * creates one page download in the model's idiom ({@link UnawaitedDownloads}) and does not await it;
 * its time is the creation alone. The tear-down then watches the fixture's counter of page requests
 * (the fixture runs in its own JVM) until the download's request arrives or a bound passes, reports
 * {@code requests.before.await} through {@link ReportedMetricsProfiler} (1 = eager, 0 = inert) and
 * the time it watched as {@code inert.wait.ms}, then awaits the page and checks it. {@code sequential}
 * is absent: a plain call cannot be made without running it.
 *
 * <p>No stopwatch decides: an eager idiom is counted eager as soon as its request arrives, however
 * late, within the bound, and the bound is set from an eager control measured in the same trial
 * ({@link Control}: a plain blocking download on a thread of its own, its request's time to reach the
 * fixture, after one download that loads the client's classes): {@value #CONTROL_FACTOR} times the
 * control's slowest arrival, within {@value #MIN_WAIT_MILLIS} to {@value #MAX_WAIT_MILLIS} ms. The control's arrival is reported as {@code inert.control.ms}, so the
 * report states the bound an inert result stood.
 *
 * <p>Expected: everything on the JVM is eager (threads, pool jobs, callbacks, CompletableFutures,
 * actors, {@code async}) except a Reactor Mono, which is cold until subscribed, and the two opt-in
 * inert forms, {@code async(start = LAZY)} and a virtual thread built {@code unstarted}. Claim 13 is
 * supported for a model that reports 0, refuted for one that reports 1.
 */
@Claims(value = {13},
        question = "Does a download written in each model's idiom send its request before anything awaits it?",
        supportedIf = "the fixture sees no request before the await (requests.before.await = 0)")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
public class InertBenchmark {
    static final String REQUESTS_BEFORE_AWAIT = "requests.before.await";
    static final String WAITED = "inert.wait.ms";
    static final String CONTROL_ARRIVAL = "inert.control.ms";
    static final long MIN_WAIT_MILLIS = 1000;
    static final long MAX_WAIT_MILLIS = 5000;
    static final int CONTROL_FACTOR = 50;
    private static final long POLL_MILLIS = 2;
    static final PageRequest REQUEST = PageRequest.of(7, 1024, 0);

    private long requestsBefore;
    UnawaitedDownloads.Unawaited unawaited;

    @Setup(Level.Invocation)
    public void countRequests(Fixture fixture) {
        requestsBefore = fixture.process.stats().pageRequests();
    }

    @Benchmark
    public void threads(Blocking blocking) {
        unawaited = UnawaitedDownloads.thread(Thread.ofPlatform(), blocking.transport, REQUEST);
    }

    @Benchmark
    public void pool(Blocking blocking, RuntimeStates.CorePool pool) {
        unawaited = UnawaitedDownloads.pool(pool.pool, blocking.transport, REQUEST);
    }

    @Benchmark
    public void callbacks(Netty netty) {
        unawaited = UnawaitedDownloads.callback(netty.transport, REQUEST);
    }

    @Benchmark
    public void futures(Netty netty) {
        unawaited = UnawaitedDownloads.future(netty.transport, REQUEST);
    }

    @Benchmark
    public void virtual(Blocking blocking) {
        unawaited = UnawaitedDownloads.thread(Thread.ofVirtual(), blocking.transport, REQUEST);
    }

    /** {@code Thread.ofVirtual().unstarted(...)}: expected 0, since nothing runs a thread that was never started. */
    @Benchmark
    public void virtualUnstarted(Blocking blocking) {
        unawaited = UnawaitedDownloads.unstartedThread(Thread.ofVirtual(), blocking.transport, REQUEST);
    }

    @Benchmark
    public void actors(Netty netty, RuntimeStates.Actors actors) {
        unawaited = UnawaitedDownloads.actor(actors.runtime, netty.transport, REQUEST);
    }

    /** {@code async { }}: eager by default, expected 1. */
    @Benchmark
    public void coroutines(Netty netty, RuntimeStates.Coroutines coroutines) {
        unawaited = UnawaitedDownloads.coroutine(coroutines.runtime.scope(), netty.transport, REQUEST, false);
    }

    /** {@code async(start = CoroutineStart.LAZY) { }}: expected 0, the download starts at {@code await()}. */
    @Benchmark
    public void coroutinesLazy(Netty netty, RuntimeStates.Coroutines coroutines) {
        unawaited = UnawaitedDownloads.coroutine(coroutines.runtime.scope(), netty.transport, REQUEST, true);
    }

    /** A Mono assembled and not subscribed: expected 0. */
    @Benchmark
    public void reactive(Netty netty) {
        unawaited = UnawaitedDownloads.mono(netty.transport, REQUEST);
    }

    @TearDown(Level.Invocation)
    public void countThenAwait(Fixture fixture, Control control) throws Exception {
        long start = System.nanoTime();
        long bound = control.boundNanos();
        long sent = 0;
        while ((sent = fixture.process.stats().pageRequests() - requestsBefore) == 0 && System.nanoTime() - start < bound) {
            Thread.sleep(POLL_MILLIS);
        }
        ReportedMetricsProfiler.report(REQUESTS_BEFORE_AWAIT, sent, "requests");
        ReportedMetricsProfiler.report(WAITED, (System.nanoTime() - start) / 1e6, "ms");
        ReportedMetricsProfiler.report(CONTROL_ARRIVAL, control.arrivalNanos / 1e6, "ms");
        Page page = unawaited.await();
        unawaited = null;
        if (page.checksum() != REQUEST.expectedChecksum() || page.length() != REQUEST.size()) {
            throw new IllegalStateException("the awaited download returned " + page + " for " + REQUEST.path());
        }
    }

    /** The page server, in a JVM of its own, for the whole trial. */
    @State(Scope.Benchmark)
    public static class Fixture {
        FixtureProcess process;

        @Setup
        public void start() {
            process = FixtureProcess.start("127.0.0.1", 0);
        }

        @TearDown
        public void stop() {
            process.close();
        }
    }

    /**
     * The eager control: before the trial, a few plain blocking downloads, each on a platform thread
     * of its own, timed from the thread's start until the fixture counts the request. The slowest
     * sets how long the tear-down waits for a model's request before calling the model inert.
     */
    @State(Scope.Benchmark)
    public static class Control {
        private static final int SAMPLES = 3;
        private static final long CONTROL_TIMEOUT_SECONDS = 30;
        long arrivalNanos;

        @Setup
        public void measure(Fixture fixture) throws Exception {
            try (BlockingTransport transport = new BlockingTransport(ClientConfig.of(fixture.process.baseUri()))) {
                transport.get(REQUEST); // the first download loads and links the client's classes: not an arrival time
                for (int i = 0; i < SAMPLES; i++) {
                    long before = fixture.process.stats().pageRequests();
                    long start = System.nanoTime();
                    UnawaitedDownloads.Unawaited download = UnawaitedDownloads.thread(Thread.ofPlatform(), transport, REQUEST);
                    while (fixture.process.stats().pageRequests() == before) {
                        if (System.nanoTime() - start > TimeUnit.SECONDS.toNanos(CONTROL_TIMEOUT_SECONDS)) {
                            throw new IllegalStateException("the eager control's request did not reach the fixture at "
                                    + fixture.process.baseUri() + " within " + CONTROL_TIMEOUT_SECONDS + " s; is it overloaded?");
                        }
                        Thread.sleep(POLL_MILLIS);
                    }
                    arrivalNanos = Math.max(arrivalNanos, System.nanoTime() - start);
                    download.await();
                }
            }
        }

        long boundNanos() {
            long factor = Math.max(TimeUnit.MILLISECONDS.toNanos(MIN_WAIT_MILLIS), CONTROL_FACTOR * arrivalNanos);
            return Math.min(TimeUnit.MILLISECONDS.toNanos(MAX_WAIT_MILLIS), factor);
        }
    }

    /** The blocking models' transport, to the fixture of this trial. */
    @State(Scope.Benchmark)
    public static class Blocking {
        BlockingTransport transport;

        @Setup
        public void start(Fixture fixture) {
            transport = new BlockingTransport(ClientConfig.of(fixture.process.baseUri()));
        }

        @TearDown
        public void stop() {
            transport.close();
        }
    }

    /** The non-blocking models' transport, to the fixture of this trial, with one event loop. */
    @State(Scope.Benchmark)
    public static class Netty {
        NettyTransport transport;

        @Setup
        public void start(Fixture fixture) {
            transport = new NettyTransport(ClientConfig.of(fixture.process.baseUri()), RuntimeStates.RUNTIME_THREADS);
        }

        @TearDown
        public void stop() {
            transport.close();
        }
    }
}
