package org.jdbsp.operators.time.internal;

import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.internal.Batch;
import org.jdbsp.zset.internal.BatchBuilder;

/**
 * Computes the watermark of a stream: {@code max(previous, largest inserted event time - delay, floor)};
 * outputs the change of the one-tuple Z-set holding it (retract old, insert new), nothing when unchanged.
 */
public final class WatermarkOperator implements UnaryOperator {
    private final ToLongFunction<Object> eventTime;
    private final long delay;
    private long maxSeen = TimeArithmetic.NONE;
    private long current = TimeArithmetic.NONE;
    private long floor = TimeArithmetic.NONE;

    /** A watermark {@code delay} behind the largest event time of the inserted records. */
    public WatermarkOperator(ToLongFunction<Object> eventTime, long delay) {
        this.eventTime = eventTime;
        this.delay = delay;
    }

    @Override
    public Batch apply(Batch input) {
        for (int i = 0; i < input.size; i++) {
            if (input.weights[i] > 0) {
                long t = eventTime.applyAsLong(input.key(i));
                if (t > maxSeen) {
                    maxSeen = t;
                }
            }
        }
        long next = current;
        if (maxSeen != TimeArithmetic.NONE) {
            next = Math.max(next, TimeArithmetic.minus(maxSeen, delay));
        }
        next = Math.max(next, floor);
        if (next == current) {
            return Batch.empty(Layout.LONGS);
        }
        BatchBuilder b = new BatchBuilder(Layout.LONGS, 2);
        if (current != TimeArithmetic.NONE) {
            b.addLong(current, -1);
        }
        b.addLong(next, 1);
        current = next;
        return b.build();
    }

    /** The watermark after the last step ({@link TimeArithmetic#NONE} before the first record). */
    public long current() {
        return current;
    }

    /** The largest event time inserted so far. */
    public long maxEventTime() {
        return maxSeen;
    }

    /** Makes the next steps' watermark at least {@code time}. */
    public void advanceTo(long time) {
        floor = Math.max(floor, time);
    }

    @Override
    public Operator fork() {
        WatermarkOperator copy = new WatermarkOperator(eventTime, delay);
        copy.maxSeen = maxSeen;
        copy.current = current;
        copy.floor = floor;
        return copy;
    }

    @Override
    public long stateTuples() {
        return 1;
    }

    @Override
    public long stateBytes() {
        return 24;
    }
}
