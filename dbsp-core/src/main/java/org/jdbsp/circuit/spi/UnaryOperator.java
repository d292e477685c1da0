package org.jdbsp.circuit.spi;

import org.jdbsp.zset.spi.Batch;

/** An operator with one input. */
public interface UnaryOperator extends Operator {
    /** The output batch of this step, given the input batch of this step. */
    Batch apply(Batch input);
}
