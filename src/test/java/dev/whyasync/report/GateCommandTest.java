package dev.whyasync.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate's rule on a real run kept with the tests and on copies of it with planted changes, so
 * each case has one right answer. Fresh repeated runs are in {@link GateRatesTest}.
 */
class GateCommandTest {

    private static final double SLOWDOWN = 1 / 1.2;

    @TempDir
    Path dir;

    private final Path base = ResultFiles.resource(ResultFiles.GATE_BASELINE);

    @Test
    void runComparedWithItselfPasses() {
        CommandOutput output = gate(base, base);
        assertEquals(0, output.code(), output.toString());
        assertTrue(output.out().startsWith("gate: pass, no regression in 2 comparisons"), output.out());
    }

    @Test
    void aRunWithAnotherCollectorIsJudgedWithAWarning() {
        Path parallel = ResultFiles.withJvmArgs(base, dir.resolve("parallel.json"),
                args -> args.stream().map(arg -> arg.equals("-XX:+UseSerialGC") ? "-XX:+UseParallelGC" : arg).toList());
        CommandOutput output = gate(base, parallel);
        assertEquals(0, output.code(), output.toString());
        assertTrue(output.err().lines().anyMatch(line -> line.equals("gate: warning: the runs used different garbage collectors "
                + "(Serial in gate-baseline.json, Parallel in parallel.json); a collector moves throughput, latency and memory "
                + "by itself")), output.err());
        assertEquals(2, output.err().lines().filter(line -> line.startsWith("gate: warning: the runs")).count(), output.err());
    }

    @Test
    void plantedSlowdownFailsTheGateAndNamesTheModel() {
        CommandOutput output = gate(base, planted("virtual", SLOWDOWN));
        assertEquals(1, output.code(), output.toString());
        assertTrue(output.out().startsWith("gate: FAIL, 1 regression"), output.out());
        String row = output.out().lines().filter(l -> l.contains("model=virtual")).findFirst().orElseThrow();
        assertTrue(row.contains("**yes**") && row.contains("also relative to futures") && row.contains("0.833"), row);
    }

    @Test
    void slowdownOfTheReferenceModelIsCheckedAgainstTheNextModel() {
        CommandOutput output = gate(base, planted("futures", SLOWDOWN));
        assertEquals(1, output.code(), output.toString());
        String row = output.out().lines().filter(l -> l.contains("model=futures")).findFirst().orElseThrow();
        assertTrue(row.contains("| virtual |") && row.contains("**yes**"), row);
    }

    @Test
    void uniformlySlowerMachinePasses() {
        CommandOutput output = gate(base, ResultFiles.scaled(base, dir.resolve("slower.json"), m -> true, 0.7));
        assertEquals(0, output.code(), output.toString());
        assertEquals(2, output.out().lines().filter(l -> l.contains("not counted: relative to")).count(), output.out());
        assertFalse(output.out().contains("**yes**"), output.out());
    }

    @Test
    void realSlowdownOnASlowerMachineStillFails() {
        Path slower = ResultFiles.scaled(base, dir.resolve("slower.json"), m -> true, 0.8);
        Path both = ResultFiles.scaled(slower, dir.resolve("both.json"), "virtual"::equals, SLOWDOWN);
        CommandOutput output = gate(base, both);
        assertEquals(1, output.code(), output.toString());
        assertTrue(output.out().contains("not counted: relative to virtual"), "futures only slowed with the machine");
    }

    @Test
    void referenceModelCanBeChosenAndMustExist() {
        Path slowed = planted("virtual", SLOWDOWN);
        CommandOutput chosen = CommandOutput.of(GateCommand::run, "--baseline", base.toString(), slowed.toString(),
                "--reference-model", "virtual");
        assertEquals(1, chosen.code(), chosen.toString());
        assertTrue(chosen.out().contains("| futures |"), "the reference itself is checked against the next model");
        CommandOutput unknown = CommandOutput.of(GateCommand::run, "--baseline", base.toString(), slowed.toString(),
                "--reference-model", "fibers");
        assertTrue(unknown.isOneLineError("gate"), unknown.toString());
        assertTrue(unknown.err().contains("fibers") && unknown.err().contains("futures, virtual"), unknown.err());
    }

