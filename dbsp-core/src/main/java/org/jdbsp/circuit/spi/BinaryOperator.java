package org.jdbsp.circuit.spi;

import org.jdbsp.zset.spi.Batch;

/** An operator with two inputs. */
public interface BinaryOperator extends Operator {
    /** The output batch of this step, given both input batches of this step. */
    Batch apply(Batch left, Batch right);
}
