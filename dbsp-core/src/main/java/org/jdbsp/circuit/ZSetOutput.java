package org.jdbsp.circuit;

import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.SinkOperators;
import org.jdbsp.zset.ZSet;
import org.jdbsp.zset.spi.Batch;

/**
 * Reads a stream's results: the change of the last step, and (unless made by {@code outputDeltas()}) the
 * integral of all changes so far. Read between steps, from the thread driving the circuit: a read while
 * another thread runs a step is refused with an {@link IllegalStateException} (see {@link CircuitHandle}).
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
        boolean took = runtime.enter("delta() of an output", null);
        try {
            return ZSet.wrap(operator.delta());
        } finally {
            runtime.exit(took);
        }
    }

    /** The sum of every change so far: the current result. */
    public ZSet<T> integral() {
        boolean took = runtime.enter("integral() of an output", null);
        try {
            Batch b = operator.integral();
            if (b == null) {
                throw new IllegalStateException("this output keeps no integral (it was made with outputDeltas())");
            }
            return ZSet.wrap(b);
        } finally {
            runtime.exit(took);
        }
    }
}
