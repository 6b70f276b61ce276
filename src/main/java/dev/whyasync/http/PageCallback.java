package dev.whyasync.http;

import java.util.concurrent.CompletableFuture;

/** Hears how one non-blocking download ended, exactly once, usually on a Netty event-loop thread. */
public interface PageCallback {

    void onPage(Page page);

    void onError(PageDownloadException error);

    /** A callback that completes {@code page} with the outcome: the bridge from this callback to a future. */
    static PageCallback completing(CompletableFuture<Page> page) {
        return new PageCallback() {
            @Override
            public void onPage(Page arrived) {
                page.complete(arrived);
            }

            @Override
            public void onError(PageDownloadException error) {
                page.completeExceptionally(error);
            }
        };
    }
}
