package org.jdbsp.zset;

import java.util.Objects;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * Collects (record, weight) pairs in any order and consolidates them into a {@link ZSet}.
 *
 * @param <T> the record type
 */
public final class ZSetBuilder<T> {
    private final BatchBuilder builder;
    private final boolean longs;

    ZSetBuilder(Layout layout) {
        this.builder = new BatchBuilder(layout);
        this.longs = layout.keyKind() == ColumnKind.LONG;
    }

    /** Adds {@code weight} to {@code record}; a null record is rejected. */
    public ZSetBuilder<T> add(T record, long weight) {
        Objects.requireNonNull(record, "record");
        if (longs) {
            builder.addLong(((Number) record).longValue(), weight);
        } else {
            builder.add(record, weight);
        }
        return this;
    }

    /** Adds {@code weight} to a long record (Z-sets of longs only). */
    public ZSetBuilder<T> addLong(long record, long weight) {
        builder.addLong(record, weight);
        return this;
    }

    /** Consolidates what was added into a Z-set and empties this builder. */
    public ZSet<T> build() {
        return ZSet.wrap(builder.build());
    }
}
