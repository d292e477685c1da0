package org.jdbsp.circuit;

import java.util.Collection;
import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.InputOperator;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.ZSet;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Where changes enter a circuit: records pushed with a weight (+1 insert, -1 delete) between steps make up
 * the input change of the next step. A null record is rejected, and a rejected push applies nothing.
 *
 * <p>Push from the thread driving the circuit, between steps (see {@link CircuitHandle}): a push made while
 * another thread runs a step, or is pushing, is refused with an {@link IllegalStateException} and applies
 * nothing.
 *
 * <p><b>The contract of user types.</b> The records pushed, and those the circuit's functions return, must
 * keep it; a type that breaks it gives wrong results, which may differ with the number of workers:
 * <ul>
 *   <li>records are immutable: nothing that {@code equals}, {@code hashCode} or the order reads changes once a
 *       record is pushed or returned (the circuit keeps records in its state and compares them later);</li>
 *   <li>{@code hashCode} is deterministic (never random, never an identity hash code) and equal for equal
 *       records;</li>
 *   <li>the stream's order (its {@code Comparator}; {@link org.jdbsp.zset.Orders#natural()} by default) calls
 *       two records equal exactly when {@code equals} does: an order that calls different records equal fails
 *       the step, while one finer than {@code equals} silently keeps equal records apart.</li>
 * </ul>
 * With several workers the exchanges place each key by a stable hash: longs and boxed integers by their
 * value, strings by {@code String.hashCode}, enums by ordinal, records and lists by their components' and
 * elements' stable hashes, any other class by its own {@code hashCode} (a class without one is refused).
 * The natural order refuses, on the first batch, a record with a component it cannot order (see
 * {@link org.jdbsp.zset.Orders}). The other rules are checked only in validation mode
 * ({@link CircuitConfig#withValidation}), which fails the step naming the type, the records and the rule.
 *
 * @param <T> the record type
 */
public final class ZSetInput<T> {
    private final String name;
    private final InputOperator operator;
    private final CircuitRuntime runtime;
    private final ZSetStream<T> stream;
    private final boolean longs;

    ZSetInput(String name, InputOperator operator, CircuitRuntime runtime, ZSetStream<T> stream) {
        this.name = name;
        this.operator = operator;
        this.runtime = runtime;
        this.stream = stream;
        this.longs = stream.layout().keyKind() == ColumnKind.LONG;
    }

    /** The stream of this input's changes, to build the circuit on. */
    public ZSetStream<T> stream() {
        return stream;
    }

    /** Adds {@code weight} to {@code record} in the next step's change. */
    public void push(T record, long weight) {
        boolean took = runtime.enter("push to", name);
        try {
            if (record == null) {
                throw new IllegalArgumentException("null record pushed to " + name);
            }
            append(operator.pending(), record, weight);
        } finally {
            runtime.exit(took);
        }
    }

    /** Inserts {@code record} once in the next step's change. */
    public void push(T record) {
        push(record, 1);
    }

    /** Adds {@code weight} to a long record (inputs of longs). */
    public void pushLong(long record, long weight) {
        boolean took = runtime.enter("push to", name);
        try {
            if (!longs) {
                throw new IllegalStateException(name + " does not hold longs");
            }
            operator.pending().addLong(record, weight);
        } finally {
            runtime.exit(took);
        }
    }

    /** Inserts every record once; if any is null, none is pushed. */
    public void pushAll(Collection<? extends T> records) {
        boolean took = runtime.enter("push to", name);
        try {
            int i = 0;
            for (T r : records) {
                if (r == null) {
                    throw new IllegalArgumentException("null record at position " + i + " pushed to " + name + "; nothing of this push was applied");
                }
                i++;
            }
            BatchBuilder pending = operator.pending();
            for (T r : records) {
                append(pending, r, 1);
            }
        } finally {
            runtime.exit(took);
        }
    }

    /** Adds a whole Z-set to the next step's change. */
    public void pushAll(ZSet<T> changes) {
        boolean took = runtime.enter("push to", name);
        try {
            BatchBuilder pending = operator.pending();
            changes.forEach((r, w) -> append(pending, r, w));
        } finally {
            runtime.exit(took);
        }
    }

    private void append(BatchBuilder pending, T record, long weight) {
        if (longs) {
            pending.addLong(((Number) record).longValue(), weight);
        } else {
            pending.add(record, weight);
        }
    }
}
