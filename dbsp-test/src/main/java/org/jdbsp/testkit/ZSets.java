package org.jdbsp.testkit;

import java.util.Map;
import org.jdbsp.zset.IndexedZSet;
import org.jdbsp.zset.IndexedZSetBuilder;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.ZSet;
import org.jdbsp.zset.ZSetBuilder;

/**
 * Z-set literals for tests: {@code ZSets.of("a", 1, "b", -1)} is the Z-set with {@code a} of weight 1 and
 * {@code b} of weight -1. Repeated records add up and zero weights vanish, as in any Z-set. Z-sets compare
 * by content, so a literal equals an output whatever layout (order, long or object column) either uses.
 */
public final class ZSets {
    private ZSets() {}

    /**
     * The Z-set of the given (record, weight) pairs: {@code of(r1, w1, r2, w2, ...)}; each weight an
     * {@code Integer} or a {@code Long}.
     *
     * @throws IllegalArgumentException for an odd number of arguments, a null record or a weight that is
     *                                  not an integral number, naming its position
     */
    @SuppressWarnings("unchecked")
    public static <T> ZSet<T> of(Object... recordsAndWeights) {
        if (recordsAndWeights.length % 2 != 0) {
            throw new IllegalArgumentException("ZSets.of takes (record, weight) pairs; got " + recordsAndWeights.length
                    + " arguments, the last record has no weight");
        }
        ZSetBuilder<T> b = ZSet.builder();
        for (int i = 0; i < recordsAndWeights.length; i += 2) {
            b.add((T) record(recordsAndWeights, i), weight(recordsAndWeights, i + 1));
        }
        return b.build();
    }

    /** The Z-set of longs of the given (value, weight) pairs, stored in a {@code long[]}: {@code longs(7, 1, 9, -2)}. */
    public static ZSet<Long> longs(long... valuesAndWeights) {
        if (valuesAndWeights.length % 2 != 0) {
            throw new IllegalArgumentException("ZSets.longs takes (value, weight) pairs; got " + valuesAndWeights.length
                    + " arguments, the last value has no weight");
        }
        ZSetBuilder<Long> b = ZSet.longBuilder();
        for (int i = 0; i < valuesAndWeights.length; i += 2) {
            b.addLong(valuesAndWeights[i], valuesAndWeights[i + 1]);
        }
        return b.build();
    }

    /**
     * The indexed Z-set of the given (key, value, weight) triples, keys and values in object columns in
     * their natural order: {@code indexed("fr", 2500L, 1, "us", 5500L, 1)}.
     */
    public static <K, V> IndexedZSet<K, V> indexed(Object... keysValuesAndWeights) {
        return indexed(Layout.objectsToObjects(), keysValuesAndWeights);
    }

    /** As {@link #indexed(Object...)}, stored in {@code layout} (a long key or value is given as a {@code Long}). */
    @SuppressWarnings("unchecked")
    public static <K, V> IndexedZSet<K, V> indexed(Layout layout, Object... keysValuesAndWeights) {
        if (keysValuesAndWeights.length % 3 != 0) {
            throw new IllegalArgumentException("ZSets.indexed takes (key, value, weight) triples; got "
                    + keysValuesAndWeights.length + " arguments");
        }
        IndexedZSetBuilder<K, V> b = IndexedZSet.builder(layout);
        for (int i = 0; i < keysValuesAndWeights.length; i += 3) {
            b.add((K) record(keysValuesAndWeights, i), (V) record(keysValuesAndWeights, i + 1), weight(keysValuesAndWeights, i + 2));
        }
        return b.build();
    }

    /** The Z-set of a map from records to weights (a reference model's content, say); zero weights vanish. */
    public static <T> ZSet<T> fromMap(Map<? extends T, Long> weights) {
        ZSetBuilder<T> b = ZSet.builder();
        weights.forEach((r, w) -> b.add(r, w));
        return b.build();
    }

    private static Object record(Object[] args, int i) {
        if (args[i] == null) {
            throw new IllegalArgumentException("argument " + i + " is a null record (a Z-set holds no nulls)");
        }
        return args[i];
    }

    private static long weight(Object[] args, int i) {
        Object w = args[i];
        if (w instanceof Integer || w instanceof Long || w instanceof Short || w instanceof Byte) {
            return ((Number) w).longValue();
        }
        throw new IllegalArgumentException("argument " + i + " should be a weight (an int or a long) but is "
                + (w == null ? "null" : w.getClass().getSimpleName() + " " + w));
    }
}
