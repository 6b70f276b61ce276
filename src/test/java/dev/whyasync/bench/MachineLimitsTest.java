package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Limits read from /proc text, and the refusal a benchmark gets when it asks for more. */
class MachineLimitsTest {
    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units     
            Max cpu time              unlimited            unlimited            seconds   
            Max stack size            8388608              unlimited            bytes     
            Max processes             96364                96364                processes 
            Max open files            20000                40000                files     
            Max locked memory         8388608              8388608              bytes     
            """;
    private static final String MEMINFO = """
            MemTotal:       24683620 kB
            MemFree:         1234567 kB
            """;

    private static MachineLimits typical() {
        return MachineLimits.parse(LIMITS, "65530\n", "192729\n", "32768\n", null, MEMINFO, 2);
    }

    @Test
    void parsesSoftLimitsAndKernelSettings() {
        MachineLimits limits = typical();
        assertEquals(20_000, limits.openFiles());
        assertEquals(96_364, limits.userProcesses());
        assertEquals(65_530, limits.maxMapCount());
        assertEquals(192_729, limits.threadsMax());
        assertEquals(32_768, limits.pidMax());
        assertEquals(MachineLimits.UNLIMITED, limits.cgroupPidsMax());
        assertEquals(24_683_620L * 1024, limits.memoryBytes());
        assertEquals(2, limits.cores());
    }

    @Test
    void defaultMapCountCapsPlatformThreadsNearThirtyThousand() {
        assertEquals((65_530 - 5_000) / 2, typical().maxPlatformThreads());
        assertEquals(20_000 - 500, typical().maxConnections());
    }

    @Test
    void tooManyThreadsIsRefusedNamingTheLimitAndTheFix() {
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> typical().checkConcurrency("threads", 16_384, 3, 2));
        assertEquals("concurrency 16384 for model threads needs 49152 platform threads, above this machine's limit of ~30265 "
                + "(vm.max_map_count=65530); lower -p concurrency or raise vm.max_map_count (sysctl -w vm.max_map_count=262144)",
                e.getMessage());
        assertEquals("vm.max_map_count", e.limit());
        assertEquals(49_152, e.needed());
        assertEquals(30_265, e.available());
    }

    @Test
    void theLimitIsInclusive() {
        assertDoesNotThrow(() -> typical().checkConcurrency("threads", 30_265, 1, 0));
        assertThrows(LimitExceededException.class, () -> typical().checkConcurrency("threads", 30_266, 1, 0));
    }

    @Test
    void theTightestLimitIsTheOneNamed() {
        MachineLimits container = MachineLimits.parse(LIMITS, "262144", "192729", "4194304", "2048\n", MEMINFO, 2);
        assertEquals(2048 - 204, container.maxPlatformThreads());
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> container.checkConcurrency("pool", 2000, 1, 0));
        assertTrue(e.getMessage().contains("above this machine's limit of ~1844 (cgroup pids.max=2048); lower -p concurrency "
                + "or raise the container's pids limit"), e.getMessage());
    }

    @Test
    void pidMaxBindsWhenMapsAreRaised() {
        MachineLimits limits = MachineLimits.parse(LIMITS, "1000000", "192729", "32768", "max", MEMINFO, 2);
        assertEquals(32_768 - 1_000, limits.maxPlatformThreads());
    }

    @Test
    void tooManyConnectionsIsRefusedForNonBlockingModelsToo() {
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> typical().checkConcurrency("callbacks", 16_384, 0, 2));
        assertEquals("concurrency 16384 for model callbacks needs 32768 connections, above this machine's limit of ~19500 "
                + "(ulimit -n=20000); lower -p concurrency or raise the open-files limit (ulimit -n, LimitNOFILE)", e.getMessage());
        assertDoesNotThrow(() -> typical().checkConcurrency("callbacks", 8_192, 0, 2));
    }

    @Test
    void whatCannotBeReadIsNotALimit() {
        MachineLimits unknown = MachineLimits.parse(null, null, null, null, null, null, 4);
        assertEquals(Integer.MAX_VALUE, unknown.maxPlatformThreads());
        assertEquals(Integer.MAX_VALUE, unknown.maxConnections());
        assertEquals(0, unknown.memoryBytes());
        assertDoesNotThrow(() -> unknown.checkConcurrency("threads", 1_000_000, 3, 2));
        assertTrue(unknown.describe().endsWith("no known thread limit, no known open-files limit"), unknown.describe());
        MachineLimits unlimited = MachineLimits.parse(LIMITS.replace("20000                40000", "unlimited            unlimited"),
                "65530", "192729", "32768", "max", MEMINFO, 2);
        assertEquals(MachineLimits.UNLIMITED, unlimited.openFiles());
    }

    @Test
    void negativeRequestsAreAProgrammingError() {
        assertThrows(IllegalArgumentException.class, () -> typical().checkConcurrency("threads", -1, 1, 1));
    }

    @Test
    void thisMachineHasPlausibleLimits() {
        MachineLimits here = MachineLimits.read();
        assertTrue(here.cores() >= 1);
        assertTrue(here.memoryBytes() > 0);
        assertTrue(here.maxPlatformThreads() > 0);
        assertTrue(here.maxConnections() > 0);
        assertTrue(here.describe().contains(here.cores() + " cores"), here.describe());
    }
}
