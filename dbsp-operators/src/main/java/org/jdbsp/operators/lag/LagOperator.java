package org.jdbsp.operators.lag;

import java.util.Comparator;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.operators.topk.internal.GroupTransformOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Incremental lag over the input's shared integral trace: walking a touched group in row order, it retracts
 * the (row, previous row) pairs as they were before the step and inserts them as they are after, skipping
 * the rows whose pair is the same object both times (they would cancel), so an unchanged stretch of the
 * group costs no output.
 */
final class LagOperator extends GroupTransformOperator {
    private Batch keys;
    private int key;
    private Object previousBefore;
    private Object previousAfter;

    LagOperator(IntegralTrace input, Comparator<Object> order, Layout out) {
        super(input, order, out);
    }

    @Override
    protected void startGroup(Batch keys, int k) {
        this.keys = keys;
        this.key = k;
        previousBefore = null;
        previousAfter = null;
    }

    @Override
    protected boolean row(BatchBuilder result, Batch batch, int index, long oldWeight, long newWeight) {
        Object row = batch.value(index);
        if (oldWeight == newWeight && previousBefore == previousAfter) {
            // the same pairs before and after: nothing changes here
            previousBefore = row;
            previousAfter = row;
            return true;
        }
        if (oldWeight > 0) {
            emit(result, row, previousBefore, oldWeight, -1);
            previousBefore = row;
        }
        if (newWeight > 0) {
            emit(result, row, previousAfter, newWeight, 1);
            previousAfter = row;
        }
        return true;
    }

    /** The pairs of a row of weight {@code weight}: its first copy follows {@code previous}, the further copies the row. */
    private void emit(BatchBuilder result, Object row, Object previous, long weight, long sign) {
        result.addKeyOf(keys, key, new LagRow<>(row, previous), sign);
        if (weight > 1) {
            result.addKeyOf(keys, key, new LagRow<>(row, row), sign * (weight - 1));
        }
    }

    @Override
    public Operator fork(ForkContext context) {
        return new LagOperator(context.forked(input), order, out);
    }
}
