package dev.whyasync.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {

    @TempDir
    Path dir;

    private final Path base = ResultFiles.resource(ResultFiles.GATE_BASELINE);

    @Test
    void runComparedWithItselfChangesNothing() {
        CommandOutput output = CommandOutput.of(CompareCommand::run, base.toString(), base.toString());
        assertEquals(0, output.code(), output.err());
        List<String> rows = output.out().lines().filter(l -> l.startsWith("| SlowdownBenchmark.task")).toList();
        assertEquals(2, rows.size(), output.out());
        rows.forEach(r -> assertTrue(r.contains("1.000 (+0.0%)") && r.contains("not significant"), r));
    }

    @Test
    void plantedSlowdownIsMarkedOnTheSlowedModelOnly() throws Exception {
        Path slowed = ResultFiles.scaled(base, dir.resolve("slowed.json"), "virtual"::equals, 1 / 1.2);
        CommandOutput output = CommandOutput.of(CompareCommand::run, base.toString(), slowed.toString(), "--json");
        assertEquals(0, output.code(), output.err());
        JsonNode json = new ObjectMapper().readTree(output.out());
        assertEquals(10.0, json.get("thresholdPercent").asDouble());
        for (JsonNode change : json.get("changes")) {
            assertEquals("higher", change.get("better").asText());
            boolean slowedModel = change.get("params").get("model").asText().equals("virtual");
            assertEquals(slowedModel ? "regression" : "not_significant", change.get("verdict").asText(), change.toString());
            assertEquals(slowedModel ? 1 / 1.2 : 1, change.get("ratio").asDouble(), 1e-9);
        }
    }

    @Test
    void marksOnRealRepeatedRunsFollowSignificanceAndThreshold() throws Exception {
        Path a = JmhRuns.baselines(1).get(0);
        Path b = JmhRuns.slowed(1).get(0);
        for (String threshold : List.of("10", "5")) {
            CommandOutput output = CommandOutput.of(CompareCommand::run, a.toString(), b.toString(), "--json", "--threshold", threshold);
            assertEquals(0, output.code(), output.err());
            JsonNode changes = new ObjectMapper().readTree(output.out()).get("changes");
            assertEquals(JmhRuns.MODELS.size(), changes.size());
            for (JsonNode c : changes) {
                double ratio = c.get("ratio").asDouble();
                assertEquals(c.get("b").asDouble() / c.get("a").asDouble(), ratio, 1e-9);
                assertTrue(c.get("ciLow").asDouble() <= ratio && ratio <= c.get("ciHigh").asDouble(), c.toString());
                boolean significant = c.get("ciHigh").asDouble() < 1 || c.get("ciLow").asDouble() > 1;
                assertEquals(significant, c.get("significant").asBoolean(), c.toString());
                boolean large = Math.abs(ratio - 1) * 100 > Double.parseDouble(threshold);
                String expected = !significant ? "not_significant" : !large ? "below_threshold"
                        : ratio < 1 ? "regression" : "improvement";
                assertEquals(expected, c.get("verdict").asText(), c.toString());
            }
        }
    }

    @Test
    void secondaryMetricsAndEveryModeCompareOnARealRun() {
        Path run = ResultFiles.resource(ResultFiles.ALL_MODES);
        CommandOutput output = CommandOutput.of(CompareCommand::run, run.toString(), run.toString(), "--secondary", "--threshold", "5");
        assertEquals(0, output.code(), output.err());
        assertTrue(output.out().contains("gc.alloc.rate.norm"));
        for (String mode : List.of("thrpt", "avgt", "sample", "ss")) {
            assertTrue(output.out().contains("| " + mode + " |"), mode);
        }
        assertTrue(output.out().contains("lower is better") && output.out().contains("higher is better"));
        assertFalse(output.out().contains("**regression**"), "a run compared with itself");
    }

    @Test
    void mismatchedOrBadInputIsOneLineAndExitTwo() throws Exception {
        Path plainOnly = onlyPlainBenchmark();
        Path empty = Files.writeString(dir.resolve("empty.json"), "");
        Path truncated = Files.writeString(dir.resolve("cut.json"), "[{\"benchmark\": \"a.B.c\", \"mode\": ");
        Path notJmh = Files.writeString(dir.resolve("map.json"), "{\"results\": []}");
        String b = base.toString();
        List<List<String>> cases = List.of(
                List.of(b, plainOnly.toString()), List.of(b, empty.toString()), List.of(truncated.toString(), b),
                List.of(b, notJmh.toString()), List.of(b), List.of(b, b, "--threshold", "ten"), List.of(b, b, "--colour"));
        for (List<String> args : cases) {
            CommandOutput output = CommandOutput.of(CompareCommand::run, args.toArray(String[]::new));
            assertTrue(output.isOneLineError("compare"), args + " -> " + output);
        }
        CommandOutput mismatch = CommandOutput.of(CompareCommand::run, b, plainOnly.toString());
        assertTrue(mismatch.err().contains("no benchmark in common"), mismatch.err());
        assertEquals(0, CommandOutput.of(CompareCommand::run, "--help").code());
    }

    @Test
    void differentJvmOptionsAndCollectorsAreOneWarningLineEach() {
        Path zgc = ResultFiles.withJvmArgs(base, dir.resolve("zgc.json"),
                args -> args.stream().map(arg -> arg.equals("-XX:+UseSerialGC") ? "-XX:+UseZGC" : arg).toList());
        CommandOutput output = CommandOutput.of(CompareCommand::run, base.toString(), zgc.toString());
        assertEquals(0, output.code(), output.err());
        List<String> warnings = output.err().lines().toList();
        assertEquals(2, warnings.size(), output.err());
        assertTrue(warnings.get(0).startsWith("compare: warning: the runs' forks had different JVM options (only in "
                + "gate-baseline.json: -XX:+UseSerialGC; only in zgc.json: -XX:+UseZGC, first at SlowdownBenchmark.task [thrpt] "), warnings.get(0));
        assertEquals("compare: warning: the runs used different garbage collectors (Serial in gate-baseline.json, ZGC in zgc.json); "
                + "a collector moves throughput, latency and memory by itself", warnings.get(1));
        assertTrue(output.out().contains("| SlowdownBenchmark.task"), "the comparison itself is unchanged: " + output.out());
        assertEquals("", CommandOutput.of(CompareCommand::run, base.toString(), base.toString()).err(), "same options, no warning");
    }

    @Test
    void withoutJvmArgsInTheResultsTheMetaFilesSayWhichOptionsTheRunsHad() throws Exception {
        Path a = ResultFiles.withJvmArgs(base, dir.resolve("a.json"), args -> List.of());
        Path b = ResultFiles.withJvmArgs(base, dir.resolve("b.json"), args -> List.of());
        Files.writeString(dir.resolve("a.meta.json"), "{\"profile\": \"quick\"}");
        Files.writeString(dir.resolve("b.meta.json"), "{\"profile\": \"quick\", \"jvmArgs\": [\"-XX:+UseParallelGC\"]}");
        CommandOutput output = CommandOutput.of(CompareCommand::run, a.toString(), b.toString(), "--json");
        assertEquals(0, output.code(), output.err());
        assertEquals(List.of("compare: warning: the runs had different --jvm-args (a.json: none; b.json: '-XX:+UseParallelGC'); "
                        + "the numbers may differ for that alone",
                "compare: warning: the runs used different garbage collectors (G1 (default) in a.json, Parallel in b.json); "
                        + "a collector moves throughput, latency and memory by itself"), output.err().lines().toList());
    }

    /** A real result file holding only the benchmark the gate baseline does not have. */
    private Path onlyPlainBenchmark() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode plain = mapper.createArrayNode();
        mapper.readTree(ResultFiles.resource(ResultFiles.ALL_MODES).toFile()).forEach(r -> {
            if (r.get("benchmark").asText().endsWith("PlainBenchmark.allocate")) {
                plain.add(r);
            }
        });
        Path file = dir.resolve("plain.json");
        mapper.writeValue(file.toFile(), plain);
        return file;
    }
}
