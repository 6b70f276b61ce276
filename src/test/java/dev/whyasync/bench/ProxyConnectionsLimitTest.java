package dev.whyasync.bench;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The delay proxy holds two descriptors per client connection, under the same open-files limit. */
class ProxyConnectionsLimitTest {
    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units
            Max processes             unlimited            unlimited            processes
            Max open files            20000                40000                files
            """;

    @Test
    void theProxyCountsTwoDescriptorsPerConnection() {
        MachineLimits limits = MachineLimits.parse(LIMITS, "65530", "192729", "32768", null, null, 2);
        // 19 500 descriptors after the JVM's own: 4 875 tasks of two connections, twice over in the proxy
        assertDoesNotThrow(() -> limits.checkProxyConnections("futures", 4_875, 2));
        LimitExceededException e = assertThrows(LimitExceededException.class,
                () -> limits.checkProxyConnections("futures", 4_876, 2));
        assertEquals("ulimit -n", e.limit());
        assertEquals(19_504, e.needed());
        assertTrue(e.getMessage().startsWith("concurrency 4876 for model futures through the delay proxy needs 19504 "
                + "descriptors in the proxy's process (two per connection), above this machine's limit of ~19500"), e.getMessage());
        // the client alone would fit: the proxy is the tighter bound
        assertDoesNotThrow(() -> limits.checkConcurrency("futures", 4_876, 0, 2));
    }
}
