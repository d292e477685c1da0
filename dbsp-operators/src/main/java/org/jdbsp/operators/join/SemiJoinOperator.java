package org.jdbsp.operators.join;

import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.BinaryOperator;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.trace.DeltaTraceCursor;
import org.jdbsp.trace.TraceCursor;
import org.jdbsp.zset.Weights;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * The incremental semi-join (or, with {@code anti}, anti-join): the left tuples whose key is present
 * (absent) on the right, a key being present while the total weight of its right tuples is positive.
 *
 * <p>Per step it walks the union of both changes' keys in ascending order; for each key it reads the
 * right presence before the step from the right trace and after it by adding {@code Δb}; it emits the
 * key's {@code Δa} when the key is kept after the step, and {@code ±z^-1(I a)} of the key when its
 * presence flipped.
 */
final class SemiJoinOperator implements BinaryOperator {
    /** Its state is in the integral traces it reads, saved by them. */
    @Override
    public boolean hasState() {
        return false;
    }

    private final IntegralTrace left;
    private final IntegralTrace right;
    private final boolean anti;

    SemiJoinOperator(IntegralTrace left, IntegralTrace right, boolean anti) {
        this.left = left;
        this.right = right;
        this.anti = anti;
    }

    @Override
    public Batch apply(Batch da, Batch db) {
        if (da.size == 0 && db.size == 0) {
            return da;
        }
        BatchBuilder out = new BatchBuilder(da.layout, da.size);
        DeltaTraceCursor rc = new DeltaTraceCursor(right.trace(), db);
        TraceCursor lc = null;
        int ia = 0;
        int ib = 0;
        while (ia < da.size || ib < db.size) {
            int cmp = ia >= da.size ? 1 : ib >= db.size ? -1 : da.compareKeys(ia, db, ib);
            Batch kb = cmp <= 0 ? da : db;
            int ki = cmp <= 0 ? ia : ib;
            int endA = cmp <= 0 ? da.endOfKey(ia) : ia;
            long before = 0;
            long after = 0;
            rc.seekKey(kb, ki);
            while (rc.nextValue()) {
                before = Weights.add(before, rc.oldWeight());
                after = Weights.add(after, rc.newWeight());
            }
            boolean keptBefore = (before > 0) != anti;
            boolean keptAfter = (after > 0) != anti;
            if (keptAfter) {
                for (int j = ia; j < endA; j++) {
                    out.addFrom(da, j, da.weights[j]);
                }
            }
            if (keptAfter != keptBefore) {
                if (lc == null) {
                    lc = left.trace().cursor();
                }
                if (seek(lc, kb, ki)) {
                    while (lc.nextValue()) {
                        out.addFrom(lc.valueBatch(), lc.valueIndex(), keptAfter ? lc.weight() : Weights.negate(lc.weight()));
                    }
                }
            }
            ia = endA;
            ib = rc.changeEnd();
        }
        return out.build();
    }

    private static boolean seek(TraceCursor c, Batch keys, int k) {
        return keys.longKeys != null ? c.seekLongKey(keys.longKeys[k]) : c.seekKey(keys.objKeys[k]);
    }

    @Override
    public Operator fork(ForkContext context) {
        return new SemiJoinOperator(context.forked(left), context.forked(right), anti);
    }
}
