package org.jdbsp.operators.aggregate.internal;

import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * How a record with its weight changes its group's accumulator in a {@link GroupTable} with words: the count only
 * ({@code COUNT(*)}), the count and the weighted sum of a long field ({@code SUM}), or the count and the group's
 * incremental state (min, max, custom). A final class testing an int, so the per-record path calls no interface for
 * count and sum.
 */
public final class GroupUpdate {
    private static final int COUNT = 0;
    private static final int SUM = 1;
    private static final int STATE = 2;

    private final int kind;
    /** The summed field; null unless SUM. */
    private final ToLongFunction<Object> field;

    private GroupUpdate(int kind, ToLongFunction<Object> field) {
        this.kind = kind;
        this.field = field;
    }

    /** Adds the weight to the group's count. */
    public static GroupUpdate count() {
        return new GroupUpdate(COUNT, null);
    }

    /** Adds the weight to the group's count and {@code weight * field(record)} to its sum. */
    public static GroupUpdate sum(ToLongFunction<Object> field) {
        return new GroupUpdate(SUM, Objects.requireNonNull(field, "field"));
    }

    /** Adds the weight to the group's count and the record with its weight to the group's state. */
    public static GroupUpdate state() {
        return new GroupUpdate(STATE, null);
    }

    /** Adds {@code weight} copies of {@code record} to the group in {@code slot} of {@code groups} (removes them if negative). */
    public void add(GroupTable groups, int slot, Object record, long weight) {
        if (kind == COUNT) {
            groups.addCount(slot, weight);
        } else if (kind == SUM) {
            groups.addWeighted(slot, weight, field.applyAsLong(record));
        } else {
            groups.addToState(slot, record, weight);
        }
    }
}
