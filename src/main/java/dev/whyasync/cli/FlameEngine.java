package dev.whyasync.cli;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * Which async-profiler engine samples the CPU for {@code bench --flame}: {@code cpu} (Linux perf
 * events: CPU time, kernel stacks included) where this process may open perf events, else
 * {@code itimer} (a process-wide CPU-time timer, no kernel stacks, no permission needed), unless
 * {@code --flame-engine} names one. Perf events are allowed when {@code kernel.perf_event_paranoid}
 * is 1 or lower, or to a process holding CAP_PERFMON or CAP_SYS_ADMIN; containers often forbid them
 * (a high paranoid level or seccomp), which is why the choice is made here and recorded in the meta
 * and flame files rather than left to fail. The recording itself names the engine that sampled, and
 * the flame index keeps that too, so a seccomp refusal the paranoid level did not predict shows.
 *
 * @param event  the engine, as async-profiler's {@code event} option
 * @param reason why this engine, for the plan and the flame index
 */
record FlameEngine(String event, String reason) {
    static final String FLAG = "--flame-engine";
    static final String PERF = "cpu";
    static final String ITIMER = "itimer";
    static final List<String> EVENTS = List.of(PERF, ITIMER, "ctimer");
    /** The highest paranoid level at which an unprivileged process may profile itself with perf events. */
    static final int PERF_ALLOWED_UP_TO = 1;
    private static final Path PARANOID = Path.of("/proc/sys/kernel/perf_event_paranoid");
    private static final Path STATUS = Path.of("/proc/self/status");
    private static final int CAP_SYS_ADMIN = 21;
    private static final int CAP_PERFMON = 38;

    /**
     * The engine for a machine whose {@code perf_event_paranoid} is {@code paranoid} (empty: not
     * Linux, or unreadable), for a process that is or is not {@code privileged}, unless the user's
     * {@code override} (null: none) names one.
     */
    static FlameEngine choose(OptionalInt paranoid, boolean privileged, String override) {
        if (override != null) {
            return new FlameEngine(requireKnown(override), FLAG + " " + override);
        }
        if (paranoid.isEmpty()) {
            return new FlameEngine(ITIMER, "no kernel.perf_event_paranoid to read: perf events not available");
        }
        int level = paranoid.getAsInt();
        if (level <= PERF_ALLOWED_UP_TO) {
            return new FlameEngine(PERF, "kernel.perf_event_paranoid=" + level + " allows perf events");
        }
        if (privileged) {
            return new FlameEngine(PERF, "kernel.perf_event_paranoid=" + level + ", but this process may use perf events "
                    + "(CAP_PERFMON or CAP_SYS_ADMIN)");
        }
        return new FlameEngine(ITIMER, "kernel.perf_event_paranoid=" + level + " forbids perf events to this process; "
                + "itimer samples CPU time without kernel stacks");
    }

    /** The engine for this machine and process. */
    static FlameEngine forThisMachine(String override) {
        return choose(paranoidLevel(), privileged(), override);
    }

    /** An engine name async-profiler knows, or a usage error naming the choices. */
    static String requireKnown(String event) {
        if (!EVENTS.contains(event)) {
            throw new UsageException("unknown engine '" + event + "' for " + FLAG + Suggestion.didYouMean(event, EVENTS)
                    + " (choose " + String.join(", ", EVENTS) + ")");
        }
        return event;
    }

    private static OptionalInt paranoidLevel() {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(PARANOID).trim()));
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    /** Whether the effective capabilities ({@code CapEff} in /proc/self/status) hold CAP_PERFMON or CAP_SYS_ADMIN. */
    private static boolean privileged() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("CapEff:")) {
                    BigInteger caps = new BigInteger(line.substring("CapEff:".length()).trim(), 16);
                    return caps.testBit(CAP_PERFMON) || caps.testBit(CAP_SYS_ADMIN);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // no capabilities to read: assume none
        }
        return false;
    }
}
