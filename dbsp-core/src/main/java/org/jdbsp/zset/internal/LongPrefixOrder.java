package org.jdbsp.zset.internal;

import java.util.Comparator;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * An order that compares a long drawn from each object first and breaks ties with a second comparator
 * (made by {@link org.jdbsp.zset.Orders#byLong}). Sorting kernels recognise it: they draw each tuple's long
 * once, sort the longs as primitives and call the comparator only inside runs of equal longs.
 */
public final class LongPrefixOrder implements Comparator<Object> {
    private final ToLongFunction<Object> prefix;
    private final Comparator<Object> then;

    @SuppressWarnings("unchecked")
    public LongPrefixOrder(ToLongFunction<?> prefix, Comparator<?> then) {
        this.prefix = (ToLongFunction<Object>) Objects.requireNonNull(prefix, "prefix");
        this.then = (Comparator<Object>) Objects.requireNonNull(then, "then");
    }

    /** The long that orders {@code o} first. */
    public long prefix(Object o) {
        return prefix.applyAsLong(o);
    }

    /**
     * The comparison of {@code a} and {@code b} whose prefixes the caller drew and found equal: the tie-break alone,
     * without drawing both prefixes again.
     */
    public int compareEqualPrefixes(Object a, Object b) {
        return then.compare(a, b);
    }

    @Override
    public int compare(Object a, Object b) {
        int c = Long.compare(prefix.applyAsLong(a), prefix.applyAsLong(b));
        return c != 0 ? c : then.compare(a, b);
    }
}
