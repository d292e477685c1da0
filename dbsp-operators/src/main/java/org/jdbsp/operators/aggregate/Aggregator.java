package org.jdbsp.operators.aggregate;

/**
 * A user-defined aggregate over the values of one group: a fold from {@link #zero()} through
 * {@link #add} to {@link #result}.
 *
 * <p>For each group a step touches, the operator folds the group's current values (the distinct values
 * whose total weight is positive, in the value order, each with that weight as its multiplicity) into a
 * fresh accumulator and emits {@code result}; a group without such values has no row. Implementations
 * must be pure and may mutate and return the accumulator they are given; {@code result} must not return
 * null and its results must be ordered consistently with {@code equals} by the output order.
 *
 * @param <V> the value type
 * @param <A> the accumulator type
 * @param <R> the result type
 */
public interface Aggregator<V, A, R> {
    /** A new, empty accumulator. */
    A zero();

    /** The accumulator after adding {@code value} with multiplicity {@code weight} (always positive). */
    A add(A accumulator, V value, long weight);

    /** The result of a non-empty group. */
    R result(A accumulator);
}
