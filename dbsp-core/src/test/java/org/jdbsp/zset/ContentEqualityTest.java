package org.jdbsp.zset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jdbsp.testing.Seeded;
import org.junit.jupiter.api.Test;

/** Z-sets and indexed Z-sets are equal, hash and print by content, whatever order or layout stores them. */
class ContentEqualityTest {
    record Item(String name, int n) {}

    private static final Comparator<Item> BY_NAME_DESC =
            Comparator.comparing(Item::name).thenComparingInt(Item::n).reversed();

    private static <T> ZSet<T> build(ZSetBuilder<T> b, List<T> records, List<Long> weights) {
        for (int i = 0; i < records.size(); i++) {
            b.add(records.get(i), weights.get(i));
        }
        return b.build();
    }

    private static void assertSameContent(Object a, Object b) {
        assertEquals(a, b);
        assertEquals(b, a);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.toString(), b.toString());
    }

    @Test
    void theSameStringsUnderAnotherComparatorAreEqual() {
        ZSet<String> natural = build(ZSet.builder(), List.of("b", "a", "c"), List.of(1L, 2L, -1L));
        ZSet<String> reversed = build(ZSet.builder(Comparator.<String>reverseOrder()), List.of("c", "a", "b"), List.of(-1L, 2L, 1L));
        assertSameContent(natural, reversed);
        assertEquals("{a x2, b x1, c x-1}", reversed.toString());
        ZSet<String> otherWeight = build(ZSet.builder(Comparator.<String>reverseOrder()), List.of("c", "a", "b"), List.of(-1L, 3L, 1L));
        assertNotEquals(natural, otherWeight);
        ZSet<String> otherRecord = build(ZSet.builder(Comparator.<String>reverseOrder()), List.of("d", "a", "b"), List.of(-1L, 2L, 1L));
        assertNotEquals(natural, otherRecord);
    }

    @Test
    void longsInALongColumnEqualTheSameLongsInAnObjectColumnAndPrintInNumericOrder() {
        ZSet<Long> column = build(ZSet.longBuilder(), List.of(10L, 9L, -3L), List.of(1L, 1L, 4L));
        ZSet<Long> objects = build(ZSet.builder(Comparator.<Long>reverseOrder()), List.of(10L, 9L, -3L), List.of(1L, 1L, 4L));
        assertSameContent(column, objects);
        assertEquals("{-3 x4, 9 x1, 10 x1}", objects.toString());
    }

    @Test
    void recordsWithoutANaturalOrderPrintInTheOrderOfTheirText() {
        List<Item> items = List.of(new Item("cy", 3), new Item("ada", 1), new Item("bob", 2));
        ZSet<Item> natural = build(ZSet.builder(), items, List.of(1L, 1L, 1L));
        ZSet<Item> byName = build(ZSet.builder(BY_NAME_DESC), items, List.of(1L, 1L, 1L));
        assertSameContent(natural, byName);
        assertEquals("{Item[name=ada, n=1] x1, Item[name=bob, n=2] x1, Item[name=cy, n=3] x1}", natural.toString());
    }

    @Test
    void randomZSetsUnderTwoOrdersAgree() {
        Seeded.trials("the same tuples under two orders", 200, (SplittableRandom r) -> {
            ZSetBuilder<Item> a = ZSet.builder();
            ZSetBuilder<Item> b = ZSet.builder(BY_NAME_DESC);
            for (int i = r.nextInt(20); i > 0; i--) {
                Item item = new Item("i" + r.nextInt(5), r.nextInt(4));
                long w = r.nextInt(7) - 3;
                a.add(item, w);
                b.add(item, w);
            }
            ZSet<Item> za = a.build();
            ZSet<Item> zb = b.build();
            assertSameContent(za, zb);
            assertEquals(za.toMap(), zb.toMap());
            if (!za.isEmpty()) {
                Item first = za.toMap().keySet().iterator().next();
                assertNotEquals(za, zb.plus(build(ZSet.builder(BY_NAME_DESC), List.of(first), List.of(1L))));
            }
        });
    }

    @Test
    void aZSetIsNeverEqualToAnIndexedZSet() {
        ZSet<Long> plain = ZSet.of(1L);
        IndexedZSet<Long, Long> indexed = IndexedZSet.<Long, Long>builder(Layout.longToLongs()).add(1L, 1L, 1).build();
        assertNotEquals(plain, (Object) indexed);
        assertNotEquals(indexed, (Object) plain);
    }

    private static IndexedZSet<String, Item> orders(Layout layout) {
        IndexedZSetBuilder<String, Item> b = IndexedZSet.builder(layout);
        b.add("us", new Item("cy", 3), 1);
        b.add("fr", new Item("ada", 1), 2);
        b.add("us", new Item("bob", 2), -1);
        return b.build();
    }

    @Test
    void indexedZSetsUnderOtherOrdersAreEqualAndMapKeysToTheirValues() {
        IndexedZSet<String, Item> natural = orders(Layout.objectsToObjects());
        IndexedZSet<String, Item> reversed = orders(
                Layout.indexed(ColumnKind.OBJECT, Comparator.<String>reverseOrder(), ColumnKind.OBJECT, BY_NAME_DESC));
        assertSameContent(natural, reversed);
        assertEquals("{fr -> Item[name=ada, n=1] x2, us -> Item[name=bob, n=2] x-1, us -> Item[name=cy, n=3] x1}",
                reversed.toString());

        Map<String, ZSet<Item>> map = reversed.toMap();
        assertEquals(List.of("us", "fr"), List.copyOf(map.keySet()));   // the key order of its storage
        assertEquals(natural.lookup("us"), map.get("us"));
        assertEquals(build(ZSet.builder(), List.of(new Item("ada", 1)), List.of(2L)), map.get("fr"));
        assertEquals(natural.toMap(), map);
    }

    @Test
    void toMapOfLongColumnsAndOfTheEmptyIndexedZSet() {
        IndexedZSet<Long, Long> z = IndexedZSet.<Long, Long>builder(Layout.longToLongs())
                .add(2L, 7L, 1).add(1L, 5L, 3).add(2L, 6L, -2).build();
        Map<Long, ZSet<Long>> map = z.toMap();
        assertEquals(List.of(1L, 2L), List.copyOf(map.keySet()));
        assertEquals(build(ZSet.longBuilder(), List.of(6L, 7L), List.of(-2L, 1L)), map.get(2L));
        assertTrue(IndexedZSet.empty(Layout.longToLongs()).toMap().isEmpty());
    }
}
