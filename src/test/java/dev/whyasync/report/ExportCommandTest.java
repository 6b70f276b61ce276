package dev.whyasync.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.ResultReader;
import dev.whyasync.report.results.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --format github-action-benchmark} of the committed baseline (a real quick-profile
 * run): both files parse as the action's custom tools read them, the primary scores go where their
 * direction says, and names carry only the parameters that vary.
 */
class ExportCommandTest {
    private static final Path BASELINE = Path.of("results", "baseline.json");
    /** What the action's {@code BenchmarkResult} interface has: name, value and unit required, range and extra optional. */
    private static final Set<String> FIELDS = Set.of("name", "value", "unit", "range", "extra");

    @TempDir
    Path dir;

    @Test
    void theExportedFilesParseWithTheActionsCustomSchema() throws Exception {
        CommandOutput result = CommandOutput.of(ExportCommand::run, "--format", "github-action-benchmark",
                BASELINE.toString(), "--out", dir.toString());
        assertEquals(0, result.code(), result.err());
        JsonNode bigger = validEntries(dir.resolve(ExportCommand.BIGGER));
        JsonNode smaller = validEntries(dir.resolve(ExportCommand.SMALLER));

        Run run = ResultReader.read(BASELINE);
        long throughputs = run.results().stream().filter(r -> r.mode().equals("thrpt")).count();
        assertEquals(throughputs, bigger.size(), "every throughput score, bigger is better, and nothing else");
        Set<String> names = names(smaller);
        assertTrue(names.contains("IoBenchmark.tasks model=futures alloc.bytes/op"), names.toString());
        assertTrue(names.contains("IoBenchmark.tasks model=futures cpu.ns/op"), names.toString());
        assertTrue(names.contains("IoBenchmark.tasks model=futures latency.p99"), names.toString());
        assertTrue(names(bigger).contains("IoBenchmark.tasks model=futures"), names(bigger).toString());
        for (JsonNode entry : bigger) {
            assertFalse(entry.get("name").asText().contains("concurrency="), "a parameter with one value in the run: " + entry);
            assertTrue(entry.get("extra").asText().contains("concurrency=1024"), "extra keeps every parameter: " + entry);
            assertEquals("ops/s", entry.get("unit").asText());
        }
        BenchmarkResult futures = run.results().stream().filter(r -> r.shortName().equals("IoBenchmark.tasks")
                && r.param("model").orElse("").equals("futures")).findFirst().orElseThrow();
        JsonNode exported = entry(bigger, "IoBenchmark.tasks model=futures");
        assertEquals(futures.primaryMetric().value(), exported.get("value").asDouble(), 0);
        assertTrue(exported.get("range").asText().startsWith("± "), exported.toString());
    }

    @Test
    void anUnknownFormatIsOneLine() {
        CommandOutput result = CommandOutput.of(ExportCommand::run, "--format", "bencher", BASELINE.toString());
        assertTrue(result.isOneLineError("export"), result.err());
        assertTrue(result.err().contains("unknown --format 'bencher'; the one format is github-action-benchmark"), result.err());
    }

    /** The checks the action makes, and a little more: an array of objects with exactly its fields, each of its type, finite, unique names. */
    private static JsonNode validEntries(Path file) throws Exception {
        JsonNode array = new ObjectMapper().readTree(Files.readString(file));
        assertTrue(array.isArray() && !array.isEmpty(), file + " is a non-empty array");
        Set<String> names = new HashSet<>();
        for (JsonNode entry : array) {
            assertTrue(entry.isObject(), entry.toString());
            for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                assertTrue(FIELDS.contains(field), "no field the action does not know: " + field);
            }
            assertTrue(entry.path("name").isTextual() && !entry.get("name").asText().isBlank(), entry.toString());
            assertTrue(entry.path("value").isNumber() && Double.isFinite(entry.get("value").asDouble()), entry.toString());
            assertTrue(entry.path("unit").isTextual(), entry.toString());
            for (String optional : List.of("range", "extra")) {
                assertTrue(entry.path(optional).isMissingNode() || entry.get(optional).isTextual(), entry.toString());
            }
            assertTrue(names.add(entry.get("name").asText()), "the action keys a series by its name; a duplicate: " + entry);
        }
        return array;
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new HashSet<>();
        array.forEach(entry -> names.add(entry.get("name").asText()));
        return names;
    }

    private static JsonNode entry(JsonNode array, String name) {
        for (JsonNode entry : array) {
            if (entry.get("name").asText().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError("no entry " + name);
    }
}
