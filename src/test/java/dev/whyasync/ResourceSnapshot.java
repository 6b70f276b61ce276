package dev.whyasync;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The live threads and open sockets of this JVM at one moment, so a test can check that closing
 * something left nothing behind. Threads are compared by identity; sockets by their /proc inode.
 */
public record ResourceSnapshot(Set<Thread> threads, Set<String> sockets) {

    public static ResourceSnapshot take() {
        return new ResourceSnapshot(new HashSet<>(Thread.getAllStackTraces().keySet()), openSockets());
    }

    /**
     * Waits up to {@code patience} for every thread and socket that is new since {@code before} to go
     * away, and returns a description of what is left ("" when nothing).
     */
    public static String leftoversSince(ResourceSnapshot before, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        String left;
        do {
            ResourceSnapshot now = take();
            Set<String> threads = now.threads.stream()
                    .filter(t -> !before.threads.contains(t) && t.isAlive() && !isJvmHousekeeping(t))
                    .map(Thread::getName).collect(Collectors.toCollection(java.util.TreeSet::new));
            Set<String> sockets = new HashSet<>(now.sockets);
            sockets.removeAll(before.sockets);
            left = (threads.isEmpty() ? "" : "threads " + threads) + (sockets.isEmpty() ? "" : " sockets " + sockets.size());
            if (left.isEmpty()) {
                return left;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return left.trim();
    }

    /** Threads the JDK or JUnit start on their own, whoever triggered them. */
    private static boolean isJvmHousekeeping(Thread t) {
        String name = t.getName();
        return name.startsWith("process reaper") || name.startsWith("Attach Listener")
                || name.startsWith("ForkJoinPool.commonPool") || name.startsWith("surefire")
                || name.startsWith("junit") || name.startsWith("globalEventExecutor")
                || name.startsWith("HttpClient") || name.startsWith("whyasync-fixture");
    }

    private static Set<String> openSockets() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.map(ResourceSnapshot::target).filter(t -> t.startsWith("socket:")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/self/fd", e);
        }
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "";
        }
    }
}
