package dev.whyasync.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Real result files kept with the tests, and copies of them with chosen models made slower: a
 * planted change of known size on top of real iteration noise, the same on every test run.
 */
final class ResultFiles {

    /** A real run of all four modes: both test benchmarks, models sequential and virtual, -prof gc. */
    static final String ALL_MODES = "sample-run.json";
    /** A real thrpt run of the slowdown benchmark, models futures and virtual, five iterations. */
    static final String GATE_BASELINE = "gate-baseline.json";

    private ResultFiles() {
    }

    static Path resource(String name) {
        try {
            return Path.of(ResultFiles.class.getResource("/report/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource report/" + name, e);
        }
    }

    /** A copy of {@code run} in which every result's {@code jvmArgs}, as JMH recorded them, are {@code changed}. */
    static Path withJvmArgs(Path run, Path copy, UnaryOperator<List<String>> changed) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            ArrayNode results = (ArrayNode) mapper.readTree(run.toFile());
            for (JsonNode result : results) {
                List<String> args = new ArrayList<>();
                result.path("jvmArgs").forEach(arg -> args.add(arg.asText()));
                ArrayNode replaced = ((ObjectNode) result).putArray("jvmArgs");
                changed.apply(args).forEach(replaced::add);
            }
            mapper.writeValue(copy.toFile(), results);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A copy of {@code run} in which the score of every model matching {@code models} (its
     * {@code model} parameter, else its method name) is multiplied by {@code factor}, score and
     * iteration samples alike (0.8 = 20% fewer ops/s, or 20% less time per op).
     */
    static Path scaled(Path run, Path copy, Predicate<String> models, double factor) {
        ObjectMapper mapper = new ObjectMapper();
        try {
            ArrayNode results = (ArrayNode) mapper.readTree(run.toFile());
            for (JsonNode result : results) {
                String benchmark = result.path("benchmark").asText();
                String model = result.path("params").has("model") ? result.path("params").path("model").asText()
                        : benchmark.substring(benchmark.lastIndexOf('.') + 1);
                if (!models.test(model)) {
                    continue;
                }
                ObjectNode metric = (ObjectNode) result.get("primaryMetric");
                metric.put("score", metric.get("score").asDouble() * factor);
                for (JsonNode fork : metric.get("rawData")) {
                    ArrayNode values = (ArrayNode) fork;
                    for (int i = 0; i < values.size(); i++) {
                        values.set(i, DoubleNode.valueOf(values.get(i).asDouble() * factor));
                    }
                }
            }
            mapper.writeValue(copy.toFile(), results);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
