package dev.whyasync.model;

import dev.whyasync.http.NettyTransport;
import dev.whyasync.http.Page;
import dev.whyasync.http.PageCall;
import dev.whyasync.http.PageCallback;
import dev.whyasync.http.PageDownloadException;

/**
 * Netty in its own idiom: both downloads start at once, and the code that continues the task lives
 * in the callbacks the event loop calls when a response is complete; the second callback to arrive
 * finishes the task. No thread ever blocks and nothing is allocated beyond the callbacks, but the
 * task is no longer one readable sequence of steps: it is spread over listeners.
 */
public final class CallbacksModel implements ConcurrencyModel {
    private final NettyTransport transport;

    public CallbacksModel(ModelConfig config) {
        this.transport = new NettyTransport(config.client(), config.threadsOrCores());
    }

    @Override
    public String name() {
        return "callbacks";
    }

    @Override
    public TaskRun start(Task task, TaskListener listener) {
        PagePair pair = new PagePair(task, listener);
        PageCall first = transport.get(task.first(), new PageCallback() {
            @Override
            public void onPage(Page page) {
                pair.firstDone(page);
            }

            @Override
            public void onError(PageDownloadException error) {
                pair.failed(error);
            }
        });
        PageCall second = transport.get(task.second(), new PageCallback() {
            @Override
            public void onPage(Page page) {
                pair.secondDone(page);
            }

            @Override
            public void onError(PageDownloadException error) {
                pair.failed(error);
            }
        });
        pair.onStop(() -> {
            first.cancel();
            second.cancel();
        });
        return pair::cancel;
    }

    @Override
    public void close() {
        transport.close();
    }
}
