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
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;

/**
 * What the closed-loop and the open-loop benchmarks set up alike for one trial: the machine's
 * limits checked for the tasks that will be in flight, the fixture in its own JVM (or a target),
 * the delay proxy when asked, the model, and the idle levels the per-task figures are measured from
 * (background CPU, RSS, live heap, threads). It also owns their shutdown, model first.
 */
final class IoTrial implements AutoCloseable {
    /** How long a benchmark waits for one task before it calls the model stuck. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    /** The request timeout under faults: a stall ends here instead of after the default 10 s. */
    private static final Duration FAULT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SETTLE = Duration.ofMillis(300);

    /** What a trial is asked to run. */
    record Setting(String model, int threads, int size, int delay, boolean reuse, double faults, int retry,
                   String target, int netDelay, long bandwidth) {
    }

    private final FixtureProcess fixture;
    private final DelayProxyProcess proxy;
    private final ConcurrencyModel model;
    private final TaskStarts starts;

    private IoTrial(FixtureProcess fixture, DelayProxyProcess proxy, ConcurrencyModel model, TaskStarts starts) {
        this.fixture = fixture;
        this.proxy = proxy;
        this.model = model;
        this.starts = starts;
    }

    /**
     * Checks this machine's limits for {@code inFlight} tasks, starts what the setting asks for and
     * measures the idle client.
     */
    static IoTrial open(Setting setting, int inFlight) throws InterruptedException {
        return open(setting, inFlight, MachineLimits.read());
    }

    /** {@link #open(Setting, int)} with limits the caller has read already. */
    static IoTrial open(Setting setting, int inFlight, MachineLimits limits) throws InterruptedException {
        ModelChoice choice = ModelChoice.parse(setting.model(), setting.threads());
        ModelKind kind = choice.kind();
        limits.checkConcurrency(setting.model(), inFlight, kind.platformThreadsPerTask(), kind.connectionsPerTask());
        if (kind == ModelKind.VIRTUAL && choice.threads() > 0) {
            // read once, when the first virtual thread is created; each trial runs in a fresh fork
            System.setProperty("jdk.virtualThreadScheduler.parallelism", Integer.toString(choice.threads()));
        }
        FixtureProcess fixture = null;
        DelayProxyProcess proxy = null;
        ConcurrencyModel model = null;
        try {
            URI uri;
            if (setting.target().isEmpty()) {
                fixture = FixtureProcess.start("127.0.0.1", 0);
                ClientCpuProfiler.watchFixture(ProcessHandle.of(fixture.pid()).orElse(null));
                uri = fixture.baseUri();
            } else {
                uri = target(setting.target());
            }
            LinkShape link = new LinkShape(setting.netDelay(), setting.bandwidth());
            if (!link.isNone()) {
                limits.checkProxyConnections(setting.model(), inFlight, kind.connectionsPerTask());
                proxy = DelayProxyProcess.start("127.0.0.1", uri, link);
                uri = proxy.baseUri();
            }
            ClientConfig client = ClientConfig.of(uri).withKeepAlive(setting.reuse());
            if (setting.faults() > 0) {
                client = client.withRequestTimeout(FAULT_TIMEOUT);
            }
            Thread.sleep(SETTLE.toMillis()); // threads that served the start-up end before the count
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
            model = kind.create(new ModelConfig(client, choice.threads(), setting.retry()));
            FootprintProfiler.measureIdle(threadsBefore);
            ClientCpuProfiler.measureBackground();
            Workload workload = Workload.of(setting.size(), setting.delay()).withFaults(setting.faults());
            TaskStarts starts = new TaskStarts(model, workload, PATIENCE);
            starts.gauge().makeCurrent();
            return new IoTrial(fixture, proxy, model, starts);
        } catch (RuntimeException | InterruptedException e) {
            close(model, proxy, fixture);
            throw e;
        }
    }

    TaskStarts starts() {
        return starts;
    }

    /** The loop runs on between iterations: what finished in the pause is no iteration's. */
    void beginIteration() {
        starts.beginWindow();
    }

    /**
     * Ends the iteration's windows, innermost first: CPU and allocation, then the JFR counts, then
     * latency and tasks in flight, then the full GC for the live heap. JMH runs the trial's tear-down
     * inside the last iteration, before it stops the profilers; without these marks that iteration's
     * figures would hold the model's shutdown.
     */
    void endIteration() {
        ClientCpuProfiler.markIterationEnd();
        JfrEventsProfiler.markIterationEnd();
        starts.endWindow();
        starts.gauge().markIterationEnd();
        FootprintProfiler.markIterationEnd();
    }

    /**
     * Stops the trial when a failed task says the fixture or the proxy it started has died: every
     * task from here on would fail, and a rate of connect errors is not a result.
     */
    void requireServersAlive(Throwable error) {
        boolean fixtureDied = fixture != null && !fixture.isAlive();
        if (fixtureDied || proxy != null && !proxy.isAlive()) {
            throw new IllegalStateException((fixtureDied ? "the fixture process" : "the delay proxy")
                    + " died during the trial; its tasks fail with: " + error.getMessage());
        }
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

    @Override
    public void close() {
        close(model, proxy, fixture);
    }

    private static void close(ConcurrencyModel model, DelayProxyProcess proxy, FixtureProcess fixture) {
        try {
            if (model != null) {
                model.close();
            }
        } finally {
            ClientCpuProfiler.watchFixture(null);
            try {
                if (proxy != null) {
                    proxy.close();
                }
            } finally {
                if (fixture != null) {
                    fixture.close();
                }
            }
        }
    }
}
