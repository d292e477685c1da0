package org.jdbsp.operators.topk;

import java.util.Comparator;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.operators.topk.internal.GroupTransformOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Incremental top-k per key over the input's shared integral trace: walking a touched group in rank order,
 * it counts the ranks each row takes before and after the step and emits only the rows (or ranks) that
 * differ. In the input's value order (no comparator) it stops once both counts reach {@code k}, so a step
 * reads {@code k} plus the changed values of each touched group, not whole groups. Keeps no state of its own.
 */
final class TopKOperator extends GroupTransformOperator {
    private final int k;
    private final boolean ranked;
    private Batch keys;
    private int key;
    private long rankBefore;
    private long rankAfter;

    /** Top-k in {@code order} (null: the input's value order). */
    TopKOperator(IntegralTrace input, int k, Comparator<Object> order, boolean ranked, Layout out) {
        super(input, order, out);
        this.k = k;
        this.ranked = ranked;
    }

    @Override
    protected void startGroup(Batch keys, int k) {
        this.keys = keys;
        this.key = k;
        rankBefore = 0;
        rankAfter = 0;
    }

    @Override
    protected boolean row(BatchBuilder result, Batch batch, int index, long oldWeight, long newWeight) {
        long takeBefore = oldWeight > 0 ? Math.min(oldWeight, k - rankBefore) : 0;
        long takeAfter = newWeight > 0 ? Math.min(newWeight, k - rankAfter) : 0;
        if (ranked) {
            emitRanks(result, batch, index, rankBefore, takeBefore, rankAfter, takeAfter);
        } else if (takeAfter != takeBefore) {
            result.addFrom(batch, index, takeAfter - takeBefore);
        }
        rankBefore += takeBefore;
        rankAfter += takeAfter;
        return rankBefore < k || rankAfter < k;
    }

    /**
     * Retracts the ranks {@code (before, before + nBefore]} of a value and inserts the ranks
     * {@code (after, after + nAfter]}, skipping the ranks in both (they would cancel).
     */
    private void emitRanks(BatchBuilder result, Batch src, int at, long before, long nBefore, long after, long nAfter) {
        if (before == after && nBefore == nAfter) {
            return;
        }
        Object value = src.value(at);
        for (long r = before + 1; r <= before + nBefore; r++) {
            if (r <= after || r > after + nAfter) {
                result.addKeyOf(keys, key, new Ranked<>(r, value), -1);
            }
        }
        for (long r = after + 1; r <= after + nAfter; r++) {
            if (r <= before || r > before + nBefore) {
                result.addKeyOf(keys, key, new Ranked<>(r, value), 1);
            }
        }
    }

    @Override
    public Operator fork(ForkContext context) {
        return new TopKOperator(context.forked(input), k, order, ranked, out);
    }
}
