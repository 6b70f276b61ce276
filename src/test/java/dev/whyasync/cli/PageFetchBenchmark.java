package dev.whyasync.cli;

import dev.whyasync.fixture.FixtureProcess;
import dev.whyasync.http.BlockingTransport;
import dev.whyasync.http.ClientConfig;
import dev.whyasync.http.Page;
import dev.whyasync.http.PageRequest;
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
 * A suite of four units small enough for the tests of interrupted and resumed runs: each unit
 * starts a real fixture JVM and each single shot downloads one slowed page from it, checked. Under
 * the quick profile (one warm-up and two measured shots) a unit lasts a few seconds, long enough to
 * kill its fork or its fixture in the middle; either makes the unit fail.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"})
@Warmup(iterations = 1)
public class PageFetchBenchmark {
    /** The server's delay per page: a shot's length, so also the time a test has to strike mid-unit. */
    static final int DELAY_MS = 700;
    static final int SIZE = 1024;

    @Param({"1", "2", "3", "4"})
    public int page;

    private FixtureProcess fixture;
    private BlockingTransport transport;

    @Setup(Level.Trial)
    public void start() {
        fixture = FixtureProcess.start("127.0.0.1", 1);
        transport = new BlockingTransport(ClientConfig.of(fixture.baseUri()));
    }

    @Benchmark
    public Page fetch() {
        return transport.get(PageRequest.of(page, SIZE, DELAY_MS));
    }

    @TearDown(Level.Trial)
    public void stop() {
        try {
            if (transport != null) {
                transport.close();
            }
        } finally {
            if (fixture != null) {
                fixture.close();
            }
        }
    }
}
