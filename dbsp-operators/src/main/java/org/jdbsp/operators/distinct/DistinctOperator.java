package org.jdbsp.operators.distinct;

import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.trace.DeltaTraceCursor;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Emits the change of {@code distinct(I s)} from the change of {@code s} and the shared trace of
 * {@code z^-1(I s)}: +1 or -1 for a tuple whose total weight crosses zero.
 */
final class DistinctOperator implements UnaryOperator {
    /** Its state is in the integral traces it reads, saved by them. */
    @Override
    public boolean hasState() {
        return false;
    }

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
        DeltaTraceCursor c = new DeltaTraceCursor(integral.trace(), delta);
        while (c.nextKey()) {
            while (c.nextChangedValue()) {
                int change = (c.newWeight() > 0 ? 1 : 0) - (c.oldWeight() > 0 ? 1 : 0);
                if (change != 0) {
                    out.addFrom(delta, c.valueIndex(), change);
                }
            }
        }
        return out.build();
    }

    @Override
    public Operator fork(ForkContext context) {
        return new DistinctOperator(context.forked(integral));
    }
}
