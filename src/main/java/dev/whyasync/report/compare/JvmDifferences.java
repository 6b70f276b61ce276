package dev.whyasync.report.compare;

import dev.whyasync.report.results.BenchmarkKey;
import dev.whyasync.report.results.BenchmarkResult;
import dev.whyasync.report.results.GarbageCollector;
import dev.whyasync.report.results.Run;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Whether two runs' forks ran with different JVM options or garbage collectors, either of which
 * moves every figure by itself: at most one warning line for each. The options JMH recorded for
 * each result ({@code jvmArgs}: JMH's, the launcher's, the benchmark's own and the run's
 * {@code --jvm-args}) are compared for the results the runs have in common; where JMH recorded
 * none, the {@code jvmArgs} of the two meta files (the run's {@code --jvm-args}) are. The folder a
 * run keeps its JFR recordings in is the run's own and does not count.
 */
public final class JvmDifferences {
    private static final String JFR_DIR = "-Dwhyasync.jfr.dir=";

    private JvmDifferences() {
    }

    /** The warnings, one line each, without a command's prefix. */
    public static List<String> between(Run before, Run after) {
        List<Pair> pairs = pairs(before, after);
        List<String> warnings = new ArrayList<>();
        options(before, after, pairs).ifPresent(warnings::add);
        collectors(before, after, pairs).ifPresent(warnings::add);
        return warnings;
    }

    /** The results of the same benchmark, mode and parameters in both runs, where JMH recorded the forks' options. */
    private record Pair(BenchmarkKey key, List<String> before, List<String> after) {
    }

    private static List<Pair> pairs(Run before, Run after) {
        Map<BenchmarkKey, BenchmarkResult> later = new LinkedHashMap<>();
        after.results().forEach(r -> later.putIfAbsent(r.key(), r));
        List<Pair> pairs = new ArrayList<>();
        for (BenchmarkResult one : before.results()) {
            BenchmarkResult other = later.get(one.key());
            if (other != null && !one.jvmArgs().isEmpty() && !other.jvmArgs().isEmpty()) {
                pairs.add(new Pair(one.key(), forkOptions(one.jvmArgs()), forkOptions(other.jvmArgs())));
            }
        }
        return pairs;
    }

    private static Optional<String> options(Run before, Run after, List<Pair> pairs) {
        if (!pairs.isEmpty()) {
            return pairs.stream().filter(p -> !p.before().equals(p.after())).findFirst()
                    .map(p -> "the runs' forks had different JVM options (" + difference(before, p.before(), after, p.after())
                            + ", first at " + p.key().label() + "); the numbers may differ for that alone");
        }
        Optional<List<String>> a = before.meta().jvmArgs();
        Optional<List<String>> b = after.meta().jvmArgs();
        if (a.isEmpty() || b.isEmpty() || a.get().equals(b.get())) {
            return Optional.empty();
        }
        return Optional.of("the runs had different --jvm-args (" + name(before) + ": " + shown(a.get()) + "; " + name(after)
                + ": " + shown(b.get()) + "); the numbers may differ for that alone");
    }

    private static Optional<String> collectors(Run before, Run after, List<Pair> pairs) {
        Set<String> differing = new LinkedHashSet<>();
        if (!pairs.isEmpty()) {
            pairs.forEach(p -> differing(before, p.before(), after, p.after()).ifPresent(differing::add));
        } else if (before.meta().jvmArgs().isPresent() && after.meta().jvmArgs().isPresent()) {
            differing(before, before.meta().jvmArgs().get(), after, after.meta().jvmArgs().get()).ifPresent(differing::add);
        }
        if (differing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the runs used different garbage collectors (" + String.join("; ", differing)
                + "); a collector moves throughput, latency and memory by itself");
    }

    private static Optional<String> differing(Run before, List<String> a, Run after, List<String> b) {
        if (GarbageCollector.of(a).equals(GarbageCollector.of(b))) {
            return Optional.empty();
        }
        return Optional.of(GarbageCollector.describe(a) + " in " + name(before) + ", " + GarbageCollector.describe(b)
                + " in " + name(after));
    }

    /** "only in A.json: -Xmx2g; only in B.json: -XX:+UseZGC", or the order when both have the same options. */
    private static String difference(Run before, List<String> a, Run after, List<String> b) {
        List<String> onlyA = without(a, b);
        List<String> onlyB = without(b, a);
        if (onlyA.isEmpty() && onlyB.isEmpty()) {
            return "the same options in another order: " + shown(a) + " in " + name(before) + ", " + shown(b) + " in "
                    + name(after);
        }
        Function<List<String>, String> listed = options -> options.isEmpty() ? "nothing" : String.join(" ", options);
        return "only in " + name(before) + ": " + listed.apply(onlyA) + "; only in " + name(after) + ": " + listed.apply(onlyB);
    }

    /** {@code options} without one occurrence of each of {@code other}'s. */
    private static List<String> without(List<String> options, List<String> other) {
        List<String> rest = new ArrayList<>(options);
        other.forEach(rest::remove);
        return rest;
    }

    private static List<String> forkOptions(List<String> jvmArgs) {
        return jvmArgs.stream().filter(option -> !option.startsWith(JFR_DIR)).toList();
    }

    private static String shown(List<String> options) {
        return options.isEmpty() ? "none" : "'" + String.join(" ", options) + "'";
    }

    private static String name(Run run) {
        return run.file().getFileName().toString();
    }
}
