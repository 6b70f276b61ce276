package dev.whyasync.report.results;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JMH's JSON result array (from any JMH project) and the meta file beside it. The array is
 * streamed element by element so that an error can name the element and where it starts; Jackson's
 * own messages are cut to their first line so the user sees one line, not a trace.
 */
public final class ResultReader {

    private static final int MAX_PROBLEM_LENGTH = 160;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ResultReader() {
    }

    public static Run read(Path file) throws ResultFormatException {
        List<BenchmarkResult> results = readResults(file);
        List<String> warnings = new ArrayList<>();
        RunMeta meta = readMeta(Run.metaFileOf(file), warnings);
        return new Run(file, Run.idOf(file), results, meta, warnings);
    }

    private static List<BenchmarkResult> readResults(Path file) throws ResultFormatException {
        if (!Files.isRegularFile(file)) {
            throw new ResultFormatException(file, null, "no such file");
        }
        try (JsonParser parser = MAPPER.createParser(file.toFile())) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ResultFormatException(file, null, "empty file, expected JMH's JSON result array");
            }
            if (first != JsonToken.START_ARRAY) {
                throw new ResultFormatException(file, parser.currentTokenLocation(),
                        "not a JMH result: expected an array of benchmark results, found " + describe(first));
            }
            List<BenchmarkResult> results = readElements(file, parser);
            if (parser.nextToken() != null) {
                throw new ResultFormatException(file, parser.currentTokenLocation(), "unexpected content after the result array");
            }
            return results;
        } catch (JsonEOFException e) {
            throw new ResultFormatException(file, e.getLocation(), "truncated JSON: the file ends inside " + openContext(e));
        } catch (StreamReadException e) {
            throw new ResultFormatException(file, e.getLocation(), "malformed JSON: " + firstLine(e.getOriginalMessage()));
        } catch (DatabindException e) {
            throw new ResultFormatException(file, e.getLocation(), "not a JMH result: " + firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new ResultFormatException(file, null, "cannot read: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private static List<BenchmarkResult> readElements(Path file, JsonParser parser) throws IOException, ResultFormatException {
        List<BenchmarkResult> results = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            JsonLocation start = parser.currentTokenLocation();
            if (token == null) {
                throw new ResultFormatException(file, start, "truncated JSON: the file ends inside the result array");
            }
            if (token != JsonToken.START_OBJECT) {
                throw new ResultFormatException(file, start,
                        "not a JMH result: element " + (results.size() + 1) + " is " + describe(token) + ", not an object");
            }
            BenchmarkResult result = MAPPER.readValue(parser, BenchmarkResult.class);
            String missing = missingField(result);
            if (missing != null) {
                throw new ResultFormatException(file, start,
                        "not a JMH result: element " + (results.size() + 1) + " has no " + missing);
            }
            results.add(result);
        }
        if (results.isEmpty()) {
            throw new ResultFormatException(file, parser.currentTokenLocation(), "no benchmark results: the array is empty");
        }
        return results;
    }

    private static String missingField(BenchmarkResult result) {
        if (result.benchmark() == null || result.benchmark().isBlank()) {
            return "\"benchmark\"";
        }
        if (result.mode() == null || result.mode().isBlank()) {
            return "\"mode\"";
        }
        if (result.primaryMetric() == null) {
            return "\"primaryMetric\"";
        }
        if (result.primaryMetric().score() == null) {
            return "\"primaryMetric.score\"";
        }
        return result.primaryMetric().scoreUnit().isEmpty() ? "\"primaryMetric.scoreUnit\"" : null;
    }

    /** The meta file is optional and read leniently: any problem becomes a warning in the report. */
    private static RunMeta readMeta(Path metaFile, List<String> warnings) {
        if (!Files.isRegularFile(metaFile)) {
            return RunMeta.NONE;
        }
        try {
            Object value = MAPPER.readValue(metaFile.toFile(), Object.class);
            if (value instanceof Map<?, ?> map) {
                LinkedHashMap<String, Object> fields = new LinkedHashMap<>();
                map.forEach((k, v) -> fields.put(String.valueOf(k), v));
                return new RunMeta(fields);
            }
            warnings.add(metaFile + ": not a JSON object, ignored");
        } catch (IOException e) {
            String problem = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
            warnings.add(metaFile + ": unreadable (" + firstLine(String.valueOf(problem)) + "), ignored");
        }
        return RunMeta.NONE;
    }

    private static String openContext(JsonEOFException e) {
        JsonToken token = e.getTokenBeingDecoded();
        String message = String.valueOf(e.getOriginalMessage());
        if (message.contains("close marker for ARRAY") || token == JsonToken.START_ARRAY) {
            return "an array";
        }
        if (message.contains("close marker for OBJECT") || token == JsonToken.START_OBJECT) {
            return "an object";
        }
        return "a value";
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.toString();
        };
    }

    static String firstLine(String message) {
        String line = message == null ? "" : message.lines().findFirst().orElse("").strip();
        int source = line.indexOf(" at [Source:");
        if (source > 0) {
            line = line.substring(0, source);
        }
        return line.length() > MAX_PROBLEM_LENGTH ? line.substring(0, MAX_PROBLEM_LENGTH) + "..." : line;
    }
}
