package org.jdbsp.nexmark.generator;

import java.lang.invoke.VarHandle;
import java.util.Queue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * How one thread waits for a single-producer queue that another thread fills: it spins a little, then yields,
 * then parks until the filling thread calls {@link #wake} (or a short timeout passes, so that the waiter can look
 * for failures). Parking instead of polling on a timer matters on a machine with as many busy threads as cores:
 * a waiter that keeps waking up steals the CPU from the thread it waits for.
 *
 * <p>A parked waiter is woken only once the queue holds {@code wakeDepth} elements (or the filler says it has no
 * more to come), not at each element: every wake-up costs both threads a system call and a context switch, so
 * the waiter then takes several elements per wake-up.
 *
 * <p>The waiter announces itself before it re-checks the queue and parks, and the filler wakes it after adding to
 * the queue, each with a full fence in between, so a wake-up cannot be missed.
 */
final class QueueWaiter {
    private static final int SPINS = 50;
    private static final int YIELDS = 10;
    private static final long PARK_TIMEOUT_NS = TimeUnit.MILLISECONDS.toNanos(1);

    private final int wakeDepth;
    private volatile Thread parked;
    private volatile boolean fillerDone;
    private int tries;

    /** A waiter that, once parked, is woken when the queue holds at least {@code wakeDepth} (>= 1) elements. */
    QueueWaiter(int wakeDepth) {
        if (wakeDepth < 1) {
            throw new IllegalArgumentException("wakeDepth = " + wakeDepth + " is invalid: must be >= 1");
        }
        this.wakeDepth = wakeDepth;
    }

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
            if (queue.size() < wakeDepth && !fillerDone) {
                LockSupport.parkNanos(this, PARK_TIMEOUT_NS);
            }
            parked = null;
        }
    }

    /** Called by the waiting thread once its poll succeeded. */
    void reset() {
        tries = 0;
    }

    /** Called by the filling thread after it added to {@code queue}: wakes the waiter if it is parked and the queue is deep enough. */
    void wake(Queue<?> queue) {
        VarHandle.fullFence();
        Thread t = parked;
        if (t != null && queue.size() >= wakeDepth) {
            LockSupport.unpark(t);
        }
    }

    /** Called by the filling thread after its last addition: from now on the waiter is woken and never parks. */
    void fillerDone() {
        fillerDone = true;
        VarHandle.fullFence();
        Thread t = parked;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }
}
