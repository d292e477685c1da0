package org.jdbsp.operators.join;

import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/** Writes the output of one joined pair; the key is tuple {@code k} of {@code keys}. */
@FunctionalInterface
interface PairEmitter {
    /** Appends the record of ({@code left}, {@code right}) with {@code weight}, or nothing if the pair is filtered out. */
    void emit(Batch keys, int k, Object left, Object right, long weight, BatchBuilder out);
}