    @Test
    void baselineResultsWithNoCounterpartAreNamedNotSilentlyDropped() {
        SuiteResults before = new SuiteResults();
        SuiteResults after = new SuiteResults();
        for (String model : List.of("futures", "virtual")) {
            before.io(model, 64, 1000, Map.of());
            before.io(model, 1024, 2000, Map.of());
            after.io(model, 64, 1000, Map.of());
        }
        CommandOutput output = gate(before.write(dir.resolve("wide.json")), after.write(dir.resolve("narrow.json")));
        assertEquals(0, output.code(), output.toString());
        assertTrue(output.err().startsWith("gate: warning: 2 of the baseline's results have no counterpart in narrow.json")
                && output.err().contains("concurrency=1024"), output.err());
        assertEquals("", gate(base, base).err(), "no warning when every result has its counterpart");
    }

    @Test
    void thresholdDecidesWhatCounts() {
        Path slowed = planted("virtual", 0.88);
        assertEquals(1, gate(base, slowed).code(), "12% slower is beyond the default 10%");
        assertEquals(0, CommandOutput.of(GateCommand::run, "--baseline", base.toString(), slowed.toString(),
                "--threshold", "15").code());
    }

    @Test
    void modelsNamedByMethodAreComparedWithinTheRunToo() {
        SuiteResults spawn = new SuiteResults();
        for (String model : List.of("threads", "futures", "virtual")) {
            spawn.model(SuiteLayout.SPAWN, "avgt", model, model.equals("threads") ? 60_000 : 800, "ns/op", Map.of());
        }
        Path spawnBase = spawn.write(dir.resolve("spawn.json"));
        Path slowerMachine = ResultFiles.scaled(spawnBase, dir.resolve("spawn-slower.json"), m -> true, 1.4);
        assertEquals(0, gate(spawnBase, slowerMachine).code(), "every model 40% slower: the machine");
        Path virtualSlower = ResultFiles.scaled(spawnBase, dir.resolve("spawn-virtual.json"), "virtual"::equals, 1.25);
        CommandOutput output = gate(spawnBase, virtualSlower);
        assertEquals(1, output.code(), output.toString());
        assertTrue(output.out().contains("SpawnBenchmark.virtual") && output.out().contains("also relative to futures"), output.out());
    }

    @Test
    void badInputExitsTwoWithOneLine() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        String json = Files.readString(base);
        Path truncated = Files.writeString(dir.resolve("cut.json"), json.substring(0, json.length() - 40));
        Path notJmh = Files.writeString(dir.resolve("numbers.json"), "[1, 2]");
        Path foreign = Files.writeString(dir.resolve("foreign.json"),
                "[{\"benchmark\": \"x.Y.z\", \"mode\": \"avgt\", \"primaryMetric\": {\"score\": 1.0, \"scoreUnit\": \"ns/op\"}}]");
        for (Path bad : List.of(empty, truncated, notJmh, foreign, dir.resolve("absent.json"))) {
            assertTrue(gate(base, bad).isOneLineError("gate"), bad + " -> " + gate(base, bad));
            assertTrue(gate(bad, base).isOneLineError("gate"), bad + " as baseline");
        }
        assertTrue(gate(base, foreign).err().contains("no benchmark in common"));
        assertTrue(CommandOutput.of(GateCommand::run, base.toString()).isOneLineError("gate"), "no --baseline");
        assertTrue(CommandOutput.of(GateCommand::run, "--baseline", base.toString(), base.toString(), "--threshold", "-5")
                .isOneLineError("gate"));
        assertTrue(CommandOutput.of(GateCommand::run, "--baseline").isOneLineError("gate"));
        CommandOutput help = CommandOutput.of(GateCommand::run, "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("exit codes"));
    }

    private Path planted(String model, double factor) {
        return ResultFiles.scaled(base, dir.resolve(model + "-" + factor + ".json"), model::equals, factor);
    }

    private static CommandOutput gate(Path base, Path now) {
        return CommandOutput.of(GateCommand::run, "--baseline", base.toString(), now.toString());
    }
}
