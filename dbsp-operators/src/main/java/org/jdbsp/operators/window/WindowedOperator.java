package org.jdbsp.operators.window;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.BinaryOperator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.operators.time.internal.TimeArithmetic;
import org.jdbsp.zset.spi.Batch;

/**
 * What windowed aggregates share: the key, event time and aggregator, the watermark they have seen, and
 * the rule that drops (and counts) late records. Inputs: the records, the watermark stream.
 */
abstract class WindowedOperator implements BinaryOperator {
    final Function<Object, Object> key;
    final ToLongFunction<Object> eventTime;
    final WindowAggregate<?, ?> agg;
    final long lateness;
    long watermark = TimeArithmetic.NONE;
    long dropped;

    WindowedOperator(Function<Object, Object> key, ToLongFunction<Object> eventTime, WindowAggregate<?, ?> agg, long lateness) {
        this.key = key;
        this.eventTime = eventTime;
        this.agg = agg;
        this.lateness = lateness;
    }

    @Override
    public final Batch apply(Batch records, Batch watermarkChange) {
        long before = watermark;
        watermark = TimeArithmetic.advance(before, watermarkChange);
        return step(records, before, watermark);
    }

    /** One step: {@code w0} is the watermark before it (lateness), {@code w1} after it (closing, forgetting). */
    abstract Batch step(Batch records, long w0, long w1);

    /** True (and counted) when record {@code i} is later than the allowed lateness ({@link TimeArithmetic#late}). */
    final boolean late(Batch records, int i, long t, long w0) {
        if (TimeArithmetic.late(t, w0, lateness)) {
            dropped += Math.abs(records.weights[i]);
            return true;
        }
        return false;
    }

    final Object keyOf(Object record) {
        return Objects.requireNonNull(key.apply(record), "the key function returned null");
    }

    /** Copies the watermark and the late count into a fork. */
    final <O extends WindowedOperator> O copyProgress(O copy) {
        copy.watermark = watermark;
        copy.dropped = dropped;
        return copy;
    }

    /** Saves the watermark and the late count (the subclass then saves its windows). */
    final void writeProgress(StateWriter out) {
        out.writeLong(watermark);
        out.writeLong(dropped);
    }

    /**
     * Reads what {@link #writeProgress} saved: the watermark (the same on every worker) and, added to this worker's
     * when it takes the saved part's counters, the late count.
     */
    final void readProgress(StateReader in) {
        watermark = in.readLong();
        long late = in.readLong();
        if (in.takesCounters()) {
            dropped += late;
        }
    }

    /** A key's windows live on the worker owning the key (the input is sharded by it). */
    @Override
    public StatePartitioning statePartitioning() {
        return StatePartitioning.BY_KEY;
    }


    /** Records dropped as late so far. */
    final long droppedLate() {
        return dropped;
    }

    /** The watermark after the last step. */
    final long watermark() {
        return watermark;
    }
}
