package org.jdbsp.zset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.jdbsp.testing.RefZSet;
import org.jdbsp.testing.Seeded;
import org.jdbsp.zset.spi.Batch;
import org.junit.jupiter.api.Test;

/** Group laws and consolidation of Z-sets and indexed Z-sets, for every column layout, on seeded random inputs. */
class ZSetAlgebraTest {
    record Item(String name, int n) {}

    /** One way of making random Z-sets of one layout. */
    private record Kind(String name, Function<SplittableRandom, Object> zset) {}

    private static final int DOMAIN = 6;

    private static List<Kind> kinds() {
        return List.of(
                new Kind("longs", r -> {
                    ZSetBuilder<Long> b = ZSet.longBuilder();
                    for (int i = r.nextInt(12); i > 0; i--) {
                        b.add((long) r.nextInt(DOMAIN) - 2, r.nextInt(7) - 3);
                    }
                    return b.build();
                }),
                new Kind("strings", r -> {
                    ZSetBuilder<String> b = ZSet.builder();
                    for (int i = r.nextInt(12); i > 0; i--) {
                        b.add("s" + r.nextInt(DOMAIN), r.nextInt(7) - 3);
                    }
                    return b.build();
                }),
                new Kind("records", r -> {
                    ZSetBuilder<Item> b = ZSet.builder();
                    for (int i = r.nextInt(12); i > 0; i--) {
                        b.add(new Item("i" + r.nextInt(3), r.nextInt(3)), r.nextInt(7) - 3);
                    }
                    return b.build();
                }),
                new Kind("long->long", r -> randomIndexed(r, Layout.longToLongs(), true, true)),
                new Kind("long->object", r -> randomIndexed(r, Layout.longToObjects(), true, false)),
                new Kind("object->object", r -> randomIndexed(r, Layout.objectsToObjects(), false, false)),
                new Kind("object->long", r -> randomIndexed(r,
                        Layout.indexed(ColumnKind.OBJECT, Orders.natural(), ColumnKind.LONG, null), false, true)));
    }

    private static IndexedZSet<Object, Object> randomIndexed(SplittableRandom r, Layout layout, boolean longKey, boolean longValue) {
        IndexedZSetBuilder<Object, Object> b = IndexedZSet.builder(layout);
        for (int i = r.nextInt(12); i > 0; i--) {
            Object k = longKey ? (Object) (long) r.nextInt(3) : "k" + r.nextInt(3);
            Object v = longValue ? (Object) (long) r.nextInt(3) : "v" + r.nextInt(3);
            b.add(k, v, r.nextInt(7) - 3);
        }
        return b.build();
    }

    @SuppressWarnings("unchecked")
    private static Object plus(Object a, Object b) {
        return a instanceof ZSet ? ((ZSet<Object>) a).plus((ZSet<Object>) b) : ((IndexedZSet<Object, Object>) a).plus((IndexedZSet<Object, Object>) b);
    }

    @SuppressWarnings("unchecked")
    private static Object minus(Object a, Object b) {
        return a instanceof ZSet ? ((ZSet<Object>) a).minus((ZSet<Object>) b) : ((IndexedZSet<Object, Object>) a).minus((IndexedZSet<Object, Object>) b);
    }

    @SuppressWarnings("unchecked")
    private static Object negate(Object a) {
        return a instanceof ZSet ? ((ZSet<Object>) a).negate() : ((IndexedZSet<Object, Object>) a).negate();
    }

    private static Batch batch(Object z) {
        return z instanceof ZSet ? ((ZSet<?>) z).batch() : ((IndexedZSet<?, ?>) z).batch();
    }

    private static Object zero(Object like) {
        Layout l = batch(like).layout;
        return like instanceof ZSet ? ZSet.empty(l) : IndexedZSet.empty(l);
    }

    private static RefZSet ref(Object z) {
        return z instanceof ZSet ? RefZSet.of((ZSet<?>) z) : RefZSet.of((IndexedZSet<?, ?>) z);
    }

    @Test
    void additionIsCommutativeAndAssociativeWithZeroAndInverses() {
        for (Kind kind : kinds()) {
            Seeded.trials("group laws of " + kind.name, 300, r -> {
                Object a = kind.zset.apply(r);
                Object b = kind.zset.apply(r);
                Object c = kind.zset.apply(r);
                assertEquals(plus(a, b), plus(b, a), "a + b = b + a");
                assertEquals(plus(plus(a, b), c), plus(a, plus(b, c)), "(a + b) + c = a + (b + c)");
                assertEquals(a, plus(a, zero(a)), "a + 0 = a");
                assertTrue(batch(plus(a, negate(a))).isEmpty(), "a + (-a) = 0");
                assertEquals(minus(a, b), plus(a, negate(b)), "a - b = a + (-b)");
                assertEquals(a, negate(negate(a)), "-(-a) = a");
                RefZSet expected = ref(a).copy().addAll(ref(b));
                assertEquals(expected, ref(plus(a, b)), "a + b agrees with the reference");
                assertConsolidated(batch(plus(a, b)));
                assertConsolidated(batch(minus(a, b)));
            });
        }
    }

