package dev.whyasync.http;

import dev.whyasync.fixture.Fault;
import dev.whyasync.fixture.PageBody;

/** One GET of page {@code page}: its size, the server-side delay and the fault the fixture should play. */
public record PageRequest(int page, int size, int delayMs, Fault fault) {

    public PageRequest {
        PageBody.checkSize(size);
        if (page < 0) {
            throw new IllegalArgumentException("page number must be >= 0, was " + page);
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("delay must be >= 0 ms, was " + delayMs);
        }
    }

    public static PageRequest of(int page, int size, int delayMs) {
        return new PageRequest(page, size, delayMs, Fault.NONE);
    }

    /** The request target, e.g. {@code /page/7?size=1024&delay=20}. */
    public String path() {
        String path = "/page/" + page + "?size=" + size + "&delay=" + delayMs;
        return fault == Fault.NONE ? path : path + "&fault=" + fault.query();
    }

    public long expectedChecksum() {
        return PageBody.checksum(page, size);
    }
}
