package org.jdbsp.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbsp.zset.IndexedZSet;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

class ZSetsTest {
    record Order(long id, String customer) {}

    @Test
    void aLiteralHoldsItsPairsAndReadsBackAsTheSameLiteral() {
        ZSet<Order> z = ZSets.of(new Order(1, "ada"), 1, new Order(2, "bo"), -3L);
        assertEquals(Map.of(new Order(1, "ada"), 1L, new Order(2, "bo"), -3L), z.toMap());
        Object[] back = z.toMap().entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
        assertEquals(z, ZSets.of(back));
        assertEquals(z, ZSets.fromMap(z.toMap()));
    }

    @Test
    void repeatsAddUpAndZerosVanish() {
        assertEquals(Map.of("a", 3L), ZSets.of("a", 1, "b", 2, "a", 2, "b", -2).toMap());
        assertTrue(ZSets.of("a", 0).isEmpty());
    }

    @Test
    void longLiteralsUseALongColumnAndEqualTheSameBoxedLiteral() {
        ZSet<Long> z = ZSets.longs(7, 1, 9, -2, 7, 1);
        assertEquals(Layout.LONGS, z.layout());
        assertEquals(Map.of(7L, 2L, 9L, -2L), z.toMap());
        assertEquals(ZSets.of(7L, 2, 9L, -2), z);
    }

    @Test
    void indexedLiteralsHoldTheirTriplesInAnyLayout() {
        IndexedZSet<String, Long> z = ZSets.indexed("fr", 2500L, 1, "us", 5500L, 1, "fr", 2500L, 1);
        Map<String, ZSet<Long>> expected = new LinkedHashMap<>();
        expected.put("fr", ZSets.of(2500L, 2));
        expected.put("us", ZSets.of(5500L, 1));
        assertEquals(expected, z.toMap());
        IndexedZSet<Long, Long> longs = ZSets.indexed(Layout.longToLongs(), 1L, 2L, 1, 1L, 3L, -1);
        assertEquals(ZSets.indexed(1L, 3L, -1, 1L, 2L, 1), longs);
    }

    @Test
    void malformedLiteralsAreRefusedNamingTheArgument() {
        assertEquals("ZSets.of takes (record, weight) pairs; got 3 arguments, the last record has no weight",
                assertThrows(IllegalArgumentException.class, () -> ZSets.of("a", 1, "b")).getMessage());
        assertEquals("argument 1 should be a weight (an int or a long) but is String x",
                assertThrows(IllegalArgumentException.class, () -> ZSets.of("a", "x")).getMessage());
        assertEquals("argument 3 should be a weight (an int or a long) but is Double 1.5",
                assertThrows(IllegalArgumentException.class, () -> ZSets.of("a", 1, "b", 1.5)).getMessage());
        assertEquals("argument 2 is a null record (a Z-set holds no nulls)",
                assertThrows(IllegalArgumentException.class, () -> ZSets.of("a", 1, null, 1)).getMessage());
        assertEquals("ZSets.longs takes (value, weight) pairs; got 1 arguments, the last value has no weight",
                assertThrows(IllegalArgumentException.class, () -> ZSets.longs(4)).getMessage());
        assertEquals("ZSets.indexed takes (key, value, weight) triples; got 2 arguments",
                assertThrows(IllegalArgumentException.class, () -> ZSets.indexed("k", "v")).getMessage());
    }
}
