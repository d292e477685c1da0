package org.jdbsp.operators.join;

/**
 * Combines an unboxed long join key and a matching left and right value into one output record.
 *
 * <p>Only for streams whose key column is stored as longs; must be pure and must not return null.
 *
 * @param <A> the left value type
 * @param <B> the right value type
 * @param <R> the output record type
 */
@FunctionalInterface
public interface LongKeyJoinFunction<A, B, R> {
    /** The output record of the pair ({@code left}, {@code right}) under {@code key}. */
    R apply(long key, A left, B right);
}
