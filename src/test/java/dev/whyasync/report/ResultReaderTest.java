package dev.whyasync.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.Metric;
import dev.whyasync.report.results.ResultFormatException;
import dev.whyasync.report.results.ResultReader;
import dev.whyasync.report.results.Run;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsEveryJmhModeFromARealRun() throws Exception {
        Run run = ResultReader.read(JmhRuns.allModes());
        Set<String> modes = run.results().stream().map(BenchmarkResult::mode).collect(Collectors.toSet());
        assertEquals(Set.of("thrpt", "avgt", "sample", "ss"), modes);
        for (BenchmarkResult r : run.results()) {
            Metric primary = r.primaryMetric();
            assertTrue(primary.value() > 0 && Double.isFinite(primary.value()), r.key().label());
            assertEquals(r.measurementIterations() * r.forks(), primary.iterationSamples().size(),
                    "one sample per measured iteration: " + r.key().label());
            assertTrue(r.secondary("gc.alloc.rate.norm").isPresent(), "-prof gc metric in " + r.key().label());
        }
        BenchmarkResult sample = run.results().stream().filter(r -> r.mode().equals("sample")).findFirst().orElseThrow();
        assertTrue(sample.primaryMetric().rawData().isEmpty(), "sample mode has histograms, not rawData");
        assertTrue(sample.primaryMetric().percentile("99.0").isPresent());
        BenchmarkResult plain = run.results().stream().filter(r -> r.shortName().equals("PlainBenchmark.allocate"))
                .findFirst().orElseThrow();
        assertTrue(plain.params().isEmpty(), "a benchmark without @Param has no params");
        assertEquals(Set.of("sequential", "virtual"), run.results().stream().map(r -> r.params().get("model"))
                .filter(m -> m != null).collect(Collectors.toSet()));
    }

    @Test
    void keepsUnknownFieldsInsteadOfFailing() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode array = (ArrayNode) mapper.readTree(sample().toFile());
        ObjectNode first = (ObjectNode) array.get(0);
        first.put("futureField", 42);
        ((ObjectNode) first.get("primaryMetric")).put("scoreShape", "normal");
        Path file = dir.resolve("extended.json");
        mapper.writeValue(file.toFile(), array);
        BenchmarkResult result = ResultReader.read(file).results().get(0);
        assertEquals(42, result.unknown().get("futureField"));
        assertEquals("normal", result.primaryMetric().unknown().get("scoreShape"));
    }

    @Test
    void readsTheMetaFileBesideTheRunLeniently() throws Exception {
        Path file = copySample("2024-run.json");
        Files.writeString(dir.resolve("2024-run.meta.json"), """
                {"jdk": "21.0.4", "cores": "8", "memoryBytes": 17179869184, "os": {"name": "Linux", "arch": "amd64"},
                 "gitCommit": "abc123", "extra": [1, 2]}""");
        Run run = ResultReader.read(file);
        assertEquals("2024-run", run.id());
        assertEquals("21.0.4", run.meta().jdk().orElseThrow());
        assertEquals(8L, run.meta().cores().orElseThrow(), "a number written as a string still reads");
        assertEquals(17179869184L, run.meta().memoryBytes().orElseThrow());
        assertEquals("name=Linux, arch=amd64", run.meta().os().orElseThrow());
        assertTrue(run.meta().profile().isEmpty());
        assertTrue(run.warnings().isEmpty());

        Files.writeString(dir.resolve("2024-run.meta.json"), "{\"jdk\": ");
        Run broken = ResultReader.read(file);
        assertTrue(broken.meta().isEmpty());
        assertEquals(1, broken.warnings().size(), "a broken meta file is a warning, not a failure");
        assertFalse(broken.results().isEmpty());
    }

    @Test
    void aResultsFolderWithMetaFilesLoadsInOneGlobWithoutError() throws Exception {
        for (String profile : List.of("quick", "full")) {
            copySample("20250101-120000-" + profile + ".json");
            Files.createDirectory(dir.resolve("20250101-120000-" + profile + ".meta"));
            Files.writeString(dir.resolve("20250101-120000-" + profile + ".meta/meta.json"), "{\"profile\": \"" + profile + "\"}");
        }
        Map<String, String> profiles = new TreeMap<>();
        try (DirectoryStream<Path> glob = Files.newDirectoryStream(dir, "*.json")) {
            for (Path file : glob) {
                Run run = ResultReader.read(file);
                profiles.put(run.id(), run.meta().profile().orElse("none"));
            }
        }
        assertEquals(Map.of("20250101-120000-quick", "quick", "20250101-120000-full", "full"), profiles,
                "the meta files are out of the glob, and each is read with its run");

        Path older = Files.createDirectory(dir.resolve("older"));
        Path old = Files.copy(sample(), older.resolve("20240101-120000-default.json"));
        Files.writeString(older.resolve("20240101-120000-default.meta.json"), "{\"profile\": \"default\"}");
        assertEquals("default", ResultReader.read(old).meta().profile().orElseThrow(), "a meta file in the old place still reads");
    }

    @Test
    void theCommittedResultsFolderHoldsOnlyJmhArraysUnderItsJsonGlob() throws Exception {
        Path results = Path.of("results");
        int read = 0;
        try (DirectoryStream<Path> glob = Files.newDirectoryStream(results, "*.json")) {
            for (Path file : glob) {
                Run run = ResultReader.read(file);
                assertFalse(run.results().isEmpty(), file.toString());
                assertTrue(run.warnings().isEmpty(), run.warnings().toString());
                read++;
            }
        }
        assertTrue(read >= 1, "results/baseline.json at least");
        assertFalse(ResultReader.read(results.resolve("baseline.json")).meta().isEmpty(), "the baseline's meta file is found");
    }

    @Test
    void emptyFileIsAFormatErrorNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("empty.json"), "");
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> ResultReader.read(file));
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @Test
    void truncatedFileReportsWhereItEnds() throws IOException {
        String json = Files.readString(sample());
        Path file = Files.writeString(dir.resolve("truncated.json"), json.substring(0, json.length() / 2));
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> ResultReader.read(file));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.line() > 1 && e.column() > 0, "position of the end: " + e.getMessage());
        assertTrue(e.getMessage().startsWith(file + ":" + e.line() + ":" + e.column() + ": "), e.getMessage());
    }

    @Test
    void validJsonThatIsNotJmhIsRejectedWithPosition() throws IOException {
        Map<String, String> cases = Map.of(
                "object.json", "{\"benchmark\": \"x\"}",
                "numbers.json", "[1, 2, 3]",
                "no-benchmark.json", "[\n  {\"mode\": \"thrpt\", \"primaryMetric\": {\"score\": 1, \"scoreUnit\": \"ops/s\"}}\n]",
                "no-score.json", "[{\"benchmark\": \"a.B.c\", \"mode\": \"thrpt\", \"primaryMetric\": {\"scoreUnit\": \"ops/s\"}}]",
                "wrong-type.json", "[{\"benchmark\": \"a.B.c\", \"mode\": \"thrpt\", \"params\": [1]}]",
                "empty-array.json", "[]");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path file = Files.writeString(dir.resolve(c.getKey()), c.getValue());
            ResultFormatException e = assertThrows(ResultFormatException.class, () -> ResultReader.read(file), c.getKey());
            assertTrue(e.line() >= 1, c.getKey() + ": " + e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
        }
        ResultFormatException e = assertThrows(ResultFormatException.class,
                () -> ResultReader.read(dir.resolve("no-benchmark.json")));
        assertEquals(2, e.line(), "the element without a benchmark starts on line 2");
        assertTrue(e.getMessage().contains("\"benchmark\""), e.getMessage());
    }

    @Test
    void missingFileIsAFormatError() {
        ResultFormatException e = assertThrows(ResultFormatException.class, () -> ResultReader.read(dir.resolve("absent.json")));
        assertTrue(e.getMessage().contains("no such file"));
    }

    private Path copySample(String name) throws IOException {
        return Files.copy(sample(), dir.resolve(name));
    }

    static Path sample() {
        return ResultFiles.resource(ResultFiles.ALL_MODES);
    }
}
