package dev.whyasync.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.whyasync.fixture.Fault;
import dev.whyasync.fixture.PageServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Netty transport deals pages to its event loops in turn, and a page's whole life runs on the loop
 * it was dealt: the page, a server error and the page's own timeout are all heard there, whichever
 * loop its connection was first opened on.
 */
class NettyTransportTest {
    @AutoClose
    private static final PageServer server = PageServer.start("127.0.0.1", 0, 1);

    @ParameterizedTest(name = "keepAlive={0}")
    @ValueSource(booleans = {true, false})
    void everyOutcomeOfAPageIsHeardOnTheLoopItWasDealt(boolean keepAlive) throws Exception {
        Fault[] faults = {Fault.NONE, Fault.STALL, Fault.STATUS_500, Fault.NONE, Fault.NONE, Fault.STALL, Fault.NONE,
                Fault.STATUS_500};
        ClientConfig config = ClientConfig.of(server.baseUri()).withKeepAlive(keepAlive)
                .withRequestTimeout(Duration.ofMillis(300));
        List<String> heardOn = new ArrayList<>();
        try (NettyTransport transport = new NettyTransport(config, 2)) {
            for (int i = 0; i < faults.length; i++) {
                heardOn.add(outcomeThread(transport, new PageRequest(i, 1024, 0, faults[i])));
            }
        }
        for (int i = 2; i < heardOn.size(); i++) {
            assertEquals(heardOn.get(i - 2), heardOn.get(i), "pages two apart share a loop: " + heardOn);
            assertNotEquals(heardOn.get(i - 1), heardOn.get(i), "neighbouring pages go to different loops: " + heardOn);
        }
    }

    /** Downloads a page and returns the name of the thread that heard how it ended. */
    private static String outcomeThread(NettyTransport transport, PageRequest request) throws Exception {
        CompletableFuture<String> thread = new CompletableFuture<>();
        transport.get(request, new PageCallback() {
            @Override
            public void onPage(Page page) {
                thread.complete(Thread.currentThread().getName());
            }

            @Override
            public void onError(PageDownloadException error) {
                thread.complete(Thread.currentThread().getName());
            }
        });
        return thread.get(10, TimeUnit.SECONDS);
    }
}
