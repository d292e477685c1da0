package org.jdbsp.nexmark.queries;

import org.jdbsp.circuit.spi.UnaryOperator;

/**
 * A query's own operator that keeps nothing between steps (it maps each input batch to an output batch): it declares
 * no state, and a copy for another worker is the operator itself.
 */
abstract class StatelessStep implements UnaryOperator {
    @Override
    public final boolean hasState() {
        return false;
    }

    @Override
    public final UnaryOperator fork() {
        return this;
    }
}
