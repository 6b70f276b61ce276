package dev.whyasync.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.ClosedChannelException;

/** Maps the I/O exceptions of both transports onto the same {@link PageDownloadException} reasons. */
final class DownloadErrors {

    private DownloadErrors() {
    }

    static PageDownloadException connectFailed(String url, Throwable cause) {
        if (cause instanceof PageDownloadException known) {
            return known;
        }
        return new PageDownloadException(url, PageDownloadException.Reason.CONNECT, describe(cause), cause);
    }

    static PageDownloadException ioFailed(String url, Throwable cause) {
        if (cause instanceof PageDownloadException known) {
            return known;
        }
        PageDownloadException.Reason reason;
        if (cause instanceof SocketTimeoutException) {
            reason = PageDownloadException.Reason.TIMEOUT;
        } else if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof NoRouteToHostException) {
            reason = PageDownloadException.Reason.CONNECT;
        } else if (isReset(cause)) {
            reason = PageDownloadException.Reason.RESET;
        } else if (cause instanceof ClosedChannelException) {
            reason = PageDownloadException.Reason.CLOSED_EARLY;
        } else {
            reason = PageDownloadException.Reason.IO;
        }
        return new PageDownloadException(url, reason, describe(cause), cause);
    }

    static PageDownloadException timedOut(String url, long millis) {
        return new PageDownloadException(url, PageDownloadException.Reason.TIMEOUT, "no complete response within " + millis + " ms");
    }

    static PageDownloadException cancelled(String url) {
        return new PageDownloadException(url, PageDownloadException.Reason.CANCELLED, "download cancelled");
    }

    private static boolean isReset(Throwable cause) {
        return cause instanceof SocketException && cause.getMessage() != null
                && cause.getMessage().toLowerCase().contains("reset")
                || cause instanceof IOException && cause.getMessage() != null
                && cause.getMessage().toLowerCase().contains("connection reset");
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
