package org.jdbsp.operators.time.internal;

import org.jdbsp.circuit.spi.Operator;

/**
 * An operator keeping state per group outside any trace whose groups each have a time (a windowed
 * aggregate's groups: their window), and which can forget the groups whose time is below a bound.
 * {@link StateGcOperator} calls it as the watermark advances.
 */
public interface ForgetsBelow extends Operator {
    /**
     * Forgets the state of every group whose time is below {@code bound}; a later change of such a group
     * starts it afresh (the caller drops late records upstream so that none comes).
     *
     * @throws IllegalStateException if the operator's groups have no time
     */
    void forgetBelow(long bound);
}
