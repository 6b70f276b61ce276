package dev.whyasync.http;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;

/**
 * The response side of the client codec that every transport shares: it takes the messages Netty's
 * {@code HttpClientCodec} decodes (headers, content chunks, last chunk), whether the bytes came from
 * a blocking socket or a Netty channel, and turns them into a verified {@link Page} or a typed error.
 * Content-Length and chunked bodies look the same here, because the codec has already undone them.
 * A Content-Length that contradicts the page size asked for fails at the headers, before any body
 * is read: waiting for a body of the wrong length ends in a timeout at best.
 */
final class PageAssembler {
    private final String url;
    private final PageRequest request;
    private final CRC32 crc = new CRC32();
    private long length;
    private boolean headersSeen;
    private boolean keepAlive;

    PageAssembler(String url, PageRequest request) {
        this.url = url;
        this.request = request;
    }

    /**
     * Consumes one decoded message (the caller still owns and releases it).
     *
     * @return the page once the last chunk has arrived, or {@code null} while more is expected
     * @throws PageDownloadException on a bad status, a malformed response or a wrong body
     */
    Page accept(HttpObject message) {
        if (message.decoderResult().isFailure()) {
            throw new PageDownloadException(url, PageDownloadException.Reason.PROTOCOL,
                    "malformed response", message.decoderResult().cause());
        }
        if (message instanceof HttpResponse response) {
            acceptHeaders(response);
        }
        if (message instanceof HttpContent content) {
            if (!headersSeen) {
                throw new PageDownloadException(url, PageDownloadException.Reason.PROTOCOL, "body before headers");
            }
            for (ByteBuffer buffer : content.content().nioBuffers()) {
                length += buffer.remaining();
                crc.update(buffer);
            }
            if (message instanceof LastHttpContent) {
                return verified();
            }
        }
        return null;
    }

    /** Whether the connection may carry another request after this response. */
    boolean keepAlive() {
        return keepAlive;
    }

    /** The error for a connection that closed before the response was complete. */
    PageDownloadException closedEarly() {
        String detail = headersSeen
                ? "connection closed after " + length + " of " + request.size() + " body bytes"
                : "connection closed before the response headers";
        return new PageDownloadException(url, PageDownloadException.Reason.CLOSED_EARLY, detail);
    }

    private void acceptHeaders(HttpResponse response) {
        if (!response.status().equals(HttpResponseStatus.OK)) {
            throw new PageDownloadException(url, PageDownloadException.Reason.STATUS, "status " + response.status());
        }
        long announced = HttpUtil.getContentLength(response, -1L);
        if (announced >= 0 && announced != request.size()) {
            throw new PageDownloadException(url, PageDownloadException.Reason.BAD_BODY,
                    "Content-Length " + announced + " contradicts the page size asked for, " + request.size() + " bytes");
        }
        headersSeen = true;
        keepAlive = HttpUtil.isKeepAlive(response);
    }

    private Page verified() {
        if (length != request.size()) {
            throw new PageDownloadException(url, PageDownloadException.Reason.BAD_BODY,
                    "body has " + length + " bytes, expected " + request.size());
        }
        long expected = request.expectedChecksum();
        if (crc.getValue() != expected) {
            throw new PageDownloadException(url, PageDownloadException.Reason.BAD_BODY,
                    "body checksum " + Long.toHexString(crc.getValue()) + ", expected " + Long.toHexString(expected));
        }
        return new Page(request.page(), (int) length, crc.getValue());
    }
}
