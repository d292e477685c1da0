package org.jdbsp.circuit;

import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.SinkOperators;
import org.jdbsp.zset.IndexedZSet;
import org.jdbsp.zset.spi.Batch;

/**
 * Reads an indexed stream's results: the last change, and the integral unless made by {@code outputDeltas()}.
 * Read between steps, from the thread driving the circuit (see {@link ZSetOutput}).
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
        boolean took = runtime.enter("delta() of an output", null);
        try {
            return IndexedZSet.wrap(operator.delta());
        } finally {
            runtime.exit(took);
        }
    }

    /** The sum of every change so far. */
    public IndexedZSet<K, V> integral() {
        boolean took = runtime.enter("integral() of an output", null);
        try {
            Batch b = operator.integral();
            if (b == null) {
                throw new IllegalStateException("this output keeps no integral (it was made with outputDeltas())");
            }
            return IndexedZSet.wrap(b);
        } finally {
            runtime.exit(took);
        }
    }
}
