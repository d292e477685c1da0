package org.jdbsp.circuit.spi;

import org.jdbsp.zset.spi.Batch;

/**
 * An operator whose output of a step does not depend on its input of the same step, such as the delay
 * z<sup>-1</sup>. The circuit asks for the output first and gives the input at the end of the step, which
 * is what lets a strict operator close a feedback loop.
 */
public interface StrictOperator extends Operator {
    /** The output of this step, computed from the inputs of earlier steps only. */
    Batch output();

    /** The input of this step, given once every operator has run. */
    void input(Batch input);
}
