package org.jdbsp.circuit.internal;

import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/** Turns tuple {@code i} of an input batch into zero or more tuples appended to an output builder. */
@FunctionalInterface
public interface TupleMapper {
    /** Appends the image of tuple {@code i} of {@code in} to {@code out}. */
    void map(Batch in, int i, BatchBuilder out);
}
