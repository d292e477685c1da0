package org.jdbsp.circuit;

import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.InputOperator;

/**
 * Where (key, value) changes enter a circuit; see {@link ZSetInput}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class IndexedZSetInput<K, V> {
    private final String name;
    private final InputOperator operator;
    private final CircuitRuntime runtime;
    private final IndexedStream<K, V> stream;

    IndexedZSetInput(String name, InputOperator operator, CircuitRuntime runtime, IndexedStream<K, V> stream) {
        this.name = name;
        this.operator = operator;
        this.runtime = runtime;
        this.stream = stream;
    }

    /** The stream of this input's changes. */
    public IndexedStream<K, V> stream() {
        return stream;
    }

    /** Adds {@code weight} to the tuple (key, value) in the next step's change; nulls are rejected. */
    public void push(K key, V value, long weight) {
        runtime.ensureRunning();
        if (key == null || value == null) {
            throw new IllegalArgumentException("null " + (key == null ? "key" : "value") + " pushed to " + name);
        }
        operator.pending().addBoxed(key, value, weight);
    }
}
