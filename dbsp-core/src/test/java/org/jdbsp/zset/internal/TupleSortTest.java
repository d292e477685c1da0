package org.jdbsp.zset.internal;

import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.Consolidation;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jdbsp.testing.Seeded;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.WeightOverflowException;
import org.junit.jupiter.api.Test;

/**
 * {@link TupleSort} and {@link Consolidation} against a plain reference (a stable sort of boxed tuples, and
 * a sorted map of weight sums), over every shape, sizes on both sides of the quicksort/radix threshold, and
 * key/value distributions that exercise the radix sort's corners (negative and extreme longs, shared
 * leading bits, constant digits, long runs of one key). A failure names its seed.
 */
class TupleSortTest {

    private static final int T = TupleSort.RADIX_THRESHOLD;
    private static final int[] SIZES = {0, 1, 2, 3, 17, 100, T - 1, T, T + 1, 3 * T + 5, 20_000};

    private static final Layout[] LAYOUTS = {
        Layout.LONGS, Layout.longToLongs(), Layout.longToObjects(), Layout.OBJECTS, Layout.objectsToObjects(),
    };

    /** Draws a long from one of several distributions chosen by {@code kind}. */
    private static long draw(SplittableRandom r, int kind) {
        switch (kind) {
            case 0: return r.nextLong();                                  // full range
            case 1: return r.nextLong(-50, 50);                           // tiny, negative, many duplicates
            case 2: return (1L << 62) + (r.nextLong(1 << 20) << 8);       // shared high bits, constant low digit
            case 3: return r.nextBoolean() ? Long.MIN_VALUE + r.nextInt(3) : Long.MAX_VALUE - r.nextInt(3);
            case 4: return 7;                                             // constant
            case 5: return r.nextLong(0, 1_000_000) - 500_000;            // moderate, both signs
            default: return r.nextInt(2) == 0 ? -r.nextLong(1L << 40) : r.nextLong(1L << 40) << 20;
        }
    }

    private static final int KINDS = 7;

    private static Object box(Layout layout, boolean key, long x) {
        ColumnKind kind = key ? layout.keyKind() : layout.valueKind();
        if (kind == ColumnKind.NONE) {
            return null;
        }
        return kind == ColumnKind.LONG ? (Object) x : (Object) ("s" + x); // strings: a different, natural order
    }

