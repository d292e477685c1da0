package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.spi.Operator;

/** Marks a node whose batch is set from outside before each run (imports and the variable of a recursive circuit). */
final class External implements Operator {
    @Override
    public boolean hasState() {
        return false;
    }

    static final External INSTANCE = new External();

    private External() {}

    @Override
    public Operator fork() {
        return this;
    }
}
