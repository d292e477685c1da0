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
 * What windowed aggregates share: the key, event time and aggregator, and the watermark they have seen. Inputs:
 * the records, the watermark stream. Late records never reach them: {@link WindowedAggregates} drops them
 * upstream with the one lateness rule of {@link org.jdbsp.operators.time.Watermarks#dropLate}.
 */
abstract class WindowedOperator implements BinaryOperator {
    /** The key of a record (boxed when the aggregate is keyed by longs: for sharding and for rare paths only). */
    final Function<Object, Object> key;
    /** The key of a record as an unboxed long, when the aggregate is keyed by longs; null for object keys. */
    final ToLongFunction<Object> longKey;
    final ToLongFunction<Object> eventTime;
    final WindowAggregate<?, ?> agg;
    final long lateness;
    long watermark = TimeArithmetic.NONE;

    /** Keyed by {@code key(record)}, an object. */
    WindowedOperator(Function<Object, Object> key, ToLongFunction<Object> eventTime, WindowAggregate<?, ?> agg, long lateness) {
        this(key, null, eventTime, agg, lateness);
    }

    /**
     * Keyed by {@code key(record)}, or, when {@code longKey} is not null, by the unboxed {@code longKey(record)}
     * ({@code key} must then box the same long).
     */
    WindowedOperator(Function<Object, Object> key, ToLongFunction<Object> longKey, ToLongFunction<Object> eventTime,
                     WindowAggregate<?, ?> agg, long lateness) {
        this.key = key;
        this.longKey = longKey;
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
