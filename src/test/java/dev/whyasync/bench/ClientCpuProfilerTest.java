package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** How the CPU profiler reads the machine's busy time and judges saturation. */
class ClientCpuProfilerTest {

    @Test
    void busyTimeIsEveryFieldButIdleAndIowaitInTensOfMilliseconds() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        assertEquals((100 + 2 + 30 + 4 + 5 + 6) * 10_000_000L,
                ClientCpuProfiler.busyNanos("cpu  100 2 30 9999 888 4 5 6 70 1"));
        assertEquals(-1, ClientCpuProfiler.busyNanos("cpu0 1 2 3 4 5 6 7 8"), "a single core's line is not the total");
        assertEquals(-1, ClientCpuProfiler.busyNanos(null));
    }

    @Test
    void coresTakenByOtherProcessesCountAsSaturationToo() {
        double cores = Runtime.getRuntime().availableProcessors();
        assertFalse(ClientCpuProfiler.saturated(0.5 * cores, 0.6 * cores), "headroom left on the machine");
        assertTrue(ClientCpuProfiler.saturated(0.95 * cores, 0.6 * cores), "client and fixture use the cores");
        assertTrue(ClientCpuProfiler.saturated(0.5 * cores, 0.97 * cores), "other processes took the rest");
    }

    @Test
    void thisMachineReportsItsBusyTime() {
        assertTrue(ClientCpuProfiler.machineBusyNanos() > 0, "/proc/stat is read on Linux");
    }
}
