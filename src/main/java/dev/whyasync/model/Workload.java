package dev.whyasync.model;

import dev.whyasync.fixture.Fault;
import dev.whyasync.http.PageRequest;

/**
 * The pages a run asks for: task {@code i} downloads pages {@code 2i} and {@code 2i+1} (modulo a
 * fixed set, so that checksums are computed once), each of {@code size} bytes after {@code delayMs},
 * with the fault {@code fault} on every page, or {@code faultPercent} % of page requests answered by
 * a fault the fixture draws.
 */
public record Workload(int size, int delayMs, Fault fault, double faultPercent) {
    /** How many distinct page numbers a run cycles through. */
    public static final int DISTINCT_PAGES = 1024;

    public Workload {
        Fault.checkPercent(faultPercent);
    }

    public Workload(int size, int delayMs, Fault fault) {
        this(size, delayMs, fault, 0);
    }

    public static Workload of(int size, int delayMs) {
        return new Workload(size, delayMs, Fault.NONE);
    }

    /** The same pages, {@code percent} % of whose requests the fixture answers with a fault of its choice. */
    public Workload withFaults(double percent) {
        return new Workload(size, delayMs, fault, percent);
    }

    public Task task(int id) {
        int first = (2 * id) % DISTINCT_PAGES;
        return new Task(id, new PageRequest(first, size, delayMs, fault, false, faultPercent),
                new PageRequest(first + 1, size, delayMs, fault, false, faultPercent));
    }
}
