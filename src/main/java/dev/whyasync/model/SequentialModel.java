package dev.whyasync.model;

import dev.whyasync.http.BlockingCall;
import dev.whyasync.http.BlockingTransport;
import dev.whyasync.http.Page;

/**
 * The control: no concurrency at all. The caller's own thread downloads the first page, then the
 * second, and only then returns; so whatever concurrency a batch asks for, one task is in flight.
 * A failed page is retried the plainest way there is, a loop around the blocking call. Every other
 * model is judged against this one.
 */
public final class SequentialModel implements ConcurrencyModel {
    private final BlockingTransport transport;
    private final ModelConfig config;

    public SequentialModel(ModelConfig config) {
        this.transport = new BlockingTransport(config.client());
        this.config = config;
    }

    @Override
    public String name() {
        return "sequential";
    }

    @Override
    public TaskRun start(Task task, TaskListener listener) {
        BlockingCall first = transport.call(task.first());
        BlockingCall second = transport.call(task.second());
        try {
            Page a = download(first, listener);
            Page b = download(second, listener);
            listener.onSuccess(TaskResult.combine(task.id(), a, b));
        } catch (RuntimeException e) {
            listener.onFailure(e);
        }
        return () -> {
            first.abort();
            second.abort();
        };
    }

    /** The call, made again while it fails curably and retries are left; an aborted call fails {@code CANCELLED}, which is not retried. */
    private Page download(BlockingCall call, TaskListener listener) {
        for (int retries = 0; ; retries++) {
            try {
                return call.execute();
            } catch (RuntimeException e) {
                if (!config.mayRetry(retries, e)) {
                    throw e;
                }
                listener.onRetry(e);
            }
        }
    }

    @Override
    public void close() {
        transport.close();
    }
}
