package org.jdbsp.circuit.internal;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

/**
 * How a thread waits for other workers during a step: agrona's {@link BackoffIdleStrategy} (spin, yield, then
 * park from 1 µs up to 1 ms; the worker awaited unparks the waiter), plus two things the backoff does not do.
 * Every {@value #CHECK_PERIOD} waits (after about 40 ms of waiting, then about every 130 ms), {@link #idle()}
 * says it is time to check that the workers awaited are still alive, so that a dead one cannot leave the
 * step waiting forever. And it clears the thread's interrupt status, remembering it for
 * {@link #takeInterrupt()}: a park returns at once while the status is set, so the wait would spin.
 * Used by one thread at a time.
 */
final class StepWait {
    /** How many waits between two checks that the awaited workers are alive. */
    static final int CHECK_PERIOD = 128;

    private final IdleStrategy backoff = new BackoffIdleStrategy(64, 16, 1_000, 1_000_000);
    private int waits;
    private boolean interrupted;

    /** Starts a new wait (short spins first). */
    void reset() {
        backoff.reset();
        waits = 0;
    }

    /** Waits a little; returns true when it is time to check that the workers awaited are alive. */
    boolean idle() {
        backoff.idle();
        if (Thread.interrupted()) {
            interrupted = true;
        }
        return ++waits % CHECK_PERIOD == 0;
    }

    /** Whether an interrupt of the waiting thread was cleared since the last call (and forgets it). */
    boolean takeInterrupt() {
        boolean was = interrupted;
        interrupted = false;
        return was;
    }
}
