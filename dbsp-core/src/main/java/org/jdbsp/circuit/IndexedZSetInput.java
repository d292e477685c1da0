package org.jdbsp.circuit;

import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.InputOperator;

/**
 * Where (key, value) changes enter a circuit; see {@link ZSetInput}. Push from the thread driving the
 * circuit, between steps: a push made while another thread runs a step, or is pushing, is refused with an
 * {@link IllegalStateException} and applies nothing (see {@link CircuitHandle}).
 *
 * <p>Keys and values keep the contract of user types described there (immutable; {@code equals},
 * {@code hashCode} and the layout's orders agree); with several workers the exchanges place each tuple by
 * the stable hash of its key.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class IndexedZSetInput<K, V> {
    private final String name;
    private final InputOperator operator;
    private final CircuitRuntime runtime;
    private final IndexedZSetStream<K, V> stream;

    IndexedZSetInput(String name, InputOperator operator, CircuitRuntime runtime, IndexedZSetStream<K, V> stream) {
        this.name = name;
        this.operator = operator;
        this.runtime = runtime;
        this.stream = stream;
    }

    /** The stream of this input's changes. */
    public IndexedZSetStream<K, V> stream() {
        return stream;
    }

    /** Adds {@code weight} to the tuple (key, value) in the next step's change; nulls are rejected. */
    public void push(K key, V value, long weight) {
        boolean took = runtime.enter("push to", name);
        try {
            if (key == null || value == null) {
                throw new IllegalArgumentException("null " + (key == null ? "key" : "value") + " pushed to " + name);
            }
            operator.pending().addBoxed(key, value, weight);
        } finally {
            runtime.exit(took);
        }
    }
}
