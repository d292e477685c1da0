package org.jdbsp.operators.time;

/**
 * Makes the record stamped with a time (see {@link Watermarks#stamp}).
 *
 * @param <T> the input record type
 * @param <R> the stamped record type
 */
@FunctionalInterface
public interface TimeStamper<T, R> {
    /** The record {@code record} stamped with {@code time}; never null. */
    R apply(T record, long time);
}
