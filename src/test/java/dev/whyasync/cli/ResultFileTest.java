package dev.whyasync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whyasync.report.results.ResultReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;

/**
 * The result file grows one unit at a time and is JMH's JSON after every step: elements are kept
 * as JMH wrote them, in order, and a unit file that is not exactly the unit's result is refused.
 */
class ResultFileTest {
    static final String BENCHMARK = "dev.whyasync.cli.PageFetchBenchmark.fetch";

    @Test
    void eachAppendLeavesAValidFileWithEveryElementSoFarAndNoTemporaryFile(@TempDir Path dir) throws Exception {
        ResultFile file = new ResultFile(dir.resolve("run.json"));
        assertEquals(Set.of(), file.keys(), "no file yet: no unit done");
        for (String page : List.of("1", "2", "3")) {
            file.append(ResultFile.unitResult(unitFile(dir, element(BENCHMARK, "ss", page, "7" + page + "0.5")), unit(page)));
            assertEquals(Set.of("run.json", "unit.json"), names(dir), "the .tmp beside the file is renamed over it");
            List<String> pages = ResultReader.read(file.path()).results().stream()
                    .map(result -> result.param("page").orElseThrow()).toList();
            assertEquals(List.of("1", "2", "3").subList(0, Integer.parseInt(page)), pages);
        }
        assertEquals(List.of(unit("1").key(), unit("2").key(), unit("3").key()), List.copyOf(file.keys()));
    }

    @Test
    void elementsKeepTheirNumbersDigitsAndFieldsTheReaderDoesNotKnow(@TempDir Path dir) throws Exception {
        String written = element(BENCHMARK, "ss", "1", "0.12345678901234567890123")
                .replace("\"mode\"", "\"aFieldOfALaterJmh\" : [1, \"x\"], \"mode\"");
        ResultFile file = new ResultFile(dir.resolve("run.json"));
        file.append(ResultFile.unitResult(unitFile(dir, written), unit("1")));
        JsonNode kept = new ObjectMapper().readTree(Files.readString(file.path())).get(0);
        assertEquals(new ObjectMapper().readTree(written), kept);
        assertTrue(Files.readString(file.path()).contains("0.12345678901234567890123"), "more digits than a double holds");
    }

    @Test
    void aUnitFileThatIsNotExactlyTheUnitsResultIsRefused(@TempDir Path dir) throws Exception {
        String page2 = element(BENCHMARK, "ss", "2", "1.0");
        assertTrue(refusal(dir, "[]").contains("JMH reported 0 results"));
        assertTrue(refusal(dir, "[" + page2 + "]").contains("first PageFetchBenchmark.fetch [ss] page=2, expected one of "
                + "PageFetchBenchmark.fetch [ss] page=1"), refusal(dir, "[" + page2 + "]"));
        assertTrue(refusal(dir, "[" + element(BENCHMARK, "ss", "1", "1.0") + "," + page2 + "]").contains("2 results"));
        assertTrue(refusal(dir, "[{\"benchmark\"").contains("unit.json: not valid JSON"));
        assertTrue(refusal(dir, "{}").contains("unit.json: not JMH's JSON array"));
    }

    private static String refusal(Path dir, String json) throws IOException {
        Path unitFile = Files.writeString(dir.resolve("unit.json"), json);
        return assertThrows(IOException.class, () -> ResultFile.unitResult(unitFile, unit("1"))).getMessage();
    }

    static RunUnit unit(String page) {
        return new RunUnit(BENCHMARK, Mode.SingleShotTime, Map.of("page", page), "page " + page, Duration.ofSeconds(1));
    }

    /** A JMH result element as JMH 1.37 writes one, reduced to the fields a reader needs. */
    static String element(String benchmark, String mode, String page, String score) {
        return """
                {"jmhVersion" : "1.37", "benchmark" : "%s", "mode" : "%s", "threads" : 1, "forks" : 1,
                 "params" : {"page" : "%s"},
                 "primaryMetric" : {"score" : %s, "scoreError" : "NaN", "scoreConfidence" : ["NaN", "NaN"],
                  "scoreUnit" : "ms/op", "rawData" : [[%s]]},
                 "secondaryMetrics" : {}}""".formatted(benchmark, mode, page, score, score);
    }

    private static Path unitFile(Path dir, String element) throws IOException {
        return Files.writeString(dir.resolve("unit.json"), "[" + element + "]");
    }

    private static Set<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        }
    }
}
