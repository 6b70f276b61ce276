package dev.whyasync.report.results;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The garbage collector a fork's JVM options chose: the last {@code -XX:+Use...GC} that no later
 * {@code -XX:-Use...GC} turned off again. Options that name none leave the JVM's default, G1 on
 * any machine with two or more processors and 1792 MB or more (else Serial, which this does not
 * guess at).
 */
public final class GarbageCollector {
    public static final String DEFAULT = "G1";
    private static final Map<String, String> FLAGS = Map.of("UseG1GC", "G1", "UseZGC", "ZGC", "UseParallelGC", "Parallel",
            "UseSerialGC", "Serial", "UseShenandoahGC", "Shenandoah", "UseEpsilonGC", "Epsilon");

    private GarbageCollector() {
    }

    /** The collector the options name, if they name one. */
    public static Optional<String> named(List<String> jvmArgs) {
        String flag = null;
        for (String option : jvmArgs) {
            if (option.startsWith("-XX:+") && FLAGS.containsKey(option.substring(5))) {
                flag = option.substring(5);
            } else if (option.startsWith("-XX:-") && option.substring(5).equals(flag)) {
                flag = null;
            }
        }
        return Optional.ofNullable(flag).map(FLAGS::get);
    }

    /** The collector the options choose, the default when they name none. */
    public static String of(List<String> jvmArgs) {
        return named(jvmArgs).orElse(DEFAULT);
    }

    /** "ZGC", or "G1 (default)" when no option names one. */
    public static String describe(List<String> jvmArgs) {
        return named(jvmArgs).orElse(DEFAULT + " (default)");
    }
}
