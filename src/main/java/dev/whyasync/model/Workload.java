package dev.whyasync.model;

import dev.whyasync.fixture.Fault;
import dev.whyasync.http.PageRequest;

/**
 * The pages a run asks for: task {@code i} downloads pages {@code 2i} and {@code 2i+1} (modulo a
 * fixed set, so that checksums are computed once), each of {@code size} bytes after {@code delayMs}.
 */
public record Workload(int size, int delayMs, Fault fault) {
    /** How many distinct page numbers a run cycles through. */
    public static final int DISTINCT_PAGES = 1024;

    public static Workload of(int size, int delayMs) {
        return new Workload(size, delayMs, Fault.NONE);
    }

    public Task task(int id) {
        int first = (2 * id) % DISTINCT_PAGES;
        return new Task(id, new PageRequest(first, size, delayMs, fault), new PageRequest(first + 1, size, delayMs, fault));
    }
}
