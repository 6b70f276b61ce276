package dev.whyasync.http;

/** Hears how one non-blocking download ended, exactly once, usually on a Netty event-loop thread. */
public interface PageCallback {

    void onPage(Page page);

    void onError(PageDownloadException error);
}
