package org.jdbsp.operators.join;

/**
 * Combines a left and a right value that share a join key into one output record.
 *
 * <p>Called once per matching pair and change; must be pure and must not return null. In a left outer
 * join {@code right} is null for left values without a match.
 *
 * @param <A> the left value type
 * @param <B> the right value type
 * @param <R> the output record type
 */
@FunctionalInterface
public interface JoinFunction<A, B, R> {
    /** The output record of the pair ({@code left}, {@code right}). */
    R apply(A left, B right);
}
