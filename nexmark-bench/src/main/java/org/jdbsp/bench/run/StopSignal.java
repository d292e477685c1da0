package org.jdbsp.bench.run;

import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop a run early (Ctrl-C), and the run's answer that it has stopped and printed what it finished.
 *
 * <p>The run loop polls {@link #requested()} between steps. A shutdown hook calls {@link #stopAndAwait(long)}: if a
 * run is under way it asks it to stop and waits until the run has printed its rows. A long file write runs through
 * {@link #runInterruptibly}, so that a stop interrupts it at once instead of waiting for it.
 */
public final class StopSignal {
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean requested;
    private volatile boolean running;
    // Guarded by this:
    private Thread interruptible;
    private boolean interrupted;

    /** Whether a stop was requested. */
    public boolean requested() {
        return requested;
    }

    /** Requests a stop; interrupts a {@link #runInterruptibly} action under way. */
    public synchronized void request() {
        requested = true;
        if (interruptible != null && !interrupted) {
            interrupted = true;
            interruptible.interrupt();
        }
    }

    /** A file operation that an interrupt may cut short. */
    @FunctionalInterface
    public interface FileAction {
        /** Does the work. */
        void run() throws IOException;
    }

    /**
     * Runs {@code action} on this thread so that a stop request interrupts the thread (an interruptible channel it
     * writes to then closes with a {@link ClosedByInterruptException}); afterwards clears the interrupt this signal
     * made. One action at a time.
     *
     * @throws ClosedByInterruptException without running {@code action} if a stop was already requested
     * @throws IOException                what {@code action} throws
     */
    public void runInterruptibly(FileAction action) throws IOException {
        synchronized (this) {
            if (requested) {
                throw new ClosedByInterruptException();
            }
            if (interruptible != null) {
                throw new IllegalStateException("another action is running interruptibly: " + interruptible);
            }
            interruptible = Thread.currentThread();
        }
        try {
            action.run();
        } finally {
            synchronized (this) {
                interruptible = null;
                if (interrupted) {
                    interrupted = false;
                    Thread.interrupted(); // the stop is in requested(); no later blocking call must see it
                }
            }
        }
    }

    /** Marks the start of the run. */
    public void runStarted() {
        running = true;
    }

    /** Marks the end of the run (after it printed everything); releases {@link #stopAndAwait(long)}. */
    public void runEnded() {
        running = false;
        ended.countDown();
    }

    /**
     * Requests a stop and, if a run is under way, waits up to {@code timeoutMillis} for it to end.
     *
     * @return whether no run was under way or it ended in time
     */
    public boolean stopAndAwait(long timeoutMillis) {
        request();
        if (!running) {
            return true;
        }
        try {
            return ended.await(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
