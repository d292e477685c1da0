package org.jdbsp.operators.distinct;

import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.trace.TraceCursor;
import org.jdbsp.zset.Weights;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Emits the change of {@code distinct(I s)} from the change of {@code s} and the shared trace of
 * {@code z^-1(I s)}: +1 or -1 for a tuple whose total weight crosses zero.
 */
final class DistinctOperator implements UnaryOperator {
    private final IntegralTrace integral;

    DistinctOperator(IntegralTrace integral) {
        this.integral = integral;
    }

    @Override
    public Batch apply(Batch delta) {
        if (delta.size == 0) {
            return delta;
        }
        BatchBuilder out = new BatchBuilder(delta.layout, delta.size);
        TraceCursor c = integral.trace().cursor();
        boolean longKeys = delta.longKeys != null;
        int i = 0;
        while (i < delta.size) {
            int end = delta.endOfKey(i);
            boolean found = longKeys ? c.seekLongKey(delta.longKeys[i]) : c.seekKey(delta.objKeys[i]);
            boolean has = found && c.nextValue();
            for (int j = i; j < end; j++) {
                long before = 0;
                while (has) {
                    int cmp = c.valueBatch().compareValues(c.valueIndex(), delta, j);
                    if (cmp < 0) {
                        has = c.nextValue();
                        continue;
                    }
                    if (cmp == 0) {
                        before = c.weight();
                    }
                    break;
                }
                long after = Weights.add(before, delta.weights[j]);
                int change = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
                if (change != 0) {
                    out.addFrom(delta, j, change);
                }
            }
            i = end;
        }
        return out.build();
    }

    @Override
    public Operator fork(ForkContext context) {
        return new DistinctOperator(context.forked(integral));
    }
}
