package org.jdbsp.operators.time.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.circuit.spi.Workers;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Computes the watermark of a stream: {@code max(previous, largest inserted event time - delay, floor)};
 * outputs the change of the one-tuple Z-set holding it (retract old, insert new), nothing when unchanged.
 *
 * <p>With several workers, each sees only its part of the records: the largest event time and the floor
 * are agreed across the workers every step ({@link Workers#maxAcross}, one round unless the step retracts
 * recent records; see {@code acrossWorkers}), so every
 * worker computes exactly the watermark one worker would, and its output stream is replicated.
 */
public final class WatermarkOperator implements UnaryOperator {
    private final ToLongFunction<Object> eventTime;
    private final long delay;
    private final Workers workers;
    private long maxSeen = TimeArithmetic.NONE;
    private long current = TimeArithmetic.NONE;
    private long floor = TimeArithmetic.NONE;

    /** A watermark {@code delay} behind the largest event time of the records inserted on any of {@code workers}. */
    public WatermarkOperator(ToLongFunction<Object> eventTime, long delay, Workers workers) {
        this.eventTime = eventTime;
        this.delay = delay;
        this.workers = workers;
    }

    @Override
    public Batch apply(Batch input) {
        if (workers.count() == 1) {
            maxSeen = Math.max(maxSeen, largestInserted(input, maxSeen, Long.MAX_VALUE, true));
        } else {
            acrossWorkers(input);
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

    /**
     * The largest event time above {@code above} and below {@code below} (or at most {@code below} when
     * {@code inclusive}) of the tuples of {@code input} with a positive weight, or {@link TimeArithmetic#NONE}.
     */
    private long largestInserted(Batch input, long above, long below, boolean inclusive) {
        long largest = TimeArithmetic.NONE;
        for (int i = 0; i < input.size; i++) {
            if (input.weights[i] > 0) {
                long t = eventTime.applyAsLong(input.key(i));
                if (t > above && t > largest && (t < below || inclusive && t == below)) {
                    largest = t;
                }
            }
        }
        return largest;
    }

    /**
     * Advances the largest event time and the floor as one worker seeing every record would. A record counts
     * when its weight in the step's whole change is positive; a worker sees only its part, where a record
     * inserted and retracted in one step may sit on two workers. So the largest locally inserted time is a
     * candidate only: it counts once some record of that time has a positive total over the workers, and
     * otherwise the next smaller candidate is tried. The first round also agrees on the largest retracted
     * time: a candidate above it needs no check (no record of its time is retracted anywhere), so a step
     * costs one round unless it retracts records at least as recent as those it inserts.
     */
    private void acrossWorkers(Batch input) {
        long[] first = {largestInserted(input, maxSeen, Long.MAX_VALUE, true), floor, largestRetracted(input)};
        workers.maxAcross(first);
        floor = first[1];
        long candidate = first[0];
        if (candidate > maxSeen && candidate > first[2]) {
            // no worker retracts a record of this time, so the records inserted with it have a positive total
            maxSeen = candidate;
            return;
        }
        while (candidate > maxSeen) {
            if (insertedAcross(input, candidate)) {
                maxSeen = candidate;
                return;
            }
            long[] next = {largestInserted(input, maxSeen, candidate, false)};
            workers.maxAcross(next);
            candidate = next[0];
        }
    }

    /** The largest event time of the tuples of {@code input} with a negative weight, or {@link TimeArithmetic#NONE}. */
    private long largestRetracted(Batch input) {
        long largest = TimeArithmetic.NONE;
        for (int i = 0; i < input.size; i++) {
            if (input.weights[i] < 0) {
                largest = Math.max(largest, eventTime.applyAsLong(input.key(i)));
            }
        }
        return largest;
    }

    /** True when some record of event time {@code t} has a positive total weight over every worker's part. */
    private boolean insertedAcross(Batch input, long t) {
        Map<Object, Long> mine = new HashMap<>();
        for (int i = 0; i < input.size; i++) {
            if (eventTime.applyAsLong(input.key(i)) == t) {
                mine.put(input.key(i), input.weights[i]);
            }
        }
        for (long w : WeightsAcrossWorkers.totals(workers, mine).values()) {
            if (w > 0) {
                return true;
            }
        }
        return false;
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
    public void snapshot(StateWriter out) {
        out.writeLong(maxSeen);
        out.writeLong(current);
        out.writeLong(floor);
    }

    /** The largest time, the floor and the watermark are agreed by every worker. */
    @Override
    public StatePartitioning statePartitioning() {
        return StatePartitioning.REPLICATED;
    }

    @Override
    public void restore(StateReader in) {
        maxSeen = in.readLong();
        current = in.readLong();
        floor = in.readLong();
    }

    @Override
    public Operator fork() {
        WatermarkOperator copy = new WatermarkOperator(eventTime, delay, workers);
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
