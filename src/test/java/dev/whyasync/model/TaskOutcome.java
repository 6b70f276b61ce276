package dev.whyasync.model;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.whyasync.http.PageDownloadException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A listener that remembers the one outcome of a task and counts how often it was told. */
final class TaskOutcome implements TaskListener {
    private final CompletableFuture<TaskResult> outcome = new CompletableFuture<>();
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public void onSuccess(TaskResult result) {
        calls.incrementAndGet();
        outcome.complete(result);
    }

    @Override
    public void onFailure(Throwable error) {
        calls.incrementAndGet();
        outcome.completeExceptionally(error);
    }

    /** The result, or the task's error rethrown as it was reported. */
    TaskResult await(long seconds) throws Exception {
        try {
            return outcome.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    /** The error the task failed with; fails the test if it succeeded. */
    Throwable awaitFailure(long seconds) throws Exception {
        try {
            TaskResult result = outcome.get(seconds, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + result);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    /** The reason of the {@link PageDownloadException} the task failed with; fails the test on any other outcome. */
    PageDownloadException.Reason awaitFailureReason(long seconds) throws Exception {
        Throwable error = awaitFailure(seconds);
        return assertInstanceOf(PageDownloadException.class, error, String.valueOf(error)).reason();
    }

    int calls() {
        return calls.get();
    }
}
