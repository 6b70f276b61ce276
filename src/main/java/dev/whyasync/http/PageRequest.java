package dev.whyasync.http;

import dev.whyasync.fixture.Fault;
import dev.whyasync.fixture.PageBody;

/**
 * One GET of page {@code page}: its size, the server-side delay, the fault the fixture should play,
 * and whether the body should come chunked instead of with a Content-Length.
 */
public record PageRequest(int page, int size, int delayMs, Fault fault, boolean chunked) {

    public PageRequest {
        PageBody.checkSize(size);
        if (page < 0) {
            throw new IllegalArgumentException("page number must be >= 0, was " + page);
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("delay must be >= 0 ms, was " + delayMs);
        }
    }

    public PageRequest(int page, int size, int delayMs, Fault fault) {
        this(page, size, delayMs, fault, false);
    }

    public static PageRequest of(int page, int size, int delayMs) {
        return new PageRequest(page, size, delayMs, Fault.NONE);
    }

    public PageRequest withChunked(boolean chunkedBody) {
        return new PageRequest(page, size, delayMs, fault, chunkedBody);
    }

    /** The request target, e.g. {@code /page/7?size=1024&delay=20}. */
    public String path() {
        String path = "/page/" + page + "?size=" + size + "&delay=" + delayMs;
        if (fault != Fault.NONE) {
            path += "&fault=" + fault.query();
        }
        return chunked ? path + "&chunked=true" : path;
    }

    public long expectedChecksum() {
        return PageBody.checksum(page, size);
    }
}
