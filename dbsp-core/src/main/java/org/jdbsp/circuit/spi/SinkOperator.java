package org.jdbsp.circuit.spi;

import org.jdbsp.zset.spi.Batch;

/** An operator that consumes its input and produces nothing downstream (outputs, inspectors). */
public interface SinkOperator extends Operator {
    /** Receives this step's input batch. */
    void consume(Batch input);
}
