package org.jdbsp.nexmark.generator;

import java.lang.invoke.VarHandle;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How one thread waits for a single-producer queue that another thread fills: it spins a little, then yields,
 * then parks until the filling thread calls {@link #wake()} (or a short timeout passes, so that the waiter
 * can look for failures). Parking instead of polling on a timer matters on a machine with as many busy
 * threads as cores: a waiter that keeps waking up steals the CPU from the thread it waits for.
 *
 * <p>The waiter announces itself before it re-checks the queue and parks, and the filler wakes it after
 * adding to the queue, each with a full fence in between, so a wake-up cannot be missed.
 */
final class QueueWaiter {
    private static final int SPINS = 50;
    private static final int YIELDS = 10;
    private static final long PARK_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private volatile Thread parked;
    private int tries;

    /**
     * Called by the waiting thread each time it found {@code queue} empty; returns after a spin, a yield or a
     * park. The caller polls again afterwards.
     */
    void idle(Queue<?> queue) {
        if (tries < SPINS) {
            tries++;
            Thread.onSpinWait();
        } else if (tries < SPINS + YIELDS) {
            tries++;
            Thread.yield();
        } else {
            parked = Thread.currentThread();
            VarHandle.fullFence();
            if (queue.isEmpty()) {
                LockSupport.parkNanos(this, PARK_TIMEOUT_NS);
            }
            parked = null;
        }
    }

    /** Called by the waiting thread once its poll succeeded. */
    void reset() {
        tries = 0;
    }

    /** Called by the filling thread after it added to the queue: wakes the waiter if it is parked. */
    void wake() {
        VarHandle.fullFence();
        Thread t = parked;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
