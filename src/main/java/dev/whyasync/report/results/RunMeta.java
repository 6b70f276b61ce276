package dev.whyasync.report.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The environment written beside a run as {@code <run-id>.meta/meta.json} ({@link Run#metaFileOf}).
 * It is kept as the map it was read from: the writer may add fields, and a missing or oddly typed
 * field must not hide the rest.
 */
public record RunMeta(Map<String, Object> fields) {

    /** The fields the report shows first, in this order; any others follow. */
    public static final List<String> KNOWN_FIELDS = List.of(
            "jdk", "os", "cores", "memoryBytes", "gitCommit", "profile", "jvmArgs", "jfr", "commandLine", "start", "end",
            "status");

    public static final RunMeta NONE = new RunMeta(Map.of());

    public RunMeta {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** A field as display text; nested objects and lists are flattened to one line. */
    public Optional<String> text(String name) {
        Object value = fields.get(name);
        return value == null ? Optional.empty() : Optional.of(flatten(value));
    }

    public Optional<String> jdk() { return text("jdk"); }
    public Optional<String> os() { return text("os"); }
    public Optional<String> gitCommit() { return text("gitCommit"); }
    public Optional<String> profile() { return text("profile"); }
    public Optional<String> commandLine() { return text("commandLine"); }
    public Optional<String> start() { return text("start"); }
    public Optional<String> end() { return text("end"); }
    public Optional<String> status() { return text("status"); }

    /** The run's {@code --jvm-args}; none in a meta file from before they were recorded, empty without a meta file. */
    public Optional<List<String>> jvmArgs() {
        if (isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(fields.get("jvmArgs") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of());
    }

    public Optional<Long> cores() { return number("cores"); }
    public Optional<Long> memoryBytes() { return number("memoryBytes"); }

    private Optional<Long> number(String name) {
        Object value = fields.get(name);
        if (value instanceof Number n) {
            return Optional.of(n.longValue());
        }
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.toString().trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String flatten(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> e.getKey() + "=" + flatten(e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        if (value instanceof List<?> list) {
            return list.stream().map(RunMeta::flatten).collect(Collectors.joining(" "));
        }
        return String.valueOf(value);
    }
}
