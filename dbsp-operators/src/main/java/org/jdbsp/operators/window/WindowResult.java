package org.jdbsp.operators.window;

/**
 * One row of a windowed aggregate: the aggregate of the records of {@code key} in the window
 * {@code [start, end)}.
 *
 * @param key   the group key
 * @param start the window start, inclusive
 * @param end   the window end, exclusive
 * @param value the aggregate
 * @param <K>   the key type
 * @param <R>   the aggregate type
 */
public record WindowResult<K, R>(K key, long start, long end, R value) {}
