package dev.whyasync.http;

import dev.whyasync.fixture.Fault;
import dev.whyasync.fixture.PageBody;
import java.math.BigDecimal;

/**
 * One GET of page {@code page}: its size, the server-side delay, the fault the fixture should play,
 * whether the body should come chunked instead of with a Content-Length, and the share of requests
 * (in percent) that the fixture should answer with a fault it draws itself. A drawn fault is the
 * fixture's secret: the client learns of it only from the response, and a retry draws again.
 */
public record PageRequest(int page, int size, int delayMs, Fault fault, boolean chunked, double faultPercent) {

    public PageRequest {
        PageBody.checkSize(size);
        if (page < 0) {
            throw new IllegalArgumentException("page number must be >= 0, was " + page);
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("delay must be >= 0 ms, was " + delayMs);
        }
        Fault.checkPercent(faultPercent);
    }

    public PageRequest(int page, int size, int delayMs, Fault fault, boolean chunked) {
        this(page, size, delayMs, fault, chunked, 0);
    }

    public PageRequest(int page, int size, int delayMs, Fault fault) {
        this(page, size, delayMs, fault, false, 0);
    }

    public static PageRequest of(int page, int size, int delayMs) {
        return new PageRequest(page, size, delayMs, Fault.NONE);
    }

    public PageRequest withChunked(boolean chunkedBody) {
        return new PageRequest(page, size, delayMs, fault, chunkedBody, faultPercent);
    }

    public PageRequest withFault(Fault played) {
        return new PageRequest(page, size, delayMs, played, chunked, faultPercent);
    }

    public PageRequest withFaultPercent(double percent) {
        return new PageRequest(page, size, delayMs, fault, chunked, percent);
    }

    /** The request target, e.g. {@code /page/7?size=1024&delay=20} or {@code /page/7?size=1024&delay=20&faults=0.5}. */
    public String path() {
        String path = "/page/" + page + "?size=" + size + "&delay=" + delayMs;
        if (fault != Fault.NONE) {
            path += "&fault=" + fault.query();
        }
        if (faultPercent > 0) {
            path += "&faults=" + BigDecimal.valueOf(faultPercent).stripTrailingZeros().toPlainString();
        }
        return chunked ? path + "&chunked=true" : path;
    }

    public long expectedChecksum() {
        return PageBody.checksum(page, size);
    }
}
