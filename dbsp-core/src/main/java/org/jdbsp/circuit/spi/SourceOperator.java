package org.jdbsp.circuit.spi;

import org.jdbsp.zset.spi.Batch;

/** An operator with no input: it produces one batch per step (for example, a circuit input). */
public interface SourceOperator extends Operator {
    /** The batch of this step. */
    Batch produce();
}
