package org.jdbsp.operators.time.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.NaryOperator;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.circuit.spi.Workers;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Computes the watermark of one or more streams: {@code max(previous, largest inserted event time - delay, floor)};
 * outputs the change of the one-tuple Z-set holding it (retract old, insert new), nothing when unchanged.
 *
 * <p>What counts as inserted: over one stream ({@link #ofRecords}) an event time counts when some record of that
 * time has a positive weight in the step's change; over several ({@link #ofTimes}) when the records of that time,
 * over every stream, have a positive total weight (as if each stream were mapped to its event times and the
 * streams added). A step reads every tuple once, keeping the largest inserted and the largest retracted time
 * (no boxing, no sort, nothing allocated per record); the weights of one time are only added up in the rare
 * step that retracts a time at least as recent as the largest one it inserts.
 *
 * <p>With several workers, each sees only its part of the records: the largest event time and the floor
 * are agreed across the workers every step ({@link Workers#maxAcross}, one round unless the step retracts
 * recent records; see {@code acrossWorkers}), so every
 * worker computes exactly the watermark one worker would, and its output stream is replicated.
 */
public final class WatermarkOperator implements NaryOperator {
    private final ToLongFunction<Object>[] eventTimes;
    /** Per input: read it on worker 0 only (a replicated input summed with parted ones, counted once). */
    private final boolean[] onWorkerZeroOnly;
    /** Whether a time counts by the total weight of its records ({@link #ofTimes}) or record by record. */
    private final boolean byTime;
    private final long delay;
    private final Workers workers;
    private long maxSeen = TimeArithmetic.NONE;
    private long current = TimeArithmetic.NONE;
    private long floor = TimeArithmetic.NONE;
    /** Set by {@link #scan}: the largest inserted time above its bound and the largest retracted time. */
    private long scannedInserted;
    private long scannedRetracted;

    private WatermarkOperator(ToLongFunction<Object>[] eventTimes, boolean[] onWorkerZeroOnly, boolean byTime, long delay,
                              Workers workers) {
        this.eventTimes = eventTimes;
        this.onWorkerZeroOnly = onWorkerZeroOnly;
        this.byTime = byTime;
        this.delay = delay;
        this.workers = workers;
    }

    /**
     * A watermark {@code delay} behind the largest event time of the records inserted on any of {@code workers}
     * into one stream, record by record.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static WatermarkOperator ofRecords(ToLongFunction<Object> eventTime, long delay, Workers workers) {
        return new WatermarkOperator(new ToLongFunction[] {eventTime}, new boolean[1], false, delay, workers);
    }

    /**
     * A watermark {@code delay} behind the largest event time whose records, over the streams read with
     * {@code eventTimes} (one per input, in wiring order), have a positive total weight in a step. The inputs
     * flagged in {@code onWorkerZeroOnly} are read on worker 0 only.
     */
    public static WatermarkOperator ofTimes(ToLongFunction<Object>[] eventTimes, boolean[] onWorkerZeroOnly, long delay,
                                            Workers workers) {
        if (eventTimes.length == 0 || eventTimes.length != onWorkerZeroOnly.length) {
            throw new IllegalArgumentException("one event time and one flag per input, at least one input");
        }
        return new WatermarkOperator(eventTimes.clone(), onWorkerZeroOnly.clone(), true, delay, workers);
    }

    @Override
    public boolean readsTupleByTuple() {
        // the totals per time do not depend on how the tuples are cut, ordered or repeated
        return byTime;
    }

    @Override
    public Batch apply(Batch[] inputs) {
        if (inputs.length != eventTimes.length) {
            throw new IllegalArgumentException("the watermark reads " + eventTimes.length + " inputs, not " + inputs.length);
        }
        if (workers.count() == 1 && !byTime) {
            scan(inputs, maxSeen, Long.MAX_VALUE, true);
            maxSeen = Math.max(maxSeen, scannedInserted);
        } else {
            acrossWorkers(inputs);
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
     * One pass over the tuples this worker reads: sets {@link #scannedInserted} to the largest event time above
     * {@code above} and below {@code below} (or at most {@code below} when {@code inclusive}) of the tuples with
     * a positive weight, and {@link #scannedRetracted} to the largest event time of the tuples with a negative
     * weight (each {@link TimeArithmetic#NONE} when there is none).
     */
    private void scan(Batch[] inputs, long above, long below, boolean inclusive) {
        long inserted = TimeArithmetic.NONE;
        long retracted = TimeArithmetic.NONE;
        for (int s = 0; s < inputs.length; s++) {
            if (skipped(s)) {
                continue;
            }
            Batch input = inputs[s];
            ToLongFunction<Object> eventTime = eventTimes[s];
            long[] weights = input.weights;
            for (int i = 0; i < input.size; i++) {
                long w = weights[i];
                if (w > 0) {
                    long t = eventTime.applyAsLong(input.key(i));
                    if (t > above && t > inserted && (t < below || inclusive && t == below)) {
                        inserted = t;
                    }
                } else if (w < 0) {
                    retracted = Math.max(retracted, eventTime.applyAsLong(input.key(i)));
                }
            }
        }
        scannedInserted = inserted;
        scannedRetracted = retracted;
    }

    private boolean skipped(int input) {
        return onWorkerZeroOnly[input] && workers.index() != 0;
    }

    /**
     * Advances the largest event time and the floor as one worker seeing every record would. A time counts
     * when its weight in the step's whole change is positive (that of one of its records, or their total
     * {@link #byTime}); a worker sees only its part, where a record inserted and retracted in one step may sit
     * on two workers. So the largest locally inserted time is a candidate only: it counts once its weight
     * over the workers is positive, and otherwise the next smaller candidate is tried. The first round also
     * agrees on the largest retracted time: a candidate above it needs no check (no record of its time is
     * retracted anywhere), so a step costs one round unless it retracts records at least as recent as those it
     * inserts.
     */
    private void acrossWorkers(Batch[] inputs) {
        scan(inputs, maxSeen, Long.MAX_VALUE, true);
        long[] first = {scannedInserted, floor, scannedRetracted};
        workers.maxAcross(first);
        floor = first[1];
        long candidate = first[0];
        if (candidate > maxSeen && candidate > first[2]) {
            // no worker retracts a record of this time, so the records inserted with it have a positive total
            maxSeen = candidate;
            return;
        }
        while (candidate > maxSeen) {
            if (byTime ? totalAcross(inputs, candidate) > 0 : insertedAcross(inputs, candidate)) {
                maxSeen = candidate;
                return;
            }
            scan(inputs, maxSeen, candidate, false);
            long[] next = {scannedInserted};
            workers.maxAcross(next);
            candidate = next[0];
        }
    }

    /** True when some record of event time {@code t} has a positive total weight over every worker's part. */
    private boolean insertedAcross(Batch[] inputs, long t) {
        Map<Object, Long> mine = new HashMap<>();
        Batch input = inputs[0];
        for (int i = 0; i < input.size; i++) {
            if (eventTimes[0].applyAsLong(input.key(i)) == t) {
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

    /** The total weight of the records of event time {@code t} over every input and every worker's part. */
    private long totalAcross(Batch[] inputs, long t) {
        long mine = 0;
        for (int s = 0; s < inputs.length; s++) {
            if (skipped(s)) {
                continue;
            }
            Batch input = inputs[s];
            for (int i = 0; i < input.size; i++) {
                if (eventTimes[s].applyAsLong(input.key(i)) == t) {
                    mine = Math.addExact(mine, input.weights[i]);
                }
            }
        }
        if (workers.count() == 1) {
            return mine;
        }
        long total = 0;
        for (long part : workers.gather(mine)) {
            total = Math.addExact(total, part);
        }
        return total;
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
        WatermarkOperator copy = new WatermarkOperator(eventTimes, onWorkerZeroOnly, byTime, delay, workers);
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
