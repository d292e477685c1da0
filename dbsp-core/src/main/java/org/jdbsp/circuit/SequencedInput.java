package org.jdbsp.circuit;

import org.jdbsp.circuit.internal.ArrivalPositions;
import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.InputOperator;

/**
 * An input that keeps arrival order as data: each pushed record enters the circuit as a {@link Sequenced}
 * stamped with the position of its push, so an operator can order by arrival (for example "the latest of
 * equal times is the one that arrived last") with the same result for every number of workers and every way
 * of cutting the pushes into steps.
 *
 * <p><b>Positions.</b> Every push takes the next position, counting from the input's first position (0 unless
 * given to {@link CircuitBuilder#sequencedInput(String, java.util.Comparator, long)}, for example to resume a
 * numbering), including a {@link #pushStamped} that takes no new stamp; positions are assigned on the pushing
 * thread, in push order. A push that would pass position {@code Long.MAX_VALUE - 1} is refused
 * ({@link IllegalStateException}) rather than wrapping around.
 *
 * <p><b>Deletions.</b> A record pushed here is known to the circuit only with its stamp, so a deletion names
 * the stamped record: {@link #pushStamped}{@code (stamped, -1)}, where {@code stamped} is what {@link #push}
 * stamped (its position is returned by {@link #push}; the circuit's streams carry the whole
 * {@code Sequenced}). {@link #push} therefore takes positive weights only (a weight of 3 is three copies
 * arriving together, under one stamp); a zero or negative weight is refused. A refused push applies nothing
 * and takes no position.
 *
 * <p>Push from the thread driving the circuit, between steps, as for every input (see {@link ZSetInput},
 * which also states the contract of the record types).
 *
 * @param <T> the type of the records pushed
 */
public final class SequencedInput<T> {
    private final String name;
    private final InputOperator operator;
    private final CircuitRuntime runtime;
    private final ZSetStream<Sequenced<T>> stream;
    private final ArrivalPositions positions;

    SequencedInput(String name, InputOperator operator, CircuitRuntime runtime, ZSetStream<Sequenced<T>> stream,
                   long firstSeq) {
        this.name = name;
        this.operator = operator;
        this.runtime = runtime;
        this.stream = stream;
        this.positions = new ArrivalPositions(name, firstSeq);
    }

    /** The stream of the stamped records' changes, to build the circuit on. */
    public ZSetStream<Sequenced<T>> stream() {
        return stream;
    }

    /** Inserts {@code record} once, stamped with the next position; returns that position. */
    public long push(T record) {
        return push(record, 1);
    }

    /**
     * Inserts {@code weight} copies of {@code record}, stamped with the next position; returns that position.
     *
     * @throws IllegalArgumentException if {@code record} is null or {@code weight} is not positive (delete with
     *                                  {@link #pushStamped})
     */
    public long push(T record, long weight) {
        boolean took = runtime.enter("push to", name);
        try {
            if (record == null) {
                throw new IllegalArgumentException("null record pushed to " + name);
            }
            if (weight <= 0) {
                throw new IllegalArgumentException(name + " stamps every record it is pushed with its arrival, so a push"
                        + " has a positive weight (got " + weight + " for " + record + "); delete a record with"
                        + " pushStamped(its Sequenced record, -1)");
            }
            positions.checkRoom(1);
            long seq = positions.take(1);
            operator.pending().add(new Sequenced<>(seq, record), weight);
            return seq;
        } finally {
            runtime.exit(took);
        }
    }

    /**
     * Adds {@code weight} to a record this input has already stamped, keeping its stamp: {@code -1} deletes one
     * copy of it, a positive weight brings copies back. Takes a position like every push.
     *
     * @throws IllegalArgumentException if {@code stamped} is null, its position was never given out by this input,
     *                                  or {@code weight} is 0
     */
    public void pushStamped(Sequenced<T> stamped, long weight) {
        boolean took = runtime.enter("push to", name);
        try {
            if (stamped == null) {
                throw new IllegalArgumentException("null record pushed to " + name);
            }
            if (weight == 0) {
                throw new IllegalArgumentException("a zero weight pushed to " + name + " for " + stamped);
            }
            positions.checkIssued(stamped.seq());
            positions.checkRoom(1);
            positions.take(1);
            operator.pending().add(stamped, weight);
        } finally {
            runtime.exit(took);
        }
    }

    /** The position the next push will take. */
    public long nextSeq() {
        return positions.next();
    }

    /** The arrival positions this input hands out (for checkpoints). */
    ArrivalPositions positions() {
        return positions;
    }
}
