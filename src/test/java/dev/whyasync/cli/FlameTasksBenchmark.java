package dev.whyasync.cli;

import dev.whyasync.bench.FlamePoint;
import dev.whyasync.fixture.FixtureProcess;
import dev.whyasync.http.ClientConfig;
import dev.whyasync.model.ConcurrencyModel;
import dev.whyasync.model.ModelConfig;
import dev.whyasync.model.ModelKind;
import dev.whyasync.model.TaskListener;
import dev.whyasync.model.TaskResult;
import dev.whyasync.model.Workload;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The smallest benchmark a flame graph test can profile: one real model downloads two pages from a
 * real fixture JVM per operation, one task at a time, with a one-second warm-up, so that a unit
 * lasts a few seconds and its CPU samples are the model's runtime, Netty and the JDK at work.
 */
@FlamePoint
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-XX:+UseSerialGC"})
@Warmup(iterations = 1, time = 1)
public class FlameTasksBenchmark {
    private static final int SIZE = 1024;

    @Param({"callbacks", "reactive"})
    public String model;

    private FixtureProcess fixture;
    private ConcurrencyModel running;
    private final Workload workload = Workload.of(SIZE, 0);
    private int next;

    @Setup(Level.Trial)
    public void start() {
        fixture = FixtureProcess.start("127.0.0.1", 1);
        running = ModelKind.byName(model).create(ModelConfig.of(ClientConfig.of(fixture.baseUri())));
    }

    @Benchmark
    public TaskResult task() throws Exception {
        CompletableFuture<TaskResult> done = new CompletableFuture<>();
        running.start(workload.task(next++), new TaskListener() {
            @Override
            public void onSuccess(TaskResult result) {
                done.complete(result);
            }

            @Override
            public void onFailure(Throwable error) {
                done.completeExceptionally(error);
            }
        });
        return done.get(10, TimeUnit.SECONDS);
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            if (running != null) {
                running.close();
            }
        } finally {
            if (fixture != null) {
                fixture.close();
            }
        }
    }
}
