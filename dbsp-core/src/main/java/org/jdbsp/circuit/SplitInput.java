package org.jdbsp.circuit;

import java.util.Comparator;
import java.util.Objects;
import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.SplitInputState;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * One input for records of several types, split by type inside the circuit into one stream per declared
 * {@linkplain #part part}. Pushing costs only the append of a reference: the records are read (to find their
 * type) when the step runs, and with several workers each worker reads its own share of them, so feeding a
 * circuit of W workers does not leave W - 1 of them waiting for one pushing thread.
 *
 * <p>A record goes to the first part whose type it is an instance of. A pushed record that no part takes
 * cannot be seen when it is pushed: the step that reads it fails with an {@link IllegalArgumentException}
 * naming its class (the circuit then refuses further use, as after any failed step), so declare a part for
 * every type that can be pushed (for a sealed interface, one per permitted subtype). A null record is rejected
 * when pushed, and a rejected push applies nothing.
 *
 * <p>Push from the thread driving the circuit, between steps (see {@link CircuitHandle}): a push made while
 * another thread runs a step, or is pushing, is refused with an {@link IllegalStateException} and applies
 * nothing.
 *
 * <p>The records keep the contract of user types described on {@link ZSetInput} (immutable; {@code equals},
 * {@code hashCode} and each part's order agree). A part in the natural order checks its type when it is declared
 * ({@link Orders#requireNatural}).
 *
 * @param <T> the common type of the records pushed
 */
public final class SplitInput<T> {
    private final String name;
    private final String described;
    private final SplitInputState state;
    private final CircuitRuntime runtime;
    private final CircuitBuilder builder;

    SplitInput(String name, SplitInputState state, CircuitRuntime runtime, CircuitBuilder builder) {
        this.name = name;
        this.described = "split input '" + name + "'";
        this.state = state;
        this.runtime = runtime;
        this.builder = builder;
    }

    /**
     * The stream of the changes of the records of {@code type}, in their natural order (build time only).
     *
     * @throws IllegalArgumentException if {@code type} has no natural order ({@link Orders#requireNatural}), naming
     *                                  the record component that has none
     */
    public <S extends T> ZSetStream<S> part(Class<S> type) {
        Orders.requireNatural(Objects.requireNonNull(type, "type"));
        return part(type, Orders.natural());
    }

    /**
     * The stream of the changes of the records of {@code type}, ordered by {@code order}; declare parts inside
     * the build function only.
     *
     * @throws IllegalArgumentException if an earlier part's type already takes every record of {@code type}
     */
    public <S extends T> ZSetStream<S> part(Class<S> type, Comparator<? super S> order) {
        Objects.requireNonNull(type, "type");
        Layout layout = Layout.zset(Objects.requireNonNull(order, "order"));
        return new ZSetStream<>(builder, builder.addSplitPart(name, type, state.addPart(type, layout), layout));
    }

    /** Adds {@code weight} to {@code record} in the next step's change. */
    public void push(T record, long weight) {
        boolean took = runtime.enter("push to", described);
        try {
            if (record == null) {
                throw new IllegalArgumentException("null record pushed to " + described);
            }
            state.pending().add(record, weight);
        } finally {
            runtime.exit(took);
        }
    }

    /** Inserts {@code record} once in the next step's change. */
    public void push(T record) {
        push(record, 1);
    }

    /**
     * Inserts each of {@code records[from..to)} once in the next step's change; if any is null, none is pushed.
     *
     * @throws IndexOutOfBoundsException if the range is not within the array
     */
    public void pushAll(T[] records, int from, int to) {
        boolean took = runtime.enter("push to", described);
        try {
            Objects.checkFromToIndex(from, to, records.length);
            for (int i = from; i < to; i++) {
                if (records[i] == null) {
                    throw new IllegalArgumentException("null record at index " + i + " pushed to " + described
                            + "; nothing of this push was applied");
                }
            }
            BatchBuilder pending = state.pending();
            pending.addAll(records, from, to, 1);
        } finally {
            runtime.exit(took);
        }
    }
}
