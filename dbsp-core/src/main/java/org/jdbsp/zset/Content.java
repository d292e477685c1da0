package org.jdbsp.zset;

import java.util.AbstractMap;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jdbsp.zset.spi.Batch;

/**
 * Equality, hash code and text of a batch by its content (its tuples and their weights), whatever the
 * order or the layout it is stored in: the one definition {@link ZSet} and {@link IndexedZSet} share.
 *
 * <p>Records are compared with {@code equals}. The text lists the tuples in the readable order described
 * in {@link #readableOrder}, which depends on the content only.
 */
final class Content {
    private Content() {}

    /** True when both batches hold the same tuples with the same weights. */
    static boolean equal(Batch a, Batch b) {
        if (a == b) {
            return true;
        }
        if (a.size != b.size || a.layout.isPlainZSet() != b.layout.isPlainZSet()) {
            return false;
        }
        if (a.layout.equals(b.layout)) {
            return a.contentEquals(b);   // the same order: tuple i of one is tuple i of the other
        }
        Map<Object, Long> weights = new HashMap<>(a.size * 2);
        for (int i = 0; i < a.size; i++) {
            weights.merge(tuple(a, i), a.weights[i], Long::sum);
        }
        for (int j = 0; j < b.size; j++) {
            Object t = tuple(b, j);
            long left = weights.getOrDefault(t, 0L) - b.weights[j];
            if (left == 0) {
                weights.remove(t);
            } else {
                weights.put(t, left);
            }
        }
        return weights.isEmpty();
    }

    private static Object tuple(Batch b, int i) {
        return b.layout.isPlainZSet() ? b.key(i) : new AbstractMap.SimpleImmutableEntry<>(b.key(i), b.value(i));
    }

    /** A hash code of the content: a sum over the tuples, so independent of their order. */
    static int hash(Batch b) {
        int h = 0;
        for (int i = 0; i < b.size; i++) {
            int key = b.longKeys != null ? Long.hashCode(b.longKeys[i]) : b.objKeys[i].hashCode();
            int value = b.longValues != null ? Long.hashCode(b.longValues[i])
                    : b.objValues != null ? b.objValues[i].hashCode() : 0;
            h += (31 * key + value) ^ Long.hashCode(b.weights[i]);
        }
        return h;
    }

    /**
     * The tuples as {@code {key xW, ...}} (or {@code {key -> value xW, ...}} for an indexed Z-set) in the
     * readable order: see {@link #readableOrder}.
     */
    static String text(Batch b) {
        String[] keys = texts(b, true);
        String[] values = b.layout.isPlainZSet() ? null : texts(b, false);
        Integer[] rows = new Integer[b.size];
        Arrays.setAll(rows, i -> i);
        Arrays.sort(rows, readableOrder(b, keys, values));
        StringBuilder sb = new StringBuilder("{");
        for (int r = 0; r < rows.length; r++) {
            int i = rows[r];
            sb.append(r > 0 ? ", " : "").append(keys[i]);
            if (values != null) {
                sb.append(" -> ").append(values[i]);
            }
            sb.append(" x").append(b.weights[i]);
        }
        return sb.append('}').toString();
    }

    /**
     * The order of rows for printing: by key, then by value, then by weight. A column of longs is in
     * numeric order; a column whose records are all {@link Comparable} and of one class is in their
     * {@code compareTo} order; any other column (records without a natural order, or of several classes)
     * is in the order of the records' {@code toString}. Ties of {@code compareTo} fall back to the text.
     */
    private static Comparator<Integer> readableOrder(Batch b, String[] keys, String[] values) {
        Comparator<Integer> byKey = columnOrder(b.longKeys, b.objKeys, keys, b.size);
        Comparator<Integer> order = values == null ? byKey
                : byKey.thenComparing(columnOrder(b.longValues, b.objValues, values, b.size));
        return order.thenComparingLong(i -> b.weights[i]);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<Integer> columnOrder(long[] longs, Object[] objects, String[] texts, int size) {
        if (longs != null) {
            return (i, j) -> Long.compare(longs[i], longs[j]);
        }
        Comparator<Integer> byText = (i, j) -> texts[i].compareTo(texts[j]);
        if (!comparableOfOneClass(objects, size)) {
            return byText;
        }
        Comparator<Integer> natural = (i, j) -> ((Comparable) objects[i]).compareTo(objects[j]);
        return natural.thenComparing(byText);
    }

    private static boolean comparableOfOneClass(Object[] objects, int size) {
        if (size == 0 || !(objects[0] instanceof Comparable)) {
            return false;
        }
        Class<?> type = objects[0].getClass();
        for (int i = 1; i < size; i++) {
            if (objects[i].getClass() != type) {
                return false;
            }
        }
        return true;
    }

    private static String[] texts(Batch b, boolean keys) {
        String[] out = new String[b.size];
        for (int i = 0; i < b.size; i++) {
            out[i] = Objects.toString(keys ? b.key(i) : b.value(i));
        }
        return out;
    }
}
