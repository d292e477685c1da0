package org.jdbsp.zset.internal;

import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.Consolidation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.jdbsp.testing.Seeded;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.junit.jupiter.api.Test;

/**
 * Consolidation of object columns sorted by primitive prefixes ({@link Orders#byLong} orders, records in
 * their natural order, long keys with object values) against a stable sort of the tuples by the full
 * comparators, on both sides of the prefix and radix thresholds, with prefixes that repeat a lot (long
 * runs sorted by the comparator) and extreme prefixes. A failure names its seed.
 */
class PrefixSortTest {

    /** A record ordered by {@link #BY_A}: its long first, then its string. */
    record P(long a, String b) {}

    /** A record in its natural order (hash code first). */
    record R(long x, String y) {}

    private static final Comparator<P> BY_A = Orders.byLong(P::a, Comparator.comparing(P::b));

    private static final int[] SIZES = {2, 63, 64, 65, 500, TupleSort.RADIX_THRESHOLD - 1, TupleSort.RADIX_THRESHOLD, 9_000};

    private static final Layout[] LAYOUTS = {
        Layout.zset(BY_A),
        Layout.indexed(ColumnKind.OBJECT, BY_A, ColumnKind.OBJECT, BY_A),
        Layout.indexed(ColumnKind.OBJECT, BY_A, ColumnKind.LONG, null),
        Layout.indexed(ColumnKind.LONG, null, ColumnKind.OBJECT, BY_A),
        Layout.indexed(ColumnKind.LONG, null, ColumnKind.OBJECT, Orders.natural()),
        Layout.indexed(ColumnKind.OBJECT, Orders.natural(), ColumnKind.LONG, null),
        Layout.indexed(ColumnKind.OBJECT, Orders.natural(), ColumnKind.OBJECT, BY_A),
        Layout.indexed(ColumnKind.OBJECT, Orders.natural(), ColumnKind.OBJECT, Orders.natural()),
    };

    private static long drawLong(SplittableRandom r, int kind) {
        switch (kind) {
            case 0: return r.nextLong(-3, 3);                       // few, so long runs of equal prefixes
            case 1: return r.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE - r.nextInt(2);
            default: return r.nextLong();
        }
    }

    private static Object draw(SplittableRandom r, Comparator<Object> order, int kind) {
        long x = drawLong(r, kind);
        String s = "s" + r.nextInt(4);
        return order == Orders.natural() ? new R(x, s) : new P(x, s);
    }

    @SuppressWarnings("unchecked")
    @Test
    void consolidationMatchesAStableSortByTheFullOrder() {
        Seeded.trials("prefix-sorted consolidation matches the full order", 4, r -> {
            for (Layout layout : LAYOUTS) {
                for (int n : SIZES) {
                    int kind = r.nextInt(3);
                    long[] lk = layout.keyKind() == ColumnKind.LONG ? new long[n] : null;
                    Object[] ok = layout.keyKind() == ColumnKind.OBJECT ? new Object[n] : null;
                    long[] lv = layout.valueKind() == ColumnKind.LONG ? new long[n] : null;
                    Object[] ov = layout.valueKind() == ColumnKind.OBJECT ? new Object[n] : null;
                    long[] w = new long[n];
                    Object[][] tuples = new Object[n][];
                    for (int i = 0; i < n; i++) {
                        Object k = lk != null ? (Object) drawLong(r, kind) : draw(r, layout.keyOrder(), kind);
                        Object v = lv != null ? (Object) drawLong(r, 0) : ov != null ? draw(r, layout.valueOrder(), kind) : null;
                        w[i] = r.nextBoolean() ? 1 + r.nextInt(2) : -1 - r.nextInt(2);
                        if (lk != null) {
                            lk[i] = (Long) k;
                        } else {
                            ok[i] = k;
                        }
                        if (lv != null) {
                            lv[i] = (Long) v;
                        } else if (ov != null) {
                            ov[i] = v;
                        }
                        tuples[i] = new Object[] {k, v, w[i]};
                    }
                    Comparator<Object> keys = lk != null ? Comparator.comparingLong(k -> (Long) k) : layout.keyOrder();
                    Comparator<Object> values = lv != null ? Comparator.comparingLong(v -> (Long) v)
                            : ov != null ? layout.valueOrder() : (a, b) -> 0;
                    Object[][] sorted = tuples.clone();
                    Arrays.sort(sorted, (Object[] a, Object[] b) -> {
                        int c = keys.compare(a[0], b[0]);
                        return c != 0 ? c : values.compare(a[1], b[1]);
                    });
                    List<Object[]> expected = new ArrayList<>();
                    for (Object[] t : sorted) {
                        Object[] last = expected.isEmpty() ? null : expected.get(expected.size() - 1);
                        if (last != null && Objects.equals(last[0], t[0]) && Objects.equals(last[1], t[1])) {
                            last[2] = (Long) last[2] + (Long) t[2];
                        } else {
                            expected.add(new Object[] {t[0], t[1], t[2]});
                        }
                    }
                    expected.removeIf(t -> (Long) t[2] == 0);
                    Batch b = Consolidation.consolidate(layout, n, lk, ok, lv, ov, w);
                    String where = layout + ", n=" + n + ", kind " + kind;
                    assertEquals(expected.size(), b.size, where + ": size");
                    for (int i = 0; i < b.size; i++) {
                        Object[] e = expected.get(i);
                        assertEquals(e[0], b.key(i), where + ": key of tuple " + i);
                        assertEquals(e[1], layout.valueKind() == ColumnKind.NONE ? null : b.value(i), where + ": value of tuple " + i);
                        assertEquals((long) (Long) e[2], b.weights[i], where + ": weight of tuple " + i);
                    }
                }
            }
        });
    }

    @Test
    void byLongComparesThePrefixFirstThenTheTieBreak() {
        assertEquals(-1, Integer.signum(BY_A.compare(new P(Long.MIN_VALUE, "z"), new P(0, "a"))));
        assertEquals(1, Integer.signum(BY_A.compare(new P(5, "a"), new P(-5, "z"))));
        assertEquals(-1, Integer.signum(BY_A.compare(new P(5, "a"), new P(5, "b"))));
        assertEquals(0, BY_A.compare(new P(5, "a"), new P(5, "a")));
    }

    @Test
    void sortedAndNearlySortedInputsAreConsolidatedInOrder() {
        Seeded.trials("presorted input", 4, r -> {
            int n = 2 + r.nextInt(5_000);
            String[] sorted = new String[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = String.format("k%06d", r.nextInt(n)); // duplicates, so equal tuples are adjacent
            }
            Arrays.sort(sorted);
            for (boolean disturb : new boolean[] {false, true}) {
                Object[] keys = sorted.clone();
                if (disturb) {
                    int i = r.nextInt(n - 1);
                    Object t = keys[i];
                    keys[i] = keys[n - 1];
                    keys[n - 1] = t;
                }
                long[] w = new long[n];
                Arrays.fill(w, 1);
                Batch b = Consolidation.consolidate(Layout.OBJECTS, n, null, keys, null, null, w);
                long total = 0;
                for (int i = 0; i < b.size; i++) {
                    if (i > 0) {
                        assertEquals(-1, Integer.signum(((String) b.objKeys[i - 1]).compareTo((String) b.objKeys[i])),
                                "n=" + n + ", disturbed " + disturb + ": keys out of order at " + i);
                    }
                    total += b.weights[i];
                }
                assertEquals(n, total, "n=" + n + ", disturbed " + disturb + ": weights");
            }
        });
    }
}
