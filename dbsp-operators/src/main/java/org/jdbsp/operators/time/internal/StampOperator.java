package org.jdbsp.operators.time.internal;

import java.util.HashMap;
import java.util.Map;
import org.jdbsp.circuit.spi.BinaryOperator;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.circuit.spi.Workers;
import org.jdbsp.operators.time.TimeStamper;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Stamps every record of the step's change with the watermark after the step; inputs: the records, the
 * watermark stream. Its only state is the watermark (not counted as state tuples).
 */
public final class StampOperator implements BinaryOperator {
    private final TimeStamper<Object, Object> stamper;
    private final Layout out;
    private final Workers workers;
    private long watermark = TimeArithmetic.NONE;

    /** Stamps with {@code stamper}, producing batches of {@code out}, on one of {@code workers}. */
    public StampOperator(TimeStamper<Object, Object> stamper, Layout out, Workers workers) {
        this.stamper = stamper;
        this.out = out;
        this.workers = workers;
    }

    @Override
    public Batch apply(Batch records, Batch watermarkChange) {
        watermark = TimeArithmetic.advance(watermark, watermarkChange);
        if (watermark == TimeArithmetic.NONE) {
            // The watermark is the same on every worker, so all of them take this branch together.
            long unstamped = recordsOfTheWholeStep(records);
            if (unstamped != 0) {
                throw new IllegalStateException("cannot stamp " + unstamped
                        + " records: the watermark has no value yet (no time was read before or in this step)");
            }
            return Batch.empty(out);
        }
        if (records.size == 0) {
            return Batch.empty(out);
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

    /**
     * The number of distinct records with a non-zero weight in the step's whole change. With several workers a
     * record pushed and retracted in one step may sit on two workers with opposite weights: it is no record at
     * all, as with one worker, whose consolidated change would not hold it.
     */
    private long recordsOfTheWholeStep(Batch records) {
        if (workers.count() == 1) {
            return records.size;
        }
        Map<Object, Long> mine = new HashMap<>();
        for (int i = 0; i < records.size; i++) {
            mine.put(records.key(i), records.weights[i]);
        }
        long n = 0;
        for (long w : WeightsAcrossWorkers.totals(workers, mine).values()) {
            if (w != 0) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void snapshot(StateWriter out) {
        out.writeLong(watermark);
    }

    /** Its watermark is the same on every worker. */
    @Override
    public StatePartitioning statePartitioning() {
        return StatePartitioning.REPLICATED;
    }

    @Override
    public void restore(StateReader in) {
        watermark = in.readLong();
    }

    @Override
    public Operator fork() {
        StampOperator copy = new StampOperator(stamper, out, workers);
        copy.watermark = watermark;
        return copy;
    }
}
