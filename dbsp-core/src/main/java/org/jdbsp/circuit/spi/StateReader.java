package org.jdbsp.circuit.spi;

import org.jdbsp.trace.Trace;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;

/**
 * Where an operator reads back its state from a checkpoint ({@link Operator#restore}), value by value in
 * the order {@link StateWriter} wrote it. Reading past what the operator wrote, or a value of another kind,
 * fails with an exception naming the checkpoint; so does an operator that leaves values unread.
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
}
