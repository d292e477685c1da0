package org.jdbsp.circuit.spi;

import org.jdbsp.trace.Trace;
import org.jdbsp.zset.spi.Batch;

/**
 * Where an operator writes its state in a checkpoint ({@link Operator#snapshot}): a sequence of values that
 * {@link StateReader} gives back in the same order. Longs and booleans are stored raw; objects (keys,
 * accumulators, records) by the codec of their class in the circuit's {@link org.jdbsp.codec.Codecs};
 * batches and traces as batch files, a batch written by an earlier checkpoint of the same circuit being
 * referenced instead of written again.
 */
public interface StateWriter {
    /** Writes a long. */
    void writeLong(long value);

    /** Writes an int. */
    void writeInt(int value);

    /** Writes a boolean. */
    void writeBoolean(boolean value);

    /**
     * Writes an object (null allowed) by the codec of its class.
     *
     * @throws org.jdbsp.codec.MissingCodecException when its class has no codec
     */
    void writeObject(Object value);

    /** Writes a batch (as a batch file). */
    void writeBatch(Batch batch);

    /** Writes a trace: its batches and its key bound (not its value-time bound, see {@link Trace#restore}). */
    void writeTrace(Trace trace);
}