    /** Random input arrays for {@code layout}. */
    private static TupleSort.Columns input(Layout layout, int n, SplittableRandom r, int keyKind, int valueKind) {
        long[] lk = layout.keyKind() == ColumnKind.LONG ? new long[n] : null;
        Object[] ok = layout.keyKind() == ColumnKind.OBJECT ? new Object[n] : null;
        long[] lv = layout.valueKind() == ColumnKind.LONG ? new long[n] : null;
        Object[] ov = layout.valueKind() == ColumnKind.OBJECT ? new Object[n] : null;
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            long k = draw(r, keyKind);
            long v = draw(r, valueKind);
            if (lk != null) {
                lk[i] = k;
            } else {
                ok[i] = box(layout, true, k);
            }
            if (lv != null) {
                lv[i] = v;
            } else if (ov != null) {
                ov[i] = box(layout, false, v);
            }
            long m = 1 + r.nextInt(3);
            w[i] = r.nextBoolean() ? m : -m;
        }
        return new TupleSort.Columns(lk, ok, lv, ov, w, layout.keyOrder(), layout.valueOrder());
    }

    private static Object keyAt(TupleSort.Columns c, int i) {
        return c.longKeys != null ? (Object) c.longKeys[i] : c.objKeys[i];
    }

    private static Object valueAt(TupleSort.Columns c, int i) {
        return c.longValues != null ? (Object) c.longValues[i] : c.objValues != null ? c.objValues[i] : null;
    }

    @SuppressWarnings("unchecked")
    private static int compareBoxed(Object a, Object b) {
        if (a == null) {
            return 0;
        }
        return ((Comparable<Object>) a).compareTo(b);
    }

    /** (key, value) pairs in a stable reference order, then their weights, with the weights of equal pairs sorted. */
    private static Object[][] reference(TupleSort.Columns c, int n) {
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Comparator<Integer> byTuple = (x, y) -> {
            int d = compareBoxed(keyAt(c, x), keyAt(c, y));
            return d != 0 ? d : compareBoxed(valueAt(c, x), valueAt(c, y));
        };
        Arrays.sort(idx, byTuple.thenComparingLong(i -> c.weights[i]));
        Object[][] out = new Object[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new Object[] {keyAt(c, idx[i]), valueAt(c, idx[i]), c.weights[idx[i]]};
        }
        return out;
    }

    /** The sorted columns as rows, with the weights of equal (key, value) pairs sorted (their order is free). */
    private static Object[][] rows(TupleSort.Columns c, int n) {
        Object[][] out = new Object[n][];
        for (int i = 0; i < n; i++) {
            out[i] = new Object[] {keyAt(c, i), valueAt(c, i), c.weights[i]};
        }
        int i = 0;
        while (i < n) {
            int j = i + 1;
            while (j < n && Objects.equals(out[j][0], out[i][0]) && Objects.equals(out[j][1], out[i][1])) {
                j++;
            }
            Arrays.sort(out, i, j, Comparator.comparingLong(row -> (Long) row[2]));
            i = j;
        }
        return out;
    }

    @Test
    void sortMatchesAStableReferenceSortForEveryShapeSizeAndDistribution() {
        Seeded.trials("TupleSort.sort matches the reference", 6, r -> {
            for (Layout layout : LAYOUTS) {
                for (int n : SIZES) {
                    int keyKind = r.nextInt(KINDS);
                    int valueKind = r.nextInt(KINDS);
                    TupleSort.Columns c = input(layout, n, r, keyKind, valueKind);
                    Object[][] expected = reference(c, n);
                    TupleSort.sort(c, n);
                    Object[][] actual = rows(c, n);
                    for (int i = 0; i < n; i++) {
                        assertArrayEquals(expected[i], actual[i], () -> layout + ", n=" + n + ", key kind " + keyKind
                                + ", value kind " + valueKind + ", first difference");
                    }
                }
            }
        });
    }

    @Test
    void everyKeyAndValueDistributionPairSortsAboveTheRadixThreshold() {
        Seeded.trials("radix sort over all distribution pairs", 2, r -> {
            for (int kk = 0; kk < KINDS; kk++) {
                for (int vk = 0; vk < KINDS; vk++) {
                    for (Layout layout : new Layout[] {Layout.LONGS, Layout.longToLongs()}) {
                        int n = T + r.nextInt(4 * T);
                        TupleSort.Columns c = input(layout, n, r, kk, vk);
                        Object[][] expected = reference(c, n);
                        TupleSort.sort(c, n);
                        Object[][] actual = rows(c, n);
                        int keyKind = kk;
                        int valueKind = vk;
                        for (int i = 0; i < n; i++) {
                            assertArrayEquals(expected[i], actual[i], () -> layout + ", n=" + n + ", key kind "
                                    + keyKind + ", value kind " + valueKind);
                        }
                    }
                }
            }
        });
    }

    @Test
    void oneKeyWithALongRunOfValuesIsSortedByValue() {
        Seeded.trials("long run of one key", 3, r -> {
            int n = 3 * T + r.nextInt(T);
            long[] k = new long[n];
            long[] v = new long[n];
            long[] w = new long[n];
            for (int i = 0; i < n; i++) {
                k[i] = i % 5 == 0 ? r.nextLong() : -3; // one key holds about 80% of the tuples
                v[i] = r.nextLong();
                w[i] = 1 + r.nextInt(3);
            }
            TupleSort.Columns c = new TupleSort.Columns(k, null, v, null, w, null, null);
            Object[][] expected = reference(c, n);
            TupleSort.sort(c, n);
            Object[][] actual = rows(c, n);
            for (int i = 0; i < n; i++) {
                assertArrayEquals(expected[i], actual[i], "row " + i);
            }
        });
    }

    @Test
    void consolidationSumsWeightsAndDropsZerosLikeASortedMap() {
        Seeded.trials("consolidation matches a sorted map", 4, r -> {
            for (Layout layout : new Layout[] {Layout.LONGS, Layout.longToLongs()}) {
                for (int n : SIZES) {
                    int keyKind = r.nextInt(KINDS);
                    int valueKind = r.nextInt(KINDS);
                    TupleSort.Columns c = input(layout, n, r, keyKind, valueKind);
                    TreeMap<Long, TreeMap<Long, Long>> sums = new TreeMap<>();
                    for (int i = 0; i < n; i++) {
                        long value = c.longValues != null ? c.longValues[i] : 0;
                        sums.computeIfAbsent(c.longKeys[i], x -> new TreeMap<>()).merge(value, c.weights[i], Long::sum);
                    }
                    Batch b = Consolidation.consolidate(layout, n, c.longKeys, null, c.longValues, null, c.weights);
                    int i = 0;
                    for (Map.Entry<Long, TreeMap<Long, Long>> e : sums.entrySet()) {
                        for (Map.Entry<Long, Long> ve : e.getValue().entrySet()) {
                            if (ve.getValue() == 0) {
                                continue;
                            }
                            String where = layout + ", n=" + n + ", tuple " + i;
                            assertEquals((long) e.getKey(), b.longKeys[i], where);
                            if (b.longValues != null) {
                                assertEquals((long) ve.getKey(), b.longValues[i], where);
                            }
                            assertEquals((long) ve.getValue(), b.weights[i], where);
                            i++;
                        }
                    }
                    assertEquals(i, b.size, layout + ", n=" + n);
                }
            }
        });
    }

    @Test
    void weightOverflowIsStillDetectedAfterARadixSort() {
        int n = 2 * T;
        for (boolean withValues : new boolean[] {false, true}) {
            long[] k = new long[n];
            long[] v = withValues ? new long[n] : null;
            long[] w = new long[n];
            for (int i = 0; i < n; i++) {
                k[i] = n - i;
                w[i] = 1;
            }
            k[n - 1] = k[0];
            w[0] = Long.MAX_VALUE;
            Layout layout = withValues ? Layout.longToLongs() : Layout.LONGS;
            assertThrows(WeightOverflowException.class,
                    () -> Consolidation.consolidate(layout, n, k, null, v, null, w));
        }
    }
}
