package org.jdbsp.operators.aggregate;

import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.trace.DeltaTraceCursor;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * A non-linear aggregate by key over the input's shared trace: for each key of the step's change, folds
 * the group's values before the step (trace) and after it (trace + change) in one merged pass, and emits
 * {@code -(key, old)} and {@code +(key, new)}; equal results cancel in consolidation.
 */
final class GroupAggregateOperator implements UnaryOperator {
    /** Its state is in the integral traces it reads, saved by them. */
    @Override
    public boolean hasState() {
        return false;
    }

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
        DeltaTraceCursor c = new DeltaTraceCursor(integral.trace(), delta);
        while (c.nextKey()) {
            before.clear();
            after.clear();
            while (c.nextValue()) {
                if (c.oldWeight() > 0) {
                    before.add(c.valueBatch(), c.valueIndex(), c.oldWeight());
                }
                if (c.newWeight() > 0) {
                    after.add(c.valueBatch(), c.valueIndex(), c.newWeight());
                }
            }
            if (!before.isEmpty()) {
                emit(result, delta, c.changeStart(), before, -1);
            }
            if (!after.isEmpty()) {
                emit(result, delta, c.changeStart(), after, 1);
            }
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
