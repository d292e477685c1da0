package org.jdbsp.operators.join;

/**
 * Combines the join key and a matching left and right value into one output record.
 *
 * <p>Like {@link JoinFunction}, but also sees the key (boxed when keys are stored as longs: prefer
 * {@link LongKeyJoinFunction} for long keys). Must be pure and must not return null.
 *
 * @param <K> the key type
 * @param <A> the left value type
 * @param <B> the right value type
 * @param <R> the output record type
 */
@FunctionalInterface
public interface KeyedJoinFunction<K, A, B, R> {
    /** The output record of the pair ({@code left}, {@code right}) under {@code key}. */
    R apply(K key, A left, B right);
}
