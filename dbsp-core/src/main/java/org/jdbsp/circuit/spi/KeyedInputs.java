package org.jdbsp.circuit.spi;

import org.jdbsp.circuit.AbstractStream;

/**
 * The inputs of a keyed operator as {@link Wiring#addKeyedIndexedStream} and {@link Wiring#addKeyedStream}
 * hand them to its {@link Factory}: each already sharded by its key, with the shared integral trace of the
 * sharded stream, so an operator built from them cannot read a trace of the unsharded stream.
 */
public final class KeyedInputs {
    private final AbstractStream[] sharded;

    KeyedInputs(AbstractStream[] sharded) {
        this.sharded = sharded;
    }

    /** Builds a keyed operator from its sharded inputs (called once, while the circuit is built). */
    @FunctionalInterface
    public interface Factory {
        /** The operator reading {@code inputs}, in the order they were given. */
        Operator create(KeyedInputs inputs);
    }

    /** How many inputs the operator reads. */
    public int count() {
        return sharded.length;
    }

    /** Input {@code i}, sharded by its key. */
    public AbstractStream stream(int i) {
        return sharded[i];
    }

    /**
     * The shared integral trace of input {@code i} (sharded), created on first use: ask only for the inputs
     * whose integral the operator reads (a lookup join keeps no trace of its left side).
     */
    public IntegralTrace trace(int i) {
        return Wiring.integralTrace(sharded[i]);
    }
}
