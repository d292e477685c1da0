package org.jdbsp.operators.aggregate;

import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.trace.TraceCursor;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Weights;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * A non-linear aggregate by key over the input's shared trace: for each key of the step's change, folds
 * the group's values before the step (trace) and after it (trace + change) in one merged pass, and emits
 * {@code -(key, old)} and {@code +(key, new)}; equal results cancel in consolidation.
 */
final class GroupAggregateOperator implements UnaryOperator {
    private final IntegralTrace integral;
    private final Layout out;
    private final Fold before;
    private final Fold after;

    GroupAggregateOperator(IntegralTrace integral, Layout out, Fold fold) {
        this.integral = integral;
        this.out = out;
        this.before = fold.copy();
        this.after = fold.copy();
    }

    @Override
    public Batch apply(Batch delta) {
        if (delta.size == 0) {
            return Batch.empty(out);
        }
        BatchBuilder result = new BatchBuilder(out, 2 * delta.size);
        TraceCursor c = integral.trace().cursor();
        boolean longKeys = delta.longKeys != null;
        int i = 0;
        while (i < delta.size) {
            int end = delta.endOfKey(i);
            before.clear();
            after.clear();
            boolean has = (longKeys ? c.seekLongKey(delta.longKeys[i]) : c.seekKey(delta.objKeys[i])) && c.nextValue();
            int j = i;
            while (has || j < end) {
                int cmp = !has ? 1 : j >= end ? -1 : c.valueBatch().compareValues(c.valueIndex(), delta, j);
                if (cmp < 0) {
                    long w = c.weight();
                    if (w > 0) {
                        before.add(c.valueBatch(), c.valueIndex(), w);
                        after.add(c.valueBatch(), c.valueIndex(), w);
                    }
                    has = c.nextValue();
                } else if (cmp > 0) {
                    long w = delta.weights[j];
                    if (w > 0) {
                        after.add(delta, j, w);
                    }
                    j++;
                } else {
                    long wOld = c.weight();
                    long wNew = Weights.add(wOld, delta.weights[j]);
                    if (wOld > 0) {
                        before.add(c.valueBatch(), c.valueIndex(), wOld);
                    }
                    if (wNew > 0) {
                        after.add(delta, j, wNew);
                    }
                    has = c.nextValue();
                    j++;
                }
            }
            if (!before.isEmpty()) {
                emit(result, delta, i, before, -1);
            }
            if (!after.isEmpty()) {
                emit(result, delta, i, after, 1);
            }
            i = end;
        }
        return result.build();
    }

    private void emit(BatchBuilder result, Batch keys, int k, Fold fold, long weight) {
        boolean longValues = out.valueKind() == ColumnKind.LONG;
        if (longValues) {
            result.addKeyOf(keys, k, fold.longResult(), weight);
        } else {
            result.addKeyOf(keys, k, fold.result(), weight);
        }
    }

    @Override
    public Operator fork(ForkContext context) {
        return new GroupAggregateOperator(context.forked(integral), out, before);
    }
}
