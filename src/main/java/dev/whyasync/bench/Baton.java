package dev.whyasync.bench;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Two threads taking turns: each waits, parked, until the turn is its own, then hands it to the
 * other and wakes it. Every hand-off is a switch from one blocked thread to another, the same code
 * whether the threads are platform threads, pool threads or virtual threads.
 *
 * <p>A side may start before its partner is known; that is safe because each publishes its thread
 * before reading the turn, and each hands over the turn before reading its partner's thread, so
 * either the partner is woken or it sees the turn is already its own.
 */
final class Baton {
    private final AtomicReferenceArray<Thread> sides = new AtomicReferenceArray<>(2);
    private volatile int turn;

    /** Side 0 or 1 takes {@code passes} turns, side 0 first; returns, after its last hand-off, the turns it took. */
    int play(int side, int passes) {
        sides.set(side, Thread.currentThread());
        int other = 1 - side;
        int taken = 0;
        for (; taken < passes; taken++) {
            while (turn != side) {
                LockSupport.park(this);
            }
            turn = other;
            Thread partner = sides.get(other);
            if (partner != null) {
                LockSupport.unpark(partner);
            }
        }
        return taken;
    }
}
