package org.jdbsp.operators.time.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.BinaryOperator;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.Workers;
import org.jdbsp.zset.internal.Batch;
import org.jdbsp.zset.internal.BatchBuilder;

/**
 * Drops (and counts) the records whose event time is below the watermark before the step minus the
 * allowed lateness; inputs: the records, the watermark stream.
 *
 * <p>With several workers, a record inserted and retracted in one step may sit on two workers, where one
 * worker would have seen nothing; so the late records are counted by their total weight over the workers
 * ({@link Workers#gather}, one collective round per step) and the count is kept by worker 0.
 */
public final class LateFilterOperator implements BinaryOperator {
    private final ToLongFunction<Object> eventTime;
    private final long allowedLateness;
    private final Workers workers;
    private long watermark = TimeArithmetic.NONE;
    private long dropped;

    /** A filter with the given event time and allowed lateness (non-negative). */
    public LateFilterOperator(ToLongFunction<Object> eventTime, long allowedLateness, Workers workers) {
        this.eventTime = eventTime;
        this.allowedLateness = allowedLateness;
        this.workers = workers;
    }

    @Override
    public Batch apply(Batch records, Batch watermarkChange) {
        long bound = TimeArithmetic.minus(watermark, allowedLateness);
        watermark = TimeArithmetic.advance(watermark, watermarkChange);
        if (bound == TimeArithmetic.NONE || (records.size == 0 && workers.count() == 1)) {
            return records;
        }
        Map<Object, Long> late = workers.count() > 1 ? new HashMap<>() : null;
        BatchBuilder kept = null;
        for (int i = 0; i < records.size; i++) {
            if (eventTime.applyAsLong(records.key(i)) < bound) {
                if (kept == null) {
                    kept = new BatchBuilder(records.layout, records.size);
                    for (int j = 0; j < i; j++) {
                        kept.addFrom(records, j, records.weights[j]);
                    }
                }
                if (late == null) {
                    dropped += Math.abs(records.weights[i]);
                } else {
                    late.put(records.key(i), records.weights[i]);
                }
            } else if (kept != null) {
                kept.addFrom(records, i, records.weights[i]);
            }
        }
        if (late != null) {
            countAcross(late);
        }
        return kept == null ? records : kept.build();
    }

    private void countAcross(Map<Object, Long> late) {
        Map<Object, Long> total = new HashMap<>();
        for (Map<Object, Long> part : workers.gather(late)) {
            part.forEach((record, w) -> total.merge(record, w, Math::addExact));
        }
        if (workers.index() == 0) {
            for (long w : total.values()) {
                dropped += Math.abs(w);
            }
        }
    }

    /** Records dropped as late so far (a record of weight w counts |w| times). */
    public long dropped() {
        return dropped;
    }

    @Override
    public Operator fork() {
        LateFilterOperator copy = new LateFilterOperator(eventTime, allowedLateness, workers);
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
