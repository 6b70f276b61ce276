package dev.whyasync.bench;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The operating-system limits that decide how many platform threads and sockets one JVM can hold,
 * read from {@code /proc} and the cgroup file system. Benchmarks check their concurrency against
 * them before starting, because the failure they prevent ({@code unable to create native thread}
 * at thread 32 000) looks like a result about the model when it is a fact about the machine.
 *
 * <p>The surprising limit is usually {@code vm.max_map_count}, not memory: each platform thread
 * costs two memory mappings (its stack and the guard page below it, measured: 2.0 per thread on
 * Linux/HotSpot), and the default of 65 530 mappings caps a process at about 32 000 threads however
 * much RAM it has. Values that cannot be read (another OS, a missing file) count as unlimited:
 * what cannot be known is not refused. A value of {@link #UNLIMITED} means no limit.
 */
public record MachineLimits(long openFiles, long userProcesses, long maxMapCount, long threadsMax,
                            long pidMax, long cgroupPidsMax, long memoryBytes, int cores) {

    public static final long UNLIMITED = Long.MAX_VALUE;
    /** Mappings the JVM holds itself (heap, code cache, metaspace, libraries): ~200 bare, a few thousand loaded. */
    static final long MAP_MARGIN = 5_000;
    static final int MAPS_PER_THREAD = 2;
    /** Threads and pids of other processes (the fixture JVM, the shell, the OS) share the system-wide counts. */
    static final long TASK_MARGIN = 1_000;
    /** Descriptors the JVM holds that are not connections: jars, epoll and event fds, pipes, the fixture's stdio. */
    static final long FILE_MARGIN = 500;

    private static final Path PROC = Path.of("/proc");
    private static final Path CGROUP = Path.of("/sys/fs/cgroup");

    /** The limits of the machine this JVM runs on. */
    public static MachineLimits read() {
        long memory = memoryFromMeminfo(readOrNull(PROC.resolve("meminfo")));
        return new MachineLimits(
                softLimit(readOrNull(PROC.resolve("self/limits")), "Max open files"),
                softLimit(readOrNull(PROC.resolve("self/limits")), "Max processes"),
                number(readOrNull(PROC.resolve("sys/vm/max_map_count"))),
                number(readOrNull(PROC.resolve("sys/kernel/threads-max"))),
                number(readOrNull(PROC.resolve("sys/kernel/pid_max"))),
                cgroupPidsMax(readOrNull(PROC.resolve("self/cgroup"))),
                memory > 0 ? memory : totalMemoryFromJvm(),
                Runtime.getRuntime().availableProcessors());
    }

    /**
     * Limits from the text of the files {@link #read()} reads; {@code null} for a file that does not
     * exist. {@code cgroupPidsMax} is the content of the tightest {@code pids.max} ("max" or a number).
     */
    public static MachineLimits parse(String procSelfLimits, String maxMapCount, String threadsMax, String pidMax,
                                      String cgroupPidsMax, String meminfo, int cores) {
        return new MachineLimits(softLimit(procSelfLimits, "Max open files"), softLimit(procSelfLimits, "Max processes"),
                number(maxMapCount), number(threadsMax), number(pidMax), number(cgroupPidsMax),
                memoryFromMeminfo(meminfo), cores);
    }

    /** How many platform threads this process can start: the tightest of the bounds below, minus margins. */
    public int maxPlatformThreads() {
        return (int) Math.min(Integer.MAX_VALUE, threadBound().threads());
    }

    /** How many sockets this process can open: the open-files limit minus the descriptors the JVM needs itself. */
    public int maxConnections() {
        return (int) Math.min(Integer.MAX_VALUE, minusMargin(openFiles, FILE_MARGIN));
    }

    /**
     * Refuses a concurrency that would need more platform threads or connections than this machine
     * has, with a message that names the limit, the numbers and the fix.
     */
    public void checkConcurrency(String model, int concurrency, int threadsPerTask, int connectionsPerTask) {
        if (concurrency < 0 || threadsPerTask < 0 || connectionsPerTask < 0) {
            throw new IllegalArgumentException("concurrency and per-task counts must be >= 0, were "
                    + concurrency + ", " + threadsPerTask + ", " + connectionsPerTask);
        }
        long threads = (long) concurrency * threadsPerTask;
        Bound bound = threadBound();
        if (threads > bound.threads()) {
            throw new LimitExceededException(bound.setting(), threads, bound.threads(), String.format(Locale.ROOT,
                    "concurrency %d for model %s needs %d platform threads, above this machine's limit of ~%d (%s=%d); "
                            + "lower -p concurrency or %s",
                    concurrency, model, threads, bound.threads(), bound.setting(), bound.value(), bound.fix()));
        }
        long connections = (long) concurrency * connectionsPerTask;
        if (connections > maxConnections()) {
            throw new LimitExceededException("ulimit -n", connections, maxConnections(), String.format(Locale.ROOT,
                    "concurrency %d for model %s needs %d connections, above this machine's limit of ~%d (ulimit -n=%d); "
                            + "lower -p concurrency or raise the open-files limit (ulimit -n, LimitNOFILE)",
                    concurrency, model, connections, maxConnections(), openFiles));
        }
    }

    /**
     * Refuses a concurrency that a delay proxy between client and server could not carry. The proxy
     * is a process of its own with the same open-files limit, and it holds two descriptors for each
     * client connection: the client's, and its own to the server.
     */
    public void checkProxyConnections(String model, int concurrency, int connectionsPerTask) {
        long descriptors = 2L * concurrency * connectionsPerTask;
        if (descriptors > maxConnections()) {
            throw new LimitExceededException("ulimit -n", descriptors, maxConnections(), String.format(Locale.ROOT,
                    "concurrency %d for model %s through the delay proxy needs %d descriptors in the proxy's process "
                            + "(two per connection), above this machine's limit of ~%d (ulimit -n=%d); lower -p concurrency, "
                            + "raise the open-files limit (ulimit -n, LimitNOFILE) or run without -p netDelay/-p bandwidth",
                    concurrency, model, descriptors, maxConnections(), openFiles));
        }
    }

    /** One line for logs and the plan printed before a run. */
    public String describe() {
        Bound bound = threadBound();
        String threads = bound.threads() == UNLIMITED ? "no known thread limit"
                : "~" + bound.threads() + " platform threads (" + bound.setting() + ")";
        String connections = openFiles == UNLIMITED ? "no known open-files limit"
                : "~" + maxConnections() + " connections (ulimit -n=" + openFiles + ")";
        return String.format(Locale.ROOT, "%d cores, %d MiB RAM, %s, %s", cores, memoryBytes >> 20, threads, connections);
    }

    /** One limit on the number of threads: what it allows after its margin, the setting and how to raise it. */
    private record Bound(long threads, String setting, long value, String fix) {
    }

    /**
     * The tightest of: memory mappings (two per thread, after the JVM's own); {@code threads-max} and
     * {@code pid_max}, system-wide, since every thread takes a task slot and a thread id; the
     * cgroup's {@code pids.max}, which counts threads too; and {@code ulimit -u}, which counts every
     * thread of the user. Memory is not among them: stacks are reserved, not committed, up front.
     */
    private Bound threadBound() {
        return Stream.of(
                new Bound(maxMapCount == UNLIMITED ? UNLIMITED : Math.max(0, maxMapCount - MAP_MARGIN) / MAPS_PER_THREAD,
                        "vm.max_map_count", maxMapCount, "raise vm.max_map_count (sysctl -w vm.max_map_count=262144)"),
                new Bound(minusMargin(threadsMax, TASK_MARGIN), "kernel.threads-max", threadsMax, "raise kernel.threads-max"),
                new Bound(minusMargin(pidMax, TASK_MARGIN), "kernel.pid_max", pidMax,
                        "raise kernel.pid_max (sysctl -w kernel.pid_max=4194304)"),
                new Bound(minusMargin(cgroupPidsMax, TASK_MARGIN), "cgroup pids.max", cgroupPidsMax,
                        "raise the container's pids limit (e.g. docker run --pids-limit)"),
                new Bound(minusMargin(userProcesses, TASK_MARGIN), "ulimit -u", userProcesses,
                        "raise the user's process limit (ulimit -u)"))
                .min(Comparator.comparingLong(Bound::threads))
                .orElseThrow();
    }

    /** A margin of at most a tenth, so that a small limit is not swallowed whole. */
    private static long minusMargin(long limit, long margin) {
        return limit == UNLIMITED ? UNLIMITED : limit - Math.min(margin, limit / 10);
    }

    /** The soft column of one row of {@code /proc/self/limits}, e.g. "Max open files  20000  20000  files". */
    static long softLimit(String limits, String row) {
        if (limits == null) {
            return UNLIMITED;
        }
        for (String line : limits.split("\n")) {
            if (line.startsWith(row + " ")) {
                String[] columns = line.substring(row.length()).trim().split("\\s+");
                return number(columns[0]);
            }
        }
        return UNLIMITED;
    }

    /** A decimal number; "max", "unlimited", {@code null} or anything unreadable is {@link #UNLIMITED}. */
    static long number(String text) {
        if (text == null) {
            return UNLIMITED;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return UNLIMITED;
        }
    }

    static long memoryFromMeminfo(String meminfo) {
        if (meminfo == null) {
            return 0;
        }
        for (String line : meminfo.split("\n")) {
            if (line.startsWith("MemTotal:")) {
                String[] parts = line.substring("MemTotal:".length()).trim().split("\\s+");
                long value = number(parts[0]);
                return value == UNLIMITED ? 0 : value * 1024;
            }
        }
        return 0;
    }

    /**
     * The tightest {@code pids.max} on the way from this process's cgroup up to the root, for cgroup
     * v2 ({@code 0::/path}) and for v1's pids controller ({@code 8:pids:/path}).
     */
    private static long cgroupPidsMax(String procSelfCgroup) {
        if (procSelfCgroup == null) {
            return UNLIMITED;
        }
        long tightest = UNLIMITED;
        for (String line : procSelfCgroup.split("\n")) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            List<String> controllers = List.of(fields[1].split(","));
            Path root = fields[1].isEmpty() ? CGROUP : controllers.contains("pids") ? CGROUP.resolve("pids") : null;
            if (root == null) {
                continue;
            }
            Path own = root.resolve(fields[2].replaceFirst("^/", ""));
            for (Path dir = own; dir != null && dir.startsWith(root); dir = dir.getParent()) {
                tightest = Math.min(tightest, number(readOrNull(dir.resolve("pids.max"))));
            }
        }
        return tightest;
    }

    private static long totalMemoryFromJvm() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return 0;
    }

    /** Read as a stream: /proc files report a size of 0, and a read sized by it can stop after one byte. */
    private static String readOrNull(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
