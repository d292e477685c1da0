package org.jdbsp.zset.internal;

import java.util.Comparator;
import org.jdbsp.zset.Orders;

/**
 * Long prefixes of an order on objects: a long per object such that objects with different longs compare as
 * their longs do, so a sort or a merge compares the longs as primitives and calls the comparator only among
 * objects whose longs are equal. A {@link LongPrefixOrder} has its prefix; records of one class that is not
 * {@link Comparable}, in {@link Orders#natural()} order, have their hash code (the order's first criterion).
 */
public final class OrderPrefixes {
    private OrderPrefixes() {}

    /**
     * The prefix of each of the first {@code n} objects under {@code order}, or null if the order has none for
     * them (another comparator, or not all records of one non-{@link Comparable} class).
     */
    public static long[] of(Object[] objects, Comparator<Object> order, int n) {
        return of(objects, order, 0, n);
    }

    /**
     * The prefixes of {@code objects[from, to)} under {@code order} (element {@code i} of the result for
     * object {@code from + i}), or null as {@link #of(Object[], Comparator, int)}.
     */
    public static long[] of(Object[] objects, Comparator<Object> order, int from, int to) {
        int n = to - from;
        if (order instanceof LongPrefixOrder) {
            LongPrefixOrder byPrefix = (LongPrefixOrder) order;
            long[] out = new long[n];
            for (int i = 0; i < n; i++) {
                out[i] = byPrefix.prefix(objects[from + i]);
            }
            return out;
        }
        if (order != Orders.natural() || n <= 0) {
            return null;
        }
        Class<?> type = objects[from].getClass();
        if (!Record.class.isAssignableFrom(type) || Comparable.class.isAssignableFrom(type)) {
            return null;
        }
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            Object o = objects[from + i];
            if (o.getClass() != type) {
                return null;
            }
            out[i] = o.hashCode();
        }
        return out;
    }

    /**
     * The order of objects whose prefixes drawn by {@link #of} are equal: a {@link LongPrefixOrder}'s tie-break
     * alone ({@link LongPrefixOrder#compareEqualPrefixes}); {@code order} itself otherwise.
     */
    public static Comparator<Object> amongEqualPrefixes(Comparator<Object> order) {
        return order instanceof LongPrefixOrder ? ((LongPrefixOrder) order)::compareEqualPrefixes : order;
    }

    /**
     * Whether prefixes drawn by {@link #of} from {@code a} and from {@code b} (both non-empty) compare with each
     * other as the objects do: always for a {@link LongPrefixOrder}; for natural records, when both hold the same
     * class (records of different classes are ordered by class name first).
     */
    public static boolean comparable(Object[] a, Object[] b, Comparator<Object> order) {
        return order instanceof LongPrefixOrder || a[0].getClass() == b[0].getClass();
    }
}
