package org.jdbsp.circuit;

import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.SinkOperators;
import org.jdbsp.zset.ZSet;
import org.jdbsp.zset.internal.Batch;

/**
 * Reads a stream's results: the change of the last step, and (unless made by {@code outputDeltas()}) the
 * integral of all changes so far.
 *
 * @param <T> the record type
 */
public final class ZSetOutput<T> {
    private final SinkOperators.Output operator;
    private final CircuitRuntime runtime;

    ZSetOutput(SinkOperators.Output operator, CircuitRuntime runtime) {
        this.operator = operator;
        this.runtime = runtime;
    }

    /** The change of the last step (empty before the first step). */
    public ZSet<T> delta() {
        runtime.ensureRunning();
        return ZSet.wrap(operator.delta());
    }

    /** The sum of every change so far: the current result. */
    public ZSet<T> integral() {
        runtime.ensureRunning();
        Batch b = operator.integral();
        if (b == null) {
            throw new IllegalStateException("this output keeps no integral (it was made with outputDeltas())");
        }
        return ZSet.wrap(b);
    }
}
