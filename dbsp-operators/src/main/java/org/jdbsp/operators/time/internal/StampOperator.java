package org.jdbsp.operators.time.internal;

import org.jdbsp.circuit.spi.BinaryOperator;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.operators.time.TimeStamper;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.internal.Batch;
import org.jdbsp.zset.internal.BatchBuilder;

/**
 * Stamps every record of the step's change with the watermark after the step; inputs: the records, the
 * watermark stream. Its only state is the watermark (not counted as state tuples).
 */
public final class StampOperator implements BinaryOperator {
    private final TimeStamper<Object, Object> stamper;
    private final Layout out;
    private long watermark = TimeArithmetic.NONE;

    /** Stamps with {@code stamper}, producing batches of {@code out}. */
    public StampOperator(TimeStamper<Object, Object> stamper, Layout out) {
        this.stamper = stamper;
        this.out = out;
    }

    @Override
    public Batch apply(Batch records, Batch watermarkChange) {
        watermark = TimeArithmetic.advance(watermark, watermarkChange);
        if (records.size == 0) {
            return Batch.empty(out);
        }
        if (watermark == TimeArithmetic.NONE) {
            throw new IllegalStateException("cannot stamp " + records.size
                    + " records: the watermark has no value yet (no time was read before or in this step)");
        }
        BatchBuilder b = new BatchBuilder(out, records.size);
        for (int i = 0; i < records.size; i++) {
            Object stamped = stamper.apply(records.key(i), watermark);
            if (stamped == null) {
                throw new NullPointerException("the stamp function returned null for " + records.key(i));
            }
            b.add(stamped, records.weights[i]);
        }
        return b.build();
    }

    @Override
    public Operator fork() {
        StampOperator copy = new StampOperator(stamper, out);
        copy.watermark = watermark;
        return copy;
    }
}
