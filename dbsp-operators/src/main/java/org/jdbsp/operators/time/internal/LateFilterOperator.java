package org.jdbsp.operators.time.internal;

import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.BinaryOperator;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.zset.internal.Batch;
import org.jdbsp.zset.internal.BatchBuilder;

/**
 * Drops (and counts) the records whose event time is below the watermark before the step minus the
 * allowed lateness; inputs: the records, the watermark stream.
 */
public final class LateFilterOperator implements BinaryOperator {
    private final ToLongFunction<Object> eventTime;
    private final long allowedLateness;
    private long watermark = TimeArithmetic.NONE;
    private long dropped;

    /** A filter with the given event time and allowed lateness (non-negative). */
    public LateFilterOperator(ToLongFunction<Object> eventTime, long allowedLateness) {
        this.eventTime = eventTime;
        this.allowedLateness = allowedLateness;
    }

    @Override
    public Batch apply(Batch records, Batch watermarkChange) {
        long bound = TimeArithmetic.minus(watermark, allowedLateness);
        watermark = TimeArithmetic.advance(watermark, watermarkChange);
        if (bound == TimeArithmetic.NONE || records.size == 0) {
            return records;
        }
        BatchBuilder kept = null;
        for (int i = 0; i < records.size; i++) {
            if (eventTime.applyAsLong(records.key(i)) < bound) {
                if (kept == null) {
                    kept = new BatchBuilder(records.layout, records.size);
                    for (int j = 0; j < i; j++) {
                        kept.addFrom(records, j, records.weights[j]);
                    }
                }
                dropped += Math.abs(records.weights[i]);
            } else if (kept != null) {
                kept.addFrom(records, i, records.weights[i]);
            }
        }
        return kept == null ? records : kept.build();
    }

    /** Records dropped as late so far (a record of weight w counts |w| times). */
    public long dropped() {
        return dropped;
    }

    @Override
    public Operator fork() {
        LateFilterOperator copy = new LateFilterOperator(eventTime, allowedLateness);
        copy.watermark = watermark;
        copy.dropped = dropped;
        return copy;
    }

    @Override
    public long stateTuples() {
        return 1;
    }

    @Override
    public long stateBytes() {
        return 16;
    }
}
