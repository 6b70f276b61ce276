package dev.whyasync.http;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;

/** The request side of the shared codec: the one GET every transport sends for a page. */
final class PageRequests {

    private PageRequests() {
    }

    static FullHttpRequest get(ClientConfig config, PageRequest request) {
        FullHttpRequest get = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, request.path());
        get.headers()
                .set(HttpHeaderNames.HOST, config.host() + ":" + config.port())
                .set(HttpHeaderNames.CONNECTION, config.keepAlive() ? HttpHeaderValues.KEEP_ALIVE : HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.CONTENT_LENGTH, 0);
        return get;
    }
}
