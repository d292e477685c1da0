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
 * The frame of the session aggregate ({@link SessionAggregateOperator}; fixed-size windows are the ordinary keyed
 * aggregate, {@link org.jdbsp.operators.aggregate.internal.KeyedAggregateOperator}): the key, event time and
 * aggregator, and the watermark it has seen. Inputs:
 * the records, the watermark stream. Late records never reach it: {@link WindowedAggregates} drops them
 * upstream with the one lateness rule of {@link org.jdbsp.operators.time.Watermarks#dropLate}.
 */
abstract class WindowedOperator implements BinaryOperator {
    /** The key of a record. */
    final Function<Object, Object> key;
    final ToLongFunction<Object> eventTime;
    final WindowAggregate<?, ?> agg;
    final long lateness;
    long watermark = TimeArithmetic.NONE;

    /** Keyed by {@code key(record)}. */
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

    /**
     * One step over records that are not late: {@code w0} is the watermark before it (rows already emitted),
     * {@code w1} after it (closing, forgetting).
     */
    abstract Batch step(Batch records, long w0, long w1);

    final Object keyOf(Object record) {
        return Objects.requireNonNull(key.apply(record), "the key function returned null");
    }

    /** Copies the watermark into a fork. */
    final <O extends WindowedOperator> O copyProgress(O copy) {
        copy.watermark = watermark;
        return copy;
    }

    /** Saves the watermark (the subclass then saves its windows). */
    final void writeProgress(StateWriter out) {
        out.writeLong(watermark);
    }

    /** Reads what {@link #writeProgress} saved: the watermark (the same on every worker). */
    final void readProgress(StateReader in) {
        watermark = in.readLong();
    }

    /** A key's windows live on the worker owning the key (the input is sharded by it). */
    @Override
    public StatePartitioning statePartitioning() {
        return StatePartitioning.BY_KEY;
    }


    /** The watermark after the last step. */
    final long watermark() {
        return watermark;
    }
}
