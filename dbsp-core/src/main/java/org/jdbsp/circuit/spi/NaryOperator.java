package org.jdbsp.circuit.spi;

import org.jdbsp.zset.spi.Batch;

/** An operator with any number of inputs. */
public interface NaryOperator extends Operator {
    /** The output batch of this step, given the input batches of this step in wiring order. */
    Batch apply(Batch[] inputs);
}
