package dev.whyasync.cli;

import dev.whyasync.bench.FlamePoint;
import dev.whyasync.report.results.BenchmarkKey;
import org.openjdk.jmh.annotations.Mode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One JMH run of a suite: one benchmark in one mode with each parameter fixed to one value. It
 * yields exactly one element of JMH's JSON, whose benchmark, mode and parameters are its
 * {@link #key()}, so the result file alone tells which units of a run are done. {@code label} names
 * it for people by the parameters that vary in its plan; {@code estimate} is the plan's guess of
 * its duration; {@code jvmArgsAppend} is what the benchmark's {@code @Fork(jvmArgsAppend)} adds to
 * its forks, which a run that appends options of its own must repeat (JMH takes the run's list
 * instead of the benchmark's, not after it). {@code flamePoint} says whether {@code --flame} profiles
 * it: the unit of its model at its benchmark's {@link FlamePoint}.
 */
record RunUnit(String benchmark, Mode mode, Map<String, String> params, String label, Duration estimate,
               List<String> jvmArgsAppend, boolean flamePoint) {

    /** The parameter a flame point keeps every value of: one flame graph per model. */
    private static final String MODEL = "model";

    RunUnit {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
        jvmArgsAppend = List.copyOf(jvmArgsAppend);
    }

    RunUnit(String benchmark, Mode mode, Map<String, String> params, String label, Duration estimate) {
        this(benchmark, mode, params, label, estimate, List.of(), false);
    }

    /** The key of the unit's result in JMH's JSON: the mode as JMH writes it ("thrpt", "ss"). */
    BenchmarkKey key() {
        return new BenchmarkKey(benchmark, mode.shortLabel(), params);
    }

    /**
     * The units of one entry of a plan: each mode of a {@code Mode.All} benchmark, then each
     * parameter set, the last parameter (by name) changing fastest; each unit takes {@code estimate}.
     */
    static List<RunUnit> of(SuitePlan.Entry entry, Duration estimate) {
        Mode declared = entry.benchmark().mode();
        List<Mode> modes = declared == Mode.All
                ? Arrays.stream(Mode.values()).filter(mode -> mode != Mode.All).toList() : List.of(declared);
        List<RunUnit> units = new ArrayList<>();
        Map<String, String> flamePoint = flamePoint(entry);
        for (Mode mode : modes) {
            for (Map<String, String> set : parameterSets(entry.values())) {
                units.add(new RunUnit(entry.benchmark().name(), mode, set, label(entry, mode, set), estimate,
                        entry.benchmark().jvmArgsAppend(), flamePoint != null && set.entrySet().containsAll(flamePoint.entrySet())));
            }
        }
        return units;
    }

    /**
     * The parameter values of an entry's flame point, the model's aside: each the benchmark's
     * preferred value where the plan has it, else the plan's first; null for a benchmark without a
     * {@link FlamePoint}, or one this JVM cannot load (a name from another build).
     */
    private static Map<String, String> flamePoint(SuitePlan.Entry entry) {
        String benchmark = entry.benchmark().name();
        FlamePoint point;
        try {
            point = Class.forName(benchmark.substring(0, Math.max(0, benchmark.lastIndexOf('.'))), false,
                    RunUnit.class.getClassLoader()).getAnnotation(FlamePoint.class);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
        if (point == null) {
            return null;
        }
        Map<String, String> preferred = new TreeMap<>();
        for (String setting : point.value()) {
            int eq = setting.indexOf('=');
            preferred.put(setting.substring(0, eq), setting.substring(eq + 1));
        }
        Map<String, String> values = new TreeMap<>();
        entry.values().forEach((name, planned) -> {
            if (!name.equals(MODEL) && !planned.isEmpty()) {
                String wanted = preferred.get(name);
                values.put(name, wanted != null && planned.contains(wanted) ? wanted : planned.get(0));
            }
        });
        return values;
    }

    /** JMH's include pattern for this benchmark and no other (JMH searches names with the pattern). */
    String pattern() {
        return "^" + Pattern.quote(benchmark) + "$";
    }

    private static List<Map<String, String>> parameterSets(Map<String, List<String>> values) {
        List<Map<String, String>> sets = List.of(Map.of());
        for (Map.Entry<String, List<String>> param : values.entrySet()) {
            List<Map<String, String>> grown = new ArrayList<>();
            for (Map<String, String> set : sets) {
                for (String value : param.getValue()) {
                    Map<String, String> next = new TreeMap<>(set);
                    next.put(param.getKey(), value);
                    grown.add(next);
                }
            }
            sets = grown;
        }
        return sets;
    }

    /** "IoBenchmark.tasks model=futures concurrency=64": parameters with one value in the whole plan are left out. */
    private static String label(SuitePlan.Entry entry, Mode mode, Map<String, String> set) {
        StringBuilder label = new StringBuilder(SuitePlan.shortName(entry));
        if (entry.benchmark().mode() == Mode.All) {
            label.append(" [").append(mode.shortLabel()).append(']');
        }
        set.forEach((name, value) -> {
            if (entry.values().get(name).size() > 1) {
                label.append(' ').append(name).append('=').append(value);
            }
        });
        return label.toString();
    }
}
