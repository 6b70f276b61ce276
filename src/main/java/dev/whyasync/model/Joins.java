package dev.whyasync.model;

import java.util.Collection;
import java.util.List;

/** Waiting for threads a model started, so that {@code close()} returns only when they are gone. */
final class Joins {

    private Joins() {
    }

    static void joinAll(Collection<Thread> threads) {
        boolean interrupted = false;
        for (Thread t : List.copyOf(threads)) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
