package dev.whyasync.cli;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.whyasync.report.results.BenchmarkKey;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.ResultFormatException;
import dev.whyasync.report.results.ResultReader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code <run-id>.json} as a run grows: JMH's JSON array with the elements of every finished unit.
 * After each unit the whole array is written beside the file and renamed over it, so that at every
 * moment the file is either the previous valid array or the new one, whatever stops the run. No
 * file at all means no unit has finished yet. Elements are copied as JMH wrote them: numbers keep
 * their digits (read as decimals, not doubles) and fields this code does not know are kept.
 */
record ResultFile(Path path) {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** The keys (benchmark, mode, parameters) of the results the file holds; none when it does not exist. */
    Set<BenchmarkKey> keys() throws ResultFormatException {
        Set<BenchmarkKey> keys = new LinkedHashSet<>();
        if (Files.exists(path)) {
            ResultReader.read(path).results().stream().map(BenchmarkResult::key).forEach(keys::add);
        }
        return keys;
    }

    /**
     * The result JMH wrote for {@code unit} to {@code file}: one element with the unit's key, or an
     * exception that says what the file holds instead.
     */
    static ArrayNode unitResult(Path file, RunUnit unit) throws IOException {
        ArrayNode elements = array(file);
        if (elements.size() != 1 || !keyOf(elements.get(0)).equals(unit.key())) {
            throw new IOException("JMH reported " + elements.size() + " results"
                    + (elements.isEmpty() ? "" : ", first " + keyOf(elements.get(0)).label()) + ", expected one of "
                    + unit.key().label());
        }
        return elements;
    }

    /** Appends {@code added} (elements of JMH's JSON) to the file, which is replaced whole. */
    void append(ArrayNode added) throws IOException {
        ArrayNode all = Files.exists(path) ? array(path) : JSON.createArrayNode();
        all.addAll(added);
        Path partial = path.resolveSibling(path.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(JSON.writeValueAsBytes(all));
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            // on disk before the rename, so that a crash of the machine cannot leave a renamed empty file
            channel.force(true);
        }
        Files.move(partial, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static BenchmarkKey keyOf(JsonNode element) {
        Map<String, String> params = new TreeMap<>();
        element.path("params").properties().forEach(param -> params.put(param.getKey(), param.getValue().asText()));
        return new BenchmarkKey(element.path("benchmark").asText(), element.path("mode").asText(), params);
    }

    private static ArrayNode array(Path file) throws IOException {
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new IOException(file + ": not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""), e);
        }
        if (node instanceof ArrayNode array) {
            return array;
        }
        throw new IOException(file + ": not JMH's JSON array");
    }
}
