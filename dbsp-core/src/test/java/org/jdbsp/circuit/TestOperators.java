package org.jdbsp.circuit;

import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.BinaryOperator;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.trace.Trace;
import org.jdbsp.trace.TraceCursor;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Weights;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Minimal incremental join and distinct written against the operator SPI over shared integral traces, to test
 * recursion in the core
 * (the real, optimised ones live in dbsp-operators).
 */
final class TestOperators {
    private TestOperators() {}

    /** Combines a left and a right value of the same long key. */
    interface Combiner {
        Object combine(Object left, Object right);
    }

    /**
     * Inner join of two long-keyed indexed streams over their shared integral traces (which hold the
     * integrals up to the previous step): Δa ⋈ Δb + Δa ⋈ z⁻¹(I b) + z⁻¹(I a) ⋈ Δb.
     */
    static final class Join implements BinaryOperator {
        private final IntegralTrace left;
        private final IntegralTrace right;
        private final Layout out;
        private final Combiner combiner;

        Join(IntegralTrace left, IntegralTrace right, Layout out, Combiner combiner) {
            this.left = left;
            this.right = right;
            this.out = out;
            this.combiner = combiner;
        }

        @Override
        public Batch apply(Batch da, Batch db) {
            BatchBuilder result = new BatchBuilder(out);
            Trace deltaB = new Trace(db.layout);
            deltaB.insert(db);
            probe(da, deltaB, result, false);
            probe(da, right.trace(), result, false);
            probe(db, left.trace(), result, true);
            return result.build();
        }

        private void probe(Batch delta, Trace other, BatchBuilder result, boolean deltaIsRight) {
            TraceCursor c = other.cursor();
            for (int i = 0; i < delta.size; i++) {
                if (!c.seekLongKey(delta.longKeys[i])) {
                    continue;
                }
                while (c.nextValue()) {
                    Object mine = delta.objValues[i];
                    Object theirs = c.value();
                    Object r = deltaIsRight ? combiner.combine(theirs, mine) : combiner.combine(mine, theirs);
                    result.add(r, Weights.multiply(delta.weights[i], c.weight()));
                }
            }
        }

        @Override
        public Operator fork(ForkContext context) {
            return new Join(context.forked(left), context.forked(right), out, combiner);
        }

        /** Its state is the two shared integral traces, which a checkpoint saves on their own. */
        @Override
        public boolean hasState() {
            return false;
        }
    }

    /** Outputs a record with weight 1 while its integral weight is positive. */
    static final class Distinct implements UnaryOperator {
        private final IntegralTrace integral;

        Distinct(IntegralTrace integral) {
            this.integral = integral;
        }

        @Override
        public Batch apply(Batch delta) {
            BatchBuilder result = new BatchBuilder(delta.layout);
            TraceCursor c = integral.trace().cursor();
            for (int i = 0; i < delta.size; i++) {
                long before = 0;
                if (c.seekKey(delta.objKeys[i])) {
                    while (c.nextValue()) {
                        before += c.weight();
                    }
                }
                long after = Weights.add(before, delta.weights[i]);
                long change = (after > 0 ? 1 : 0) - (before > 0 ? 1 : 0);
                if (change != 0) {
                    result.add(delta.objKeys[i], change);
                }
            }
            return result.build();
        }

        @Override
        public Operator fork(ForkContext context) {
            return new Distinct(context.forked(integral));
        }

        /** Its state is the shared integral trace, which a checkpoint saves on its own. */
        @Override
        public boolean hasState() {
            return false;
        }
    }
}
