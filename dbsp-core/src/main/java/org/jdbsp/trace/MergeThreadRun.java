package org.jdbsp.trace;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbsp.storage.spi.BatchFileInfo;

/**
 * A {@link SpineMerge} into a batch file run to its end by a merge thread, so that the step thread that started it
 * does not spend its steps encoding: it only polls ({@link #succeeded}, {@link #failure}), waits when its
 * level needs the result ({@link #finishNow}, which runs the merge itself if no thread has started it), or gives it
 * up ({@link #abandon}). The merge's inputs are immutable and stay in the spine, where cursors read them, until the
 * step thread replaces them by the result; the thread touches nothing else of the trace (it drops the bounds of
 * when it started). A failure (a full disk, an exception or Error in a user's comparator or codec) is kept and
 * thrown in the step thread at its next poll; the file being written is then deleted.
 */
final class MergeThreadRun implements Runnable {
    /** Tuples merged between two checks of {@link #stop} (and of the thread's interrupt). */
    private static final int SLICE = 1 << 14;
    private static final int QUEUED = 0;
    private static final int RUNNING = 1;
    private static final int DONE = 2;
    private static final int FAILED = 3;
    private static final int CANCELLED = 4;

    /**
     * The merge, until it has ended here or been given up: then null, so that a run still waiting in the executor's
     * queue (taken over by the step thread, or given up) no longer holds the merge's inputs on the heap.
     */
    private SpineMerge merge;
    private final Trace.Bounds bounds;
    private final AtomicInteger state = new AtomicInteger(QUEUED);
    /** Set by {@link #abandon}: the thread stops at its next slice. */
    private volatile boolean stop;
    /** The finished file (null if the merge wrote nothing); written before the state becomes {@code DONE}. */
    private BatchFileInfo file;
    /** Why the merge failed; written before the state becomes {@code FAILED}. */
    private Throwable failure;

    MergeThreadRun(SpineMerge merge, Trace.Bounds bounds) {
        this.merge = merge;
        this.bounds = bounds;
    }

    /** Run by the merge thread; does nothing if the step thread took the merge over or gave it up first. */
    @Override
    public void run() {
        if (state.compareAndSet(QUEUED, RUNNING)) {
            execute();
        }
    }

    private void execute() {
        int outcome = FAILED;
        SpineMerge merge = this.merge;
        try {
            while (!merge.consumed()) {
                if (stop || Thread.currentThread().isInterrupted()) {
                    throw new CancellationException("merge given up");
                }
                merge.work(SLICE, bounds);
            }
            if (merge.written() == 0) {
                merge.file().close();
            } else {
                file = merge.file().finish();
                merge.countWritten(file);
            }
            outcome = DONE;
        } catch (Throwable t) {
            failure = t;
            try {
                merge.file().close();
            } catch (Throwable e) {
                t.addSuppressed(e);
            }
        } finally {
            this.merge = null;
            // whatever happened above (even an Error while handling an Error), the step thread stops waiting
            synchronized (this) {
                state.set(outcome);
                notifyAll();
            }
        }
    }

    /** Whether the merge is done and its file finished. */
    boolean succeeded() {
        return state.get() == DONE;
    }

    /** What made the merge fail once it has, else null. */
    Throwable failure() {
        return state.get() == FAILED ? failure : null;
    }

    /** Throws what made the merge fail, if it did (in the step thread, to fail its step). */
    void rethrowFailure() {
        if (state.get() == FAILED) {
            throw unchecked(failure);
        }
    }

    /** {@code t} to throw in the step thread: itself when unchecked (an Error is thrown here), else wrapped. */
    static RuntimeException unchecked(Throwable t) {
        if (t instanceof RuntimeException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("a merge into a batch file failed", t);
    }

    /** Waits until the merge has ended, running it in this thread if no merge thread has started it. */
    void finishNow() {
        if (state.compareAndSet(QUEUED, RUNNING)) {
            execute();
        } else {
            awaitEnd();
        }
    }

    /** The finished file, once {@link #succeeded()} (null if the merge wrote nothing). */
    BatchFileInfo file() {
        return file;
    }

    /**
     * Stops the merge and waits for its thread to let go of it; the file is deleted, also when it was finished
     * (its result is not wanted).
     */
    void abandon() {
        stop = true;
        if (state.compareAndSet(QUEUED, CANCELLED)) {
            merge.file().close();
            merge = null;
            return;
        }
        awaitEnd();
        if (state.get() == DONE && file != null) {
            try {
                Files.deleteIfExists(file.path());
            } catch (IOException e) {
                // an unused transient file: the run directory is deleted with the circuit, or at the next start
            }
        }
    }

    private void awaitEnd() {
        boolean interrupted = false;
        synchronized (this) {
            while (state.get() == RUNNING || state.get() == QUEUED) {
                try {
                    wait();
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
