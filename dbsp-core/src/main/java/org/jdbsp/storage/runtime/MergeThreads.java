package org.jdbsp.storage.runtime;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one circuit run that merge its traces' batches into batch files while the steps go on
 * ({@link org.jdbsp.trace.TraceStorage#mergeThreads}): daemon threads named {@code jdbsp-merge-<circuit>-<i>},
 * started on the first merge and ended after a minute without one, stopped when the circuit closes. A merge
 * refused because the circuit closed runs in the step thread instead, if at all.
 */
public final class MergeThreads implements Executor, AutoCloseable {
    /** How long {@link #close} waits for a merge to notice that it must stop (it checks between slices of work). */
    private static final long STOP_WAIT_SECONDS = 30;

    private final ThreadPoolExecutor pool;

    /** {@code threads} merge threads (at least 1) for the circuit named {@code circuit}. */
    public MergeThreads(int threads, String circuit) {
        if (threads < 1) {
            throw new IllegalArgumentException("merge threads = " + threads + " is invalid: must be >= 1");
        }
        AtomicInteger made = new AtomicInteger();
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread t = new Thread(task, "jdbsp-merge-" + circuit + "-" + made.getAndIncrement());
            t.setDaemon(true);
            return t;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable merge) {
        pool.execute(merge);
    }

    /**
     * Stops the threads: merges not started never run, running ones are interrupted and stop at their next slice
     * (deleting the file they were writing); waits for them, so that no merge writes after the circuit's files
     * are deleted.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        boolean interrupted = false;
        try {
            pool.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
