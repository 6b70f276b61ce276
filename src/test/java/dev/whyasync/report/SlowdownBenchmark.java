package dev.whyasync.report;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A stand-in for a suite benchmark, used to produce real JMH JSON for the reporter's tests. Each
 * "model" burns a different, fixed amount of CPU, so a run has distinct scores per model.
 *
 * <p>The planted regression is a JVM property, not a {@code @Param}: a slowed run must carry the
 * same parameter sets as its baseline, as a code change would. {@code -Dreport.slowdown=virtual:20}
 * makes the {@code virtual} model burn 20% more CPU per call.
 */
@State(Scope.Benchmark)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SlowdownBenchmark {

    static final String SLOWDOWN_PROPERTY = "report.slowdown";

    @Param({"sequential", "futures", "virtual"})
    public String model;

    private long tokens;

    @Setup
    public void setUp() {
        long base = switch (model) {
            case "sequential" -> 1_000;
            case "futures" -> 2_000;
            default -> 4_000;
        };
        tokens = base * (100 + slowdownPercent()) / 100;
    }

    private int slowdownPercent() {
        String planted = System.getProperty(SLOWDOWN_PROPERTY, "");
        String[] parts = planted.split(":");
        return parts.length == 2 && parts[0].equals(model) ? Integer.parseInt(parts[1]) : 0;
    }

    @Benchmark
    public void task() {
        Blackhole.consumeCPU(tokens);
    }
}
