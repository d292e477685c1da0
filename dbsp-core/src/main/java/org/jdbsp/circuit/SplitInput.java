package org.jdbsp.circuit;

import java.util.Comparator;
import java.util.Objects;
import org.jdbsp.circuit.internal.ArrivalPositions;
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
 * <p><b>Arrival order.</b> Every push takes the next position in the input's sequence of pushes (from 0, or
 * from the first position given to {@link CircuitBuilder#splitInput(String, long)}): {@link #push} returns it,
 * and {@link #pushAll} gives consecutive positions in array order. A {@linkplain #sequencedPart sequenced
 * part} carries its records stamped with their positions, as {@link Sequenced} records: a record's stamp is
 * its position among all the pushes, of every type, the same for every number of workers and every cut of the
 * pushes into steps. A record of a sequenced part is known to the circuit only with its stamp, so it is deleted
 * by naming the stamped record ({@link #pushStamped}{@code (stamped, -1)}); a {@link #push} of such a record
 * with a zero or negative weight is refused. A push that would pass position {@code Long.MAX_VALUE - 1} is
 * refused rather than wrapping around.
 *
 * @param <T> the common type of the records pushed
 */
public final class SplitInput<T> {
    private final String name;
    private final String described;
    private final SplitInputState state;
    private final CircuitRuntime runtime;
    private final CircuitBuilder builder;
    private final ArrivalPositions positions;

    SplitInput(String name, SplitInputState state, CircuitRuntime runtime, CircuitBuilder builder, long firstPosition) {
        this.name = name;
        this.described = "split input '" + name + "'";
        this.state = state;
        this.runtime = runtime;
        this.builder = builder;
        this.positions = new ArrivalPositions(described, firstPosition);
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
        return new ZSetStream<>(builder, builder.addSplitPart(name, type, state.addPart(type, layout, false), layout));
    }

    /**
     * The stream of the changes of the records of {@code type}, each stamped with its arrival position (see
     * "Arrival order" above), in {@link Sequenced}'s natural order (build time only).
     *
     * @throws IllegalArgumentException if {@code type} has no natural order ({@link Orders#requireNatural})
     */
    public <S extends T> ZSetStream<Sequenced<S>> sequencedPart(Class<S> type) {
        Orders.requireNatural(Objects.requireNonNull(type, "type"));
        return sequencedPart(type, Orders.natural());
    }

    /**
     * The stream of the changes of the records of {@code type}, each stamped with its arrival position (see
     * "Arrival order" above), ordered by position, then {@code valueOrder} ({@link Sequenced#order}); declare
     * parts inside the build function only.
     *
     * @throws IllegalArgumentException if an earlier part's type already takes every record of {@code type}
     */
    public <S extends T> ZSetStream<Sequenced<S>> sequencedPart(Class<S> type, Comparator<? super S> valueOrder) {
        Objects.requireNonNull(type, "type");
        Layout layout = Layout.zset(Sequenced.order(Objects.requireNonNull(valueOrder, "valueOrder")));
        return new ZSetStream<>(builder, builder.addSplitPart(name, type, state.addPart(type, layout, true), layout));
    }

    /**
     * Adds {@code weight} to {@code record} in the next step's change; returns the push's arrival position.
     *
     * @throws IllegalArgumentException if {@code record} is null, or goes to a {@linkplain #sequencedPart
     *                                  sequenced part} and {@code weight} is not positive
     */
    public long push(T record, long weight) {
        boolean took = runtime.enter("push to", described);
        try {
            if (record == null) {
                throw new IllegalArgumentException("null record pushed to " + described);
            }
            if (weight <= 0 && state.stampingPartOf(record) >= 0) {
                throw new IllegalArgumentException(described + " stamps " + record.getClass().getName()
                        + " records with their arrival, so their pushes have a positive weight (got " + weight + " for "
                        + record + "); delete such a record with pushStamped(its Sequenced record, -1)");
            }
            positions.checkRoom(1);
            state.pending().add(record, weight);
            return positions.take(1);
        } finally {
            runtime.exit(took);
        }
    }

    /** Inserts {@code record} once in the next step's change; returns the push's arrival position. */
    public long push(T record) {
        return push(record, 1);
    }

    /**
     * Adds {@code weight} to a record that a {@linkplain #sequencedPart sequenced part} of this input has
     * stamped, keeping its stamp: {@code -1} deletes one copy of it, a positive weight brings copies back. Takes
     * a position like every push.
     *
     * @throws IllegalArgumentException if {@code stamped} is null, its position was never given out by this input,
     *                                  its value does not go to a sequenced part, or {@code weight} is 0
     */
    public void pushStamped(Sequenced<? extends T> stamped, long weight) {
        boolean took = runtime.enter("push to", described);
        try {
            if (stamped == null) {
                throw new IllegalArgumentException("null record pushed to " + described);
            }
            if (weight == 0) {
                throw new IllegalArgumentException("a zero weight pushed to " + described + " for " + stamped);
            }
            if (state.stampingPartOf(stamped.value()) < 0) {
                throw new IllegalArgumentException(described + " has no sequenced part for "
                        + stamped.value().getClass().getName() + ", so it never stamped " + stamped
                        + "; nothing of this push was applied");
            }
            positions.checkIssued(stamped.seq());
            positions.checkRoom(1);
            state.pending().add(SplitInputState.preStamped(stamped), weight);
            positions.take(1);
        } finally {
            runtime.exit(took);
        }
    }

    /**
     * Inserts each of {@code records[from..to)} once in the next step's change, at consecutive arrival
     * positions; returns the first of them. If any record is null, none is pushed.
     *
     * @throws IndexOutOfBoundsException if the range is not within the array
     */
    public long pushAll(T[] records, int from, int to) {
        boolean took = runtime.enter("push to", described);
        try {
            Objects.checkFromToIndex(from, to, records.length);
            for (int i = from; i < to; i++) {
                if (records[i] == null) {
                    throw new IllegalArgumentException("null record at index " + i + " pushed to " + described
                            + "; nothing of this push was applied");
                }
            }
            positions.checkRoom(to - from);
            BatchBuilder pending = state.pending();
            pending.addAll(records, from, to, 1);
            return positions.take(to - from);
        } finally {
            runtime.exit(took);
        }
    }

    /** The arrival position the next push will take. */
    public long nextPosition() {
        return positions.next();
    }

    /** The arrival positions this input hands out (for checkpoints). */
    ArrivalPositions positions() {
        return positions;
    }
}
