package org.jdbsp.zset;

import java.util.Objects;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Collects (key, value, weight) tuples in any order and consolidates them into an {@link IndexedZSet}.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class IndexedZSetBuilder<K, V> {
    private final BatchBuilder builder;

    IndexedZSetBuilder(Layout layout) {
        if (layout.isPlainZSet()) {
            throw new IllegalArgumentException("an indexed Z-set needs a value column: " + layout);
        }
        this.builder = new BatchBuilder(layout);
    }

    /** Adds {@code weight} to the tuple (key, value); nulls are rejected. */
    public IndexedZSetBuilder<K, V> add(K key, V value, long weight) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        builder.addBoxed(key, value, weight);
        return this;
    }

    /** Consolidates what was added and empties this builder. */
    public IndexedZSet<K, V> build() {
        return IndexedZSet.wrap(builder.build());
    }
}
