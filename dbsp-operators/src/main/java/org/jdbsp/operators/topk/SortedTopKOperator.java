package org.jdbsp.operators.topk;

import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.trace.TraceCursor;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Weights;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Incremental top-k per key when the ranking order is the input's own value order: the shared integral
 * trace already holds each group's values in rank order, so for a touched key one merged pass over the
 * trace's values and the step's change computes the first {@code k} rows before and after the step,
 * stopping as soon as both have {@code k} rows. A step reads {@code k} plus the changed values of each
 * touched group, not whole groups, and emits only the rows (or ranks) that differ.
 */
final class SortedTopKOperator implements UnaryOperator {
    private final IntegralTrace input;
    private final int k;
    private final boolean ranked;
    private final Layout out;

    SortedTopKOperator(IntegralTrace input, int k, boolean ranked, Layout out) {
        this.input = input;
        this.k = k;
        this.ranked = ranked;
        this.out = out;
    }

    @Override
    public Batch apply(Batch delta) {
        if (delta.size == 0) {
            return Batch.empty(out);
        }
        BatchBuilder result = new BatchBuilder(out);
        TraceCursor c = input.trace().cursor();
        boolean longKeys = delta.longKeys != null;
        int i = 0;
        while (i < delta.size) {
            int end = delta.endOfKey(i);
            boolean has = (longKeys ? c.seekLongKey(delta.longKeys[i]) : c.seekKey(delta.objKeys[i])) && c.nextValue();
            long rankBefore = 0;
            long rankAfter = 0;
            int j = i;
            while ((has || j < end) && (rankBefore < k || rankAfter < k)) {
                int cmp = !has ? 1 : j >= end ? -1 : c.valueBatch().compareValues(c.valueIndex(), delta, j);
                long wOld;
                long wNew;
                Batch src;
                int at;
                if (cmp < 0) {
                    wOld = c.weight();
                    wNew = wOld;
                    src = c.valueBatch();
                    at = c.valueIndex();
                    has = c.nextValue();
                } else if (cmp > 0) {
                    wOld = 0;
                    wNew = delta.weights[j];
                    src = delta;
                    at = j;
                    j++;
                } else {
                    wOld = c.weight();
                    wNew = Weights.add(wOld, delta.weights[j]);
                    src = delta;
                    at = j;
                    has = c.nextValue();
                    j++;
                }
                long takeBefore = wOld > 0 ? Math.min(wOld, k - rankBefore) : 0;
                long takeAfter = wNew > 0 ? Math.min(wNew, k - rankAfter) : 0;
                if (ranked) {
                    emitRanks(result, delta, i, src, at, rankBefore, takeBefore, rankAfter, takeAfter);
                } else if (takeAfter != takeBefore) {
                    result.addFrom(src, at, takeAfter - takeBefore);
                }
                rankBefore += takeBefore;
                rankAfter += takeAfter;
            }
            i = end;
        }
        return result.build();
    }

    /**
     * Retracts the ranks {@code (before, before + nBefore]} of a value and inserts the ranks
     * {@code (after, after + nAfter]}, skipping the ranks in both (they would cancel).
     */
    private static void emitRanks(BatchBuilder result, Batch keys, int k, Batch src, int at,
                                  long before, long nBefore, long after, long nAfter) {
        if (before == after && nBefore == nAfter) {
            return;
        }
        Object value = src.value(at);
        for (long r = before + 1; r <= before + nBefore; r++) {
            if (r <= after || r > after + nAfter) {
                result.addKeyOf(keys, k, new Ranked<>(r, value), -1);
            }
        }
        for (long r = after + 1; r <= after + nAfter; r++) {
            if (r <= before || r > before + nBefore) {
                result.addKeyOf(keys, k, new Ranked<>(r, value), 1);
            }
        }
    }

    @Override
    public Operator fork(ForkContext context) {
        return new SortedTopKOperator(context.forked(input), k, ranked, out);
    }
}
