package org.jdbsp.operators.aggregate;

import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;

/**
 * An aggregate kept as mutable state per group and updated by every change, insertions and deletions alike:
 * the operator never re-reads a group's rows, so it stores no trace of its input, and many measures of one
 * group (counts, sums, filtered distinct counts, ...) can share one state and one pass.
 *
 * <p>For each group a step touches, the operator reads {@link #result} of the group's state (if the group
 * had a row), applies each of the step's tuples of that group with {@link #add}, and reads the new result;
 * it emits {@code -old} and {@code +new} (equal results cancel). A group whose state {@link #isEmpty} has
 * no row and its state is dropped. Implementations must be deterministic functions of the multiset of
 * tuples added (so results do not depend on how changes are split into steps), and results must be
 * immutable values ordered consistently with {@code equals} by the output order.
 *
 * <p><b>Checkpoints.</b> A checkpoint saves every group's state with {@link #writeState} and a restore reads it
 * back with {@link #readState}. By default the state is written as one object by the codec of its class, which
 * suits immutable or record states of codec-able types; a mutable state (arrays, hash tables) overrides both to
 * write its content as longs and objects. A state that has neither a codec nor these overrides makes the
 * checkpoint fail naming its type.
 *
 * @param <V> the value type of the input
 * @param <S> the mutable state of one group
 * @param <R> the result type
 */
public interface IncrementalAggregator<V, S, R> {
    /** The state of a group without rows. */
    S newState();

    /**
     * Applies one tuple: {@code value} with weight {@code weight} (positive: insertions, negative:
     * deletions; never 0). An aggregate that cannot retract (for example a min without the group's values)
     * must throw an exception naming the problem rather than give a wrong result.
     */
    void add(S state, V value, long weight);

    /** True when the group has no rows any more (its row disappears and its state is dropped). */
    boolean isEmpty(S state);

    /** The result of a group that is not empty. */
    R result(S state);

    /** An independent deep copy of {@code state} (for copies of the circuit, such as recursion levels). */
    S copy(S state);

    /**
     * Writes {@code state} to a checkpoint so that {@link #readState} gives back a state that behaves the same
     * from then on. By default it is one object written by its codec.
     *
     * @throws org.jdbsp.codec.MissingCodecException by default, when the state's class has no codec
     */
    default void writeState(S state, StateWriter out) {
        out.writeObject(state);
    }

    /** Reads back a state {@link #writeState} wrote, value by value in the same order. */
    @SuppressWarnings("unchecked")
    default S readState(StateReader in) {
        return (S) in.readObject();
    }
}
