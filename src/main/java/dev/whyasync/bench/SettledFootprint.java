package dev.whyasync.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The process's memory at a quiet moment: resident set size, live and committed heap after a full GC
 * and after the C heap has handed its free pages back to the OS, and the number of OS threads. Two of
 * these differ by what is in use between them; without the trim, memory that exited threads freed
 * stays resident, is reused by the next ones, and their cost reads as almost nothing.
 */
record SettledFootprint(long rssBytes, long heapBytes, long heapCommittedBytes, long osThreads) {
    private static final Path STATUS = Path.of("/proc/self/status");

    static SettledFootprint measure() {
        System.gc();
        trimNativeHeap();
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return new SettledFootprint(FootprintProfiler.rssBytes(), heap.getUsed(), heap.getCommitted(), countOsThreads());
    }

    /**
     * Memory held now that was not at {@code before}: the growth of the live heap, plus the growth of
     * resident memory outside the heap (thread stacks, the JVM's per-thread structures), which is the
     * RSS growth beyond what the heap's own growth explains. RSS alone would not do: the JVM keeps heap
     * pages resident once touched, so objects that fit a heap already grown cost no new RSS at all.
     */
    long heldSince(SettledFootprint before) {
        long heapGrowth = heapBytes - before.heapBytes;
        long outsideHeap = rssBytes - before.rssBytes - Math.max(0, heapCommittedBytes - before.heapCommittedBytes);
        return heapGrowth + Math.max(0, outsideHeap);
    }

    /**
     * Waits until the kernel counts at most {@code count} threads in this process: a platform thread
     * that has been joined is still tearing down its native thread and stack for a while.
     *
     * @throws IllegalStateException when they have not ended within {@code patience}
     */
    static void awaitOsThreadsAtMost(long count, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        long now;
        while ((now = countOsThreads()) > count) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the process still has " + now + " OS threads " + patience.toSeconds()
                        + " s after its idle threads were joined; expected at most " + count);
            }
            Thread.sleep(10);
        }
    }

    /** The "Threads:" line of /proc/self/status, or 0 where there is none. */
    static long countOsThreads() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("Threads:")) {
                    return Long.parseLong(line.substring("Threads:".length()).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** jcmd's System.trim_native_heap (JDK 17+, glibc); where it does not exist, RSS is read untrimmed. */
    private static void trimNativeHeap() {
        try {
            ManagementFactory.getPlatformMBeanServer().invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                    "systemTrimNativeHeap", null, null);
        } catch (JMException | RuntimeException e) {
            // nothing to trim with: the figures stay valid, only less exact
        }
    }
}
