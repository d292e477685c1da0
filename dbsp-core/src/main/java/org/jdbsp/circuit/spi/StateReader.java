package org.jdbsp.circuit.spi;

import org.jdbsp.trace.Trace;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;

/**
 * Where an operator reads back its state from a checkpoint ({@link Operator#restore}), value by value in
 * the order {@link StateWriter} wrote it. Reading past what the operator wrote, or a value of another kind,
 * fails with an exception naming the checkpoint; so does an operator that leaves values unread.
 *
 * <p>On a restore on another number of workers ({@link #rescaling()}), the operator's {@code restore} is called
 * once per saved worker part and the reader cuts the state as the operator's {@link StatePartitioning} says:
 * batches and traces come cut to this worker's keys, and the operator asks {@link #owns} about the keys of
 * the entries it reads as objects. On the same number of workers every key is owned and nothing is cut.
 */
public interface StateReader {
    /** Reads a long. */
    long readLong();

    /** Reads an int. */
    int readInt();

    /** Reads a boolean. */
    boolean readBoolean();

    /** Reads an object written by {@link StateWriter#writeObject} (null if null was written). */
    Object readObject();

    /** Reads a batch, giving it {@code layout} (the layout it was written with, with this circuit's orders). */
    Batch readBatch(Layout layout);

    /** Reads a trace into {@code trace} (empty or not: its content is replaced), see {@link Trace#restore}. */
    void readTrace(Trace trace);

    /** Whether this is a restore on another number of workers than the checkpoint was taken with. */
    default boolean rescaling() {
        return false;
    }

    /**
     * Whether this worker keeps the state of {@code key} read from the saved part: the worker the exchanges'
     * key hash gives it ({@link StatePartitioning#BY_KEY}); always true when not {@link #rescaling()}.
     */
    default boolean owns(Object key) {
        return true;
    }

    /** {@link #owns} for a long key (the same owner as the key boxed), without boxing it. */
    default boolean ownsLong(long key) {
        return true;
    }

    /**
     * Whether this worker adds to its own per-worker counters (those whose sum over the workers is what counts,
     * such as records dropped as late) the values of the saved part being read: true for exactly one worker
     * per saved part, so the sum is kept; always true when not {@link #rescaling()}.
     */
    default boolean takesCounters() {
        return true;
    }
}
