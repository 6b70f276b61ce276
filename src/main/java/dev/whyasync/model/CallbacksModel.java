package dev.whyasync.model;

import dev.whyasync.http.NettyTransport;
import dev.whyasync.http.Page;
import dev.whyasync.http.PageCall;
import dev.whyasync.http.PageCallback;
import dev.whyasync.http.PageDownloadException;
import dev.whyasync.http.PageRequest;
import java.util.function.Consumer;

/**
 * Netty in its own idiom: both downloads start at once, and the code that continues the task lives
 * in the callbacks the event loop calls when a response is complete; the second callback to arrive
 * finishes the task. No thread ever blocks and nothing is allocated beyond the callbacks, but the
 * task is no longer one readable sequence of steps: it is spread over listeners. A retry is the
 * failure callback issuing the same request again with a new callback, and since the download in
 * flight changes with each attempt, cancelling has to find the current one.
 */
public final class CallbacksModel implements ConcurrencyModel {
    private final NettyTransport transport;
    private final ModelConfig config;

    public CallbacksModel(ModelConfig config) {
        this.transport = new NettyTransport(config.client(), config.threadsOrCores());
        this.config = config;
    }

    @Override
    public String name() {
        return "callbacks";
    }

    @Override
    public TaskRun start(Task task, TaskListener listener) {
        PagePair pair = new PagePair(task, listener);
        PageDownload first = new PageDownload(task.first(), pair, listener, pair::firstDone);
        PageDownload second = new PageDownload(task.second(), pair, listener, pair::secondDone);
        first.attempt(0);
        second.attempt(0);
        pair.onStop(() -> {
            first.cancel();
            second.cancel();
        });
        return pair::cancel;
    }

    /** One page of a task: its attempt in flight, and what to do when an attempt ends. */
    private final class PageDownload {
        private final PageRequest request;
        private final PagePair pair;
        private final TaskListener listener;
        private final Consumer<Page> done;
        /** Set before each attempt starts, so a cancel always finds the latest. */
        private volatile Attempt current;

        PageDownload(PageRequest request, PagePair pair, TaskListener listener, Consumer<Page> done) {
            this.request = request;
            this.pair = pair;
            this.listener = listener;
            this.done = done;
        }

        void attempt(int retriesMade) {
            Attempt attempt = new Attempt(retriesMade);
            current = attempt;
            attempt.call = transport.get(request, attempt);
            if (pair.stopped()) {
                attempt.call.cancel();
            }
        }

        void cancel() {
            PageCall call = current.call;
            if (call != null) {
                call.cancel();
            }
        }

        /** The callback of one request: the page goes to the pair; a curable failure starts the next attempt. */
        private final class Attempt implements PageCallback {
            private final int retriesMade;
            private volatile PageCall call;

            Attempt(int retriesMade) {
                this.retriesMade = retriesMade;
            }

            @Override
            public void onPage(Page page) {
                done.accept(page);
            }

            @Override
            public void onError(PageDownloadException error) {
                if (pair.stopped() || !config.mayRetry(retriesMade, error)) {
                    pair.failed(error);
                    return;
                }
                listener.onRetry(error);
                attempt(retriesMade + 1);
            }
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
