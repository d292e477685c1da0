package org.jdbsp.operators.topk;

import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.trace.DeltaTraceCursor;
import org.jdbsp.zset.Layout;
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
        DeltaTraceCursor c = new DeltaTraceCursor(input.trace(), delta);
        while (c.nextKey()) {
            long rankBefore = 0;
            long rankAfter = 0;
            while ((rankBefore < k || rankAfter < k) && c.nextValue()) {
                long wOld = c.oldWeight();
                long wNew = c.newWeight();
                Batch src = c.valueBatch();
                int at = c.valueIndex();
                long takeBefore = wOld > 0 ? Math.min(wOld, k - rankBefore) : 0;
                long takeAfter = wNew > 0 ? Math.min(wNew, k - rankAfter) : 0;
                if (ranked) {
                    emitRanks(result, delta, c.changeStart(), src, at, rankBefore, takeBefore, rankAfter, takeAfter);
                } else if (takeAfter != takeBefore) {
                    result.addFrom(src, at, takeAfter - takeBefore);
                }
                rankBefore += takeBefore;
                rankAfter += takeAfter;
            }
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
