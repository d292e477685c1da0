package org.jdbsp.operators.join;

import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import org.jdbsp.circuit.spi.BinaryOperator;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Weights;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * The lookup join {@code Δa ⋈ (z^-1(I b) + Δb)} over a right side with long keys that every worker holds whole
 * (replicated: a table): each left tuple finds its key's right values through a hash index of the right
 * integral, so the left side is read tuple by tuple as it comes, neither sorted by key nor exchanged.
 *
 * <p>The index is built from the right side's shared trace plus the step's right change, in the first step
 * and again in every step whose right change is not empty (a table's: the first only), and once more from the
 * trace alone in the step after (then it holds the trace's batch, not a copy of it); between those steps the
 * trace holds what the index was built from. The trace stays the state of record (checkpoints save it),
 * so a restored or copied operator builds its index again in its first step.
 */
final class TableLookupOperator implements BinaryOperator {
    /** Its state is the right side's integral trace, saved by the trace; the index is rebuilt from it. */
    @Override
    public boolean hasState() {
        return false;
    }

    private final IntegralTrace right;
    private final Layout out;
    private final PairEmitter emitter;
    /** The right integral, consolidated (grouped by key); null until the first step. */
    private Batch rightRows;
    /** Group {@code g} of {@link #rightRows} spans {@code [groupStart[g], groupStart[g + 1])}. */
    private int[] groupStart;
    /** Key to its group in {@link #rightRows}; -1 for a key the right side does not hold. */
    private final Long2IntOpenHashMap groupOfKey = new Long2IntOpenHashMap();
    /**
     * Whether {@link #rightRows} is a copy made with a step's right change: the next step without one indexes the
     * trace's own batch instead, so a table is not held twice.
     */
    private boolean indexHoldsACopy;

    /** A lookup of left changes in {@code right} (long keys), emitting pairs of layout {@code out} through {@code emitter}. */
    TableLookupOperator(IntegralTrace right, Layout out, PairEmitter emitter) {
        this.right = right;
        this.out = out;
        this.emitter = emitter;
        groupOfKey.defaultReturnValue(-1);
    }

    /** The join is linear in its left side: duplicates and order of the left tuples do not change the sum. */
    @Override
    public boolean readsTupleByTuple() {
        return true;
    }

    @Override
    public Batch apply(Batch da, Batch db) {
        if (rightRows == null || db.size > 0 || indexHoldsACopy) {
            index(db);
        }
        if (da.size == 0 || rightRows.size == 0) {
            return Batch.empty(out);
        }
        BatchBuilder result = new BatchBuilder(out, da.size);
        long[] keys = da.longKeys;
        long[] rightWeights = rightRows.weights;
        for (int i = 0; i < da.size; i++) {
            int g = groupOfKey.get(keys[i]);
            if (g < 0) {
                continue;
            }
            Object mine = da.value(i);
            long w = da.weights[i];
            for (int q = groupStart[g], end = groupStart[g + 1]; q < end; q++) {
                emitter.emit(da, i, mine, rightRows.value(q), Weights.multiply(w, rightWeights[q]), result);
            }
        }
        return result.build();
    }

    /** Rebuilds the index from the right trace (the integral up to the previous step) plus {@code db}. */
    private void index(Batch db) {
        Batch integral = right.trace().consolidated();
        indexHoldsACopy = db.size > 0;
        if (indexHoldsACopy) {
            BatchBuilder all = new BatchBuilder(integral.layout, integral.size + db.size);
            all.addBatch(integral);
            all.addBatch(db);
            integral = all.build();
        }
        groupOfKey.clear();
        int[] starts = new int[integral.size + 1];
        int groups = 0;
        int p = 0;
        while (p < integral.size) {
            groupOfKey.put(integral.longKeys[p], groups);
            starts[groups++] = p;
            p = integral.endOfKey(p);
        }
        starts[groups] = integral.size;
        rightRows = integral;
        groupStart = starts;
    }

    @Override
    public Operator fork(ForkContext context) {
        return new TableLookupOperator(context.forked(right), out, emitter);
    }
}
