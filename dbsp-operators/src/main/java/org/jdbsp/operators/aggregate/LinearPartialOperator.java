package org.jdbsp.operators.aggregate;

import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * The local half of a count, sum or average on several workers: turns this worker's part of a step's change
 * into one {@link LinearPartial} per group it touches, so that the exchange to the groups' owners carries one
 * tuple per (worker, group) instead of every tuple, and a group with many tuples (a hot key, or a grouping
 * with few keys) no longer loads its owner with all of them. Linear and stateless: the owner's
 * {@link LinearAggregateOperator} adds the partials up. Partials are exact 128-bit sums, so they never
 * overflow: only the owner's integrated result of a group can.
 */
final class LinearPartialOperator implements UnaryOperator {
    @Override
    public boolean hasState() {
        return false;
    }

    private final boolean summing;
    private final ToLongFunction<Object> extractor;
    private final Layout out;

    /** Partials of {@code in} batches, as {@code out} (same key column, {@link LinearPartial} values). */
    LinearPartialOperator(boolean summing, ToLongFunction<Object> extractor, Layout out) {
        this.summing = summing;
        this.extractor = extractor;
        this.out = out;
    }

    @Override
    public Batch apply(Batch delta) {
        if (delta.size == 0) {
            return Batch.empty(out);
        }
        BatchBuilder result = new BatchBuilder(out, Math.min(delta.size, 1024));
        long[] change = new long[LinearAggregateOperator.WORDS];
        int i = 0;
        while (i < delta.size) {
            int end = delta.endOfKey(i);
            LinearAggregateOperator.groupChange(delta, i, end, summing, extractor, false, change);
            if ((change[0] | change[1] | change[2] | change[3]) != 0) {
                result.addKeyOf(delta, i, new LinearPartial(change[0], change[1], change[2], change[3]), 1);
            }
            i = end;
        }
        return result.build();
    }

    @Override
    public Operator fork() {
        return new LinearPartialOperator(summing, extractor, out);
    }
}
