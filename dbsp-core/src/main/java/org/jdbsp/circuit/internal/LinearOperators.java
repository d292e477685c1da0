package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.spi.BinaryOperator;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.Merging;

/** The stateless group operators: plus, minus and negate. */
public final class LinearOperators {
    private LinearOperators() {}

    /** {@code a + b}. */
    public static final class Plus implements BinaryOperator {
        @Override
        public boolean hasState() {
            return false;
        }

        @Override
        public Batch apply(Batch left, Batch right) {
            return Merging.plus(left, right);
        }

        @Override
        public Operator fork() {
            return this;
        }
    }

    /** {@code a - b}. */
    public static final class Minus implements BinaryOperator {
        @Override
        public boolean hasState() {
            return false;
        }

        @Override
        public Batch apply(Batch left, Batch right) {
            return Merging.minus(left, right);
        }

        @Override
        public Operator fork() {
            return this;
        }
    }

    /** {@code -a}. */
    public static final class Negate implements UnaryOperator {
        @Override
        public boolean hasState() {
            return false;
        }

        @Override
        public Batch apply(Batch input) {
            return Merging.negate(input);
        }

        @Override
        public Operator fork() {
            return this;
        }
    }
}
