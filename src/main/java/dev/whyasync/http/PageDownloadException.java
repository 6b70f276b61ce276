package dev.whyasync.http;

/**
 * Every way a download can fail, with the URL and the reason; unchecked so that it travels through
 * futures, callbacks, actors and coroutines unchanged.
 */
public final class PageDownloadException extends RuntimeException {

    public enum Reason {
        /** The TCP connection could not be opened (refused, unreachable, connect timeout). */
        CONNECT,
        /** No complete response within the request timeout (stalled or dripping server). */
        TIMEOUT,
        /** The server answered with a status other than 200. */
        STATUS,
        /** The connection was reset by the peer. */
        RESET,
        /** The connection closed before the whole body arrived. */
        CLOSED_EARLY,
        /** The body arrived but its length or checksum is wrong. */
        BAD_BODY,
        /** The response could not be parsed as HTTP/1.1. */
        PROTOCOL,
        /** The download was cancelled or its thread interrupted. */
        CANCELLED,
        /** Any other I/O error. */
        IO
    }

    private final String url;
    private final Reason reason;

    public PageDownloadException(String url, Reason reason, String detail, Throwable cause) {
        super(reason + " " + url + ": " + detail, cause);
        this.url = url;
        this.reason = reason;
    }

    public PageDownloadException(String url, Reason reason, String detail) {
        this(url, reason, detail, null);
    }

    public String url() {
        return url;
    }

    public Reason reason() {
        return reason;
    }
}
