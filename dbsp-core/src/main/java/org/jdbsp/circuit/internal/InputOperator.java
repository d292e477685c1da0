package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.spi.SourceOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.internal.Batch;
import org.jdbsp.zset.internal.BatchBuilder;

/** A circuit input: collects the changes pushed between steps and emits them, consolidated, at the next step. */
public final class InputOperator implements SourceOperator {
    private final BatchBuilder pending;

    /** An input of batches of {@code layout}. */
    public InputOperator(Layout layout) {
        this.pending = new BatchBuilder(layout);
    }

    /** The changes pushed since the last step. */
    public BatchBuilder pending() {
        return pending;
    }

    @Override
    public Batch produce() {
        try {
            return pending.build();
        } catch (RuntimeException e) {
            pending.clear();
            throw e;
        }
    }
}
