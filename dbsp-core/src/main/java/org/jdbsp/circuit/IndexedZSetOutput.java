package org.jdbsp.circuit;

import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.SinkOperators;
import org.jdbsp.zset.IndexedZSet;
import org.jdbsp.zset.internal.Batch;

/**
 * Reads an indexed stream's results: the last change, and the integral unless made by {@code outputDeltas()}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class IndexedZSetOutput<K, V> {
    private final SinkOperators.Output operator;
    private final CircuitRuntime runtime;

    IndexedZSetOutput(SinkOperators.Output operator, CircuitRuntime runtime) {
        this.operator = operator;
        this.runtime = runtime;
    }

    /** The change of the last step. */
    public IndexedZSet<K, V> delta() {
        runtime.ensureRunning();
        return IndexedZSet.wrap(operator.delta());
    }

    /** The sum of every change so far. */
    public IndexedZSet<K, V> integral() {
        runtime.ensureRunning();
        Batch b = operator.integral();
        if (b == null) {
            throw new IllegalStateException("this output keeps no integral (it was made with outputDeltas())");
        }
        return IndexedZSet.wrap(b);
    }
}
