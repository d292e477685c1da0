package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.Merging;
import org.jdbsp.zset.internal.Selection;

/** Keeps the tuples a predicate accepts; the output stays consolidated without sorting. */
public final class FilterOperator implements UnaryOperator {
    @Override
    public boolean hasState() {
        return false;
    }

    private final Merging.TupleFilter filter;

    /** An operator keeping the tuples {@code filter} accepts. */
    public FilterOperator(Merging.TupleFilter filter) {
        this.filter = filter;
    }

    @Override
    public Batch apply(Batch input) {
        return Selection.select(input, filter);
    }

    @Override
    public Operator fork() {
        return this;
    }
}
