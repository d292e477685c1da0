package org.jdbsp.zset;

/** Receives the (key, value, weight) tuples of an indexed Z-set, one call per tuple. */
@FunctionalInterface
public interface TupleConsumer<K, V> {
    /** Accepts one tuple. */
    void accept(K key, V value, long weight);
}
