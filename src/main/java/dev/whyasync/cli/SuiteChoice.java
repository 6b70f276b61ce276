package dev.whyasync.cli;

import dev.whyasync.cli.Profiles.Profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * What a run measures, as the user chose it: a profile, optionally {@code --only <regex>} in place
 * of the profile's list of benchmarks, and {@code -p name=v1,v2} in place of a parameter's values.
 * For the soak profile, {@code --minutes} sets how long each model runs. {@code --jvm-args} adds JVM
 * options to every fork, and {@code --jfr} records JFR events in every iteration. {@code --flame}
 * ({@code flame} true), {@code --no-flame} (false) or, when neither is given (null), the profile's
 * default (the full profile's, where this platform has async-profiler's library) says whether flame
 * graphs are recorded, {@code --flame-engine} ({@code flameEngine})
 * with which engine. The meta file keeps them all, so that {@code bench --resume} plans exactly the
 * same units.
 */
record SuiteChoice(String profile, String only, Map<String, List<String>> params, Integer minutes, List<String> jvmArgs,
                   boolean jfr, Boolean flame, String flameEngine) {
    static final String PARAM_FLAG = "-p";

    SuiteChoice {
        params = params == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(params));
        jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
        if (minutes != null && !profile.equals(Profiles.SOAK.name())) {
            throw new UsageException("--minutes sets how long each model runs in the soak; it needs --profile "
                    + Profiles.SOAK.name() + " " + Arguments.seeHelp("bench"));
        }
        if (flameEngine != null) {
            FlameEngine.requireKnown(flameEngine);
            if (Boolean.FALSE.equals(flame)) {
                throw new UsageException(FlameEngine.FLAG + " chooses how --flame samples the CPU; drop it or --no-flame "
                        + Arguments.seeHelp("bench"));
            }
            flame = true;
        }
        if (Boolean.TRUE.equals(flame) && FlameRecorder.libraryResource().isEmpty()) {
            throw new UsageException("--flame needs async-profiler's library for Linux on x64 or arm64; this is "
                    + System.getProperty("os.name") + " on " + System.getProperty("os.arch") + " " + Arguments.seeHelp("bench"));
        }
        // the profile's default: the full profile records flame graphs where this platform has the library
        flame = flame != null ? flame : Profiles.flamesByDefault(profile) && FlameRecorder.libraryResource().isPresent();
    }

    SuiteChoice(String profile, String only, Map<String, List<String>> params, Integer minutes, List<String> jvmArgs,
                boolean jfr) {
        this(profile, only, params, minutes, jvmArgs, jfr, null, null);
    }

    SuiteChoice(String profile, String only, Map<String, List<String>> params, Integer minutes) {
        this(profile, only, params, minutes, List.of(), false);
    }

    SuiteChoice(String profile, String only, Map<String, List<String>> params) {
        this(profile, only, params, null);
    }

    /** The profile with the choice's benchmarks and parameter values; an unknown name or a bad regex is the user's mistake. */
    Profile resolve() {
        Profile named = Profiles.named(profile);
        if (only != null) {
            try {
                Pattern.compile(only);
            } catch (PatternSyntaxException e) {
                throw new UsageException("bad regular expression '" + only + "' for --only: " + e.getDescription()
                        + " " + Arguments.seeHelp("bench"));
            }
        }
        Profile chosen = named.with(only == null ? named.includes() : List.of(only), params)
                .choosing(jvmArgs, jfr, recordsFlames() ? FlameEngine.forThisMachine(flameEngine) : null);
        return minutes == null ? chosen : chosen.measuring(Duration.ofMinutes(minutes));
    }

    /** Whether the run records flame graphs: asked for, or the profile's default. */
    boolean recordsFlames() {
        return flame;
    }

    /** The plan of this choice over the benchmarks of this build; a {@code -p} no chosen benchmark declares is refused. */
    SuitePlan plan() {
        Profile resolved = resolve();
        SuitePlan plan = SuitePlan.of(resolved, SuitePlan.inJar(resolved, only == null ? null : "--only " + only));
        for (String name : params.keySet()) {
            if (plan.entries().stream().noneMatch(entry -> entry.values().containsKey(name))) {
                List<String> known = plan.entries().stream().flatMap(entry -> entry.values().keySet().stream())
                        .distinct().sorted().toList();
                throw new UsageException("no chosen benchmark has a parameter '" + name + "' for -p"
                        + Suggestion.didYouMean(name, known)
                        + (known.isEmpty() ? " (they have no parameters)" : " (they have: " + String.join(", ", known) + ")"));
            }
        }
        return plan;
    }

    /**
     * Takes every {@code -p name=v1,v2} out of {@code args} (JMH's spelling, and it may be given
     * once per parameter) and returns the values by name; the other arguments go to {@code rest}.
     */
    static Map<String, List<String>> takeParams(List<String> args, List<String> rest) {
        Map<String, List<String>> params = new TreeMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String setting;
            if (arg.startsWith(PARAM_FLAG + "=")) {
                setting = arg.substring(PARAM_FLAG.length() + 1);
            } else if (!arg.equals(PARAM_FLAG)) {
                rest.add(arg);
                continue;
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("-")) {
                setting = args.get(++i);
            } else {
                throw new UsageException("missing value for -p of bench; write -p name=v1,v2 " + Arguments.seeHelp("bench"));
            }
            int eq = setting.indexOf('=');
            List<String> values = eq < 0 ? List.of() : Arrays.asList(setting.substring(eq + 1).split(",", -1));
            if (eq <= 0 || values.stream().anyMatch(value -> value.isEmpty() && values.size() > 1)) {
                throw new UsageException("bad value '" + setting + "' for -p of bench: expected name=v1,v2 "
                        + Arguments.seeHelp("bench"));
            }
            if (params.put(setting.substring(0, eq), new ArrayList<>(values)) != null) {
                throw new UsageException("parameter " + setting.substring(0, eq) + " is given twice with -p; keep one "
                        + Arguments.seeHelp("bench"));
            }
        }
        return params;
    }
}
