package org.jdbsp.bench.run;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request to stop a run early (Ctrl-C), and the run's answer that it has stopped and printed what it finished.
 *
 * <p>The run loop polls {@link #requested()} between steps. A shutdown hook calls {@link #stopAndAwait(long)}: if a
 * run is under way it asks it to stop and waits until the run has printed its rows.
 */
public final class StopSignal {
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean requested;
    private volatile boolean running;

    /** Whether a stop was requested. */
    public boolean requested() {
        return requested;
    }

    /** Requests a stop. */
    public void request() {
        requested = true;
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