    @Test
    void absoluteWeightCountsInsertionsAndDeletions() {
        ZSetBuilder<String> b = ZSet.builder();
        b.add("a", 3);
        b.add("b", -2);
        b.add("c", 1);
        b.add("c", -1);
        assertEquals(5, b.build().absoluteWeight());
        assertEquals(0, ZSet.<String>empty().absoluteWeight());
        ZSetBuilder<String> huge = ZSet.builder();
        huge.add("x", Long.MAX_VALUE);
        huge.add("y", -Long.MAX_VALUE);
        assertEquals(Long.MAX_VALUE, huge.build().absoluteWeight(), "saturates");
    }

    @Test
    void sumOfManyEqualsRepeatedAddition() {
        Seeded.trials("sum of many", 200, r -> {
            List<ZSet<String>> parts = new ArrayList<>();
            ZSet<String> running = ZSet.empty();
            for (int i = r.nextInt(6) + 1; i > 0; i--) {
                ZSetBuilder<String> b = ZSet.builder();
                for (int j = r.nextInt(10); j > 0; j--) {
                    b.add("s" + r.nextInt(DOMAIN), r.nextInt(7) - 3);
                }
                ZSet<String> z = b.build();
                parts.add(z);
                running = running.plus(z);
            }
            assertEquals(running, ZSet.sum(parts));
        });
    }

    @Test
    void consolidationIsCanonicalAndIdempotent() {
        Seeded.trials("consolidation", 500, r -> {
            List<long[]> tuples = new ArrayList<>();
            for (int i = r.nextInt(40); i > 0; i--) {
                tuples.add(new long[] {r.nextInt(DOMAIN) - 3, r.nextInt(3), r.nextInt(7) - 3});
            }
            IndexedZSet<Long, Long> first = build(tuples);
            Collections.shuffle(tuples, new java.util.Random(r.nextLong()));
            IndexedZSet<Long, Long> second = build(tuples);
            assertEquals(first, second, "any input order consolidates to the same batch");
            assertConsolidated(first.batch());
            RefZSet expected = new RefZSet();
            for (long[] t : tuples) {
                expected.add(List.of(t[0], t[1]), t[2]);
            }
            assertEquals(expected, RefZSet.of(first), "weights of equal tuples add up and zeros vanish");
            IndexedZSetBuilder<Long, Long> again = IndexedZSet.builder(Layout.longToLongs());
            first.forEach(again::add);
            assertEquals(first, again.build(), "consolidating a consolidated batch changes nothing");
        });
    }

    private static IndexedZSet<Long, Long> build(List<long[]> tuples) {
        IndexedZSetBuilder<Long, Long> b = IndexedZSet.builder(Layout.longToLongs());
        for (long[] t : tuples) {
            b.add(t[0], t[1], t[2]);
        }
        return b.build();
    }

    static void assertConsolidated(Batch b) {
        for (int i = 0; i < b.size; i++) {
            assertNotEquals(0, b.weights[i], "no zero weight");
            if (i > 0) {
                assertTrue(b.compareTuples(i - 1, b, i) < 0, "strictly sorted, no duplicate: " + b);
            }
        }
    }

    @Test
    void lookupFindsTheValuesOfOneKey() {
        IndexedZSet<Long, String> z = IndexedZSet.<Long, String>builder(Layout.longToObjects())
                .add(1L, "a", 1).add(2L, "b", 2).add(2L, "c", -1).add(3L, "d", 1).add(2L, "b", 1).build();
        assertEquals(ZSet.<String>builder().add("b", 3).add("c", -1).build(), z.lookup(2L));
        assertTrue(z.lookup(7L).isEmpty());
        List<String> seen = new ArrayList<>();
        z.forEachValue(2L, (v, w) -> seen.add(v + "x" + w));
        assertEquals(List.of("bx3", "cx-1"), seen);
    }

    @Test
    void cursorWalksAndSeeksWithoutBoxingLongColumns() {
        IndexedZSet<Long, Long> z = IndexedZSet.<Long, Long>builder(Layout.longToLongs())
                .add(5L, 1L, 1).add(1L, 2L, 1).add(1L, 1L, 2).add(9L, 0L, -1).build();
        ZSetCursor<Long, Long> c = z.cursor();
        assertEquals(1, c.longKey());
        assertEquals(1, c.longValue());
        assertEquals(2, c.weight());
        c.nextKey();
        assertEquals(5, c.longKey());
        assertTrue(c.seekLongKey(9));
        assertEquals(-1, c.weight());
        c.next();
        assertTrue(!c.valid());
        c.rewind();
        assertTrue(!c.seekLongKey(4));
        assertEquals(5, c.longKey(), "a failed seek stops at the next key");
    }

    @Test
    void weightOfAbsentRecordIsZero() {
        ZSet<String> z = ZSet.of("a", "b", "a");
        assertEquals(2, z.weight("a"));
        assertEquals(0, z.weight("zz"));
        assertEquals(2, z.size());
    }
}
