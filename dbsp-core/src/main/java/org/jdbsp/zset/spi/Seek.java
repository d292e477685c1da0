package org.jdbsp.zset.spi;

import java.util.Comparator;

/** Galloping (exponential then binary) search over sorted key columns. */
public final class Seek {
    private Seek() {}

    /** First index in [from, to) whose key is {@code >= key}, or {@code to}; cheap when the answer is near {@code from}. */
    public static int gallop(long[] keys, int from, int to, long key) {
        if (from >= to || keys[from] >= key) {
            return from;
        }
        // keys[lo] < key
        int lo = from;
        int step = 1;
        int hi = lo + step;
        while (hi < to && keys[hi] < key) {
            lo = hi;
            step <<= 1;
            hi = lo + step;
        }
        if (hi > to) {
            hi = to;
        }
        // keys[lo] < key, and hi == to or keys[hi] >= key
        lo++;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (keys[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index in [from, to) whose key is not below {@code key} in {@code order}, or {@code to}. */
    public static int gallop(Object[] keys, int from, int to, Object key, Comparator<Object> order) {
        return gallopWhileBelow(keys, from, to, key, order, 0);
    }

    /** First index in [from, to) whose key is above {@code key} in {@code order}, or {@code to}. */
    public static int gallopPast(Object[] keys, int from, int to, Object key, Comparator<Object> order) {
        return gallopWhileBelow(keys, from, to, key, order, 1);
    }

    /** Gallops past every key with {@code order.compare(k, key) < bound} (bound 0: below; bound 1: not above). */
    private static int gallopWhileBelow(Object[] keys, int from, int to, Object key, Comparator<Object> order, int bound) {
        if (from >= to || order.compare(keys[from], key) >= bound) {
            return from;
        }
        int lo = from;
        int step = 1;
        int hi = lo + step;
        while (hi < to && order.compare(keys[hi], key) < bound) {
            lo = hi;
            step <<= 1;
            hi = lo + step;
        }
        if (hi > to) {
            hi = to;
        }
        lo++;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (order.compare(keys[mid], key) < bound) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
