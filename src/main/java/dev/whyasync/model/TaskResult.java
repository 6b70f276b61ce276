package dev.whyasync.model;

import dev.whyasync.http.Page;

/** The combination of a task's two pages: total length and a checksum over both. */
public record TaskResult(int taskId, long bytes, long checksum) {

    public static TaskResult combine(int taskId, Page first, Page second) {
        return new TaskResult(taskId, (long) first.length() + second.length(), first.checksum() * 31 + second.checksum());
    }

    /** What the result of {@code task} must be, computed from the page bodies alone. */
    public static TaskResult expected(Task task) {
        Page first = new Page(task.first().page(), task.first().size(), task.first().expectedChecksum());
        Page second = new Page(task.second().page(), task.second().size(), task.second().expectedChecksum());
        return combine(task.id(), first, second);
    }
}
