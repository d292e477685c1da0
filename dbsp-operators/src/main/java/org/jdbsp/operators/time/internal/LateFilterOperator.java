package org.jdbsp.operators.time.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.BinaryOperator;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.Replicas;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.circuit.spi.Workers;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Drops (and counts) the records whose event time is below the watermark before the step minus the
 * allowed lateness, and every record once the watermark is {@link Long#MAX_VALUE} (see
 * {@link TimeArithmetic#late}); inputs: the records, the watermark stream.
 *
 * <p>With several workers, a record inserted and retracted in one step may sit on two workers, where one
 * worker would have seen nothing; so the late records are counted by their total weight over the workers
 * in each step. Adding them up needs every worker's late records, but not at once: each worker keeps its
 * late records per step, and they are added up when the count is read between steps
 * ({@link #droppedAcross}), or by a collective round every {@value #SETTLE_EVERY} steps, which bounds what
 * is kept. So a step with no late records costs no round.
 */
public final class LateFilterOperator implements BinaryOperator {
    /** Steps between two collective rounds that add up the late records kept by the workers. */
    static final int SETTLE_EVERY = 64;

    private final ToLongFunction<Object> eventTime;
    private final long allowedLateness;
    private final Workers workers;
    private long watermark = TimeArithmetic.NONE;
    private long dropped;
    private long steps;
    /** With several workers: this worker's late records of the steps not added up yet; replaced, never changed, once shared. */
    private List<StepLate> pending = new ArrayList<>();

    /** The late records one worker saw in one step, with their weights there. */
    private record StepLate(long step, Map<Object, Long> weights) {}

    /** A filter with the given event time and allowed lateness (non-negative). */
    public LateFilterOperator(ToLongFunction<Object> eventTime, long allowedLateness, Workers workers) {
        this.eventTime = eventTime;
        this.allowedLateness = allowedLateness;
        this.workers = workers;
    }

    @Override
    public Batch apply(Batch records, Batch watermarkChange) {
        long step = steps++;
        if (workers.count() > 1 && step % SETTLE_EVERY == SETTLE_EVERY - 1) {
            settleAcross();
        }
        long before = watermark;
        watermark = TimeArithmetic.advance(watermark, watermarkChange);
        if (TimeArithmetic.minus(before, allowedLateness) == TimeArithmetic.NONE || records.size == 0) {
            return records;
        }
        Map<Object, Long> late = workers.count() > 1 ? new HashMap<>() : null;
        BatchBuilder kept = null;
        for (int i = 0; i < records.size; i++) {
            if (TimeArithmetic.late(eventTime.applyAsLong(records.key(i)), before, allowedLateness)) {
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
        if (late != null && !late.isEmpty()) {
            pending.add(new StepLate(step, late));
        }
        return kept == null ? records : kept.build();
    }

    /** The collective round: worker 0 adds up every worker's kept late records; each starts a new list. */
    private void settleAcross() {
        List<List<StepLate>> all = workers.gather(pending);
        pending = new ArrayList<>();
        if (workers.index() == 0) {
            dropped += countLate(all);
        }
    }

    /**
     * Records dropped as late so far by the filter whose instances on every worker are {@code replicas} (a
     * record of weight w counts |w| times); adds up the late records the workers keep. Only between steps:
     * during one (from an inspector) it throws {@link IllegalStateException} and changes nothing.
     */
    public static long droppedAcross(Replicas<LateFilterOperator> replicas) {
        // one worker keeps late records only when restored from a checkpoint of several
        if (replicas.count() > 1 || !replicas.get(0).pending.isEmpty()) {
            replicas.requireBetweenSteps("the count of late records (LateFilter.dropped())");
            List<List<StepLate>> all = new ArrayList<>();
            for (int i = 0; i < replicas.count(); i++) {
                LateFilterOperator op = replicas.get(i);
                all.add(op.pending);
                op.pending = new ArrayList<>();
            }
            replicas.get(0).dropped += countLate(all);
        }
        return replicas.sum(op -> op.dropped);
    }

    /** The late records of several workers counted as one worker would: by step, |total weight| per record. */
    private static long countLate(List<List<StepLate>> workersLate) {
        Map<Long, Map<Object, Long>> byStep = new HashMap<>();
        for (List<StepLate> worker : workersLate) {
            for (StepLate s : worker) {
                WeightsAcrossWorkers.addInto(byStep.computeIfAbsent(s.step(), k -> new HashMap<>()), s.weights());
            }
        }
        long count = 0;
        for (Map<Object, Long> total : byStep.values()) {
            for (long w : total.values()) {
                count = Math.addExact(count, Math.abs(w));
            }
        }
        return count;
    }

    @Override
    public Operator fork() {
        LateFilterOperator copy = new LateFilterOperator(eventTime, allowedLateness, workers);
        copy.watermark = watermark;
        copy.dropped = dropped;
        copy.steps = steps;
        copy.pending = new ArrayList<>(pending);
        return copy;
    }

    /** The watermark and the step count are the same on every worker; the late count and the late records kept (added up across the workers) go, per saved part, to one worker, and are added up there or when counted. */
    @Override
    public StatePartitioning statePartitioning() {
        return StatePartitioning.BY_KEY;
    }

    /** Saves the watermark, the late count, the step count and each step's late records not yet counted. */
    @Override
    public void snapshot(StateWriter out) {
        out.writeLong(watermark);
        out.writeLong(dropped);
        out.writeLong(steps);
        out.writeInt(pending.size());
        for (StepLate s : pending) {
            out.writeLong(s.step());
            out.writeInt(s.weights().size());
            for (Map.Entry<Object, Long> e : s.weights().entrySet()) {
                out.writeObject(e.getKey());
                out.writeLong(e.getValue());
            }
        }
    }

    @Override
    public void restore(StateReader in) {
        watermark = in.readLong();
        long late = in.readLong();
        steps = in.readLong();
        boolean mine = in.takesCounters();
        if (mine) {
            dropped += late;
        }
        List<StepLate> read = new ArrayList<>(pending);
        for (int n = in.readInt(); n > 0; n--) {
            long step = in.readLong();
            Map<Object, Long> weights = new HashMap<>();
            for (int k = in.readInt(); k > 0; k--) {
                weights.put(in.readObject(), in.readLong());
            }
            if (mine) {
                read.add(new StepLate(step, weights));
            }
        }
        pending = read;
    }

    @Override
    public long stateTuples() {
        long n = 1;
        for (StepLate s : pending) {
            n += s.weights().size();
        }
        return n;
    }

    @Override
    public long stateBytes() {
        return 16 + 64 * (stateTuples() - 1);
    }
}
