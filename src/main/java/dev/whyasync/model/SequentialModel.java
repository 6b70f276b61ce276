package dev.whyasync.model;

import dev.whyasync.http.BlockingCall;
import dev.whyasync.http.BlockingTransport;
import dev.whyasync.http.Page;

/**
 * The control: no concurrency at all. The caller's own thread downloads the first page, then the
 * second, and only then returns; so whatever concurrency a batch asks for, one task is in flight.
 * Every other model is judged against this one.
 */
public final class SequentialModel implements ConcurrencyModel {
    private final BlockingTransport transport;

    public SequentialModel(ModelConfig config) {
        this.transport = new BlockingTransport(config.client());
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
            Page a = first.execute();
            Page b = second.execute();
            listener.onSuccess(TaskResult.combine(task.id(), a, b));
        } catch (RuntimeException e) {
            listener.onFailure(e);
        }
        return () -> {
            first.abort();
            second.abort();
        };
    }

    @Override
    public void close() {
        transport.close();
    }
}
