package org.jdbsp.testkit;

import static org.jdbsp.testkit.ZSetAssertions.assertIndexedZSetEquals;
import static org.jdbsp.testkit.ZSetAssertions.assertWeightsEqual;
import static org.jdbsp.testkit.ZSetAssertions.assertZSetEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

class ZSetAssertionsTest {
    @Test
    void equalContentPassesWhateverTheLayoutOrOrder() {
        assertZSetEquals(ZSets.of(3L, 1, 1L, -2), ZSets.longs(1, -2, 3, 1));
        assertZSetEquals(ZSets.of("b", 1, "a", 1), ZSet.<String>builder(Comparator.reverseOrder()).add("a", 1).add("b", 1).build());
        assertIndexedZSetEquals(ZSets.indexed("k", 1L, 2), ZSets.indexed("k", 1L, 1, "k", 1L, 1));
        assertWeightsEqual("map", Map.of("a", 1L, "b", 0L), Map.of("a", 1L));
    }

    @Test
    void aMissingRecordIsListedAsMissing() {
        ZSetAssertionError e = assertThrows(ZSetAssertionError.class,
                () -> assertZSetEquals("view", ZSets.of("a", 1, "b", 1), ZSets.of("a", 1)));
        assertEquals("view: Z-sets differ, expected 2 records, actual 1\n  missing: b x1", e.getMessage());
        assertEquals(List.of("b"), e.diff().missing());
    }

    @Test
    void anExtraRecordIsListedAsExtra() {
        ZSetAssertionError e = assertThrows(ZSetAssertionError.class,
                () -> assertZSetEquals(ZSets.of("a", 1), ZSets.of("a", 1, "c", 2)));
        assertEquals("Z-set: Z-sets differ, expected 1 record, actual 2\n  extra:   c x2", e.getMessage());
        assertEquals(List.of("c"), e.diff().extra());
    }

    @Test
    void aWrongWeightIsListedWithBothWeights() {
        ZSetAssertionError e = assertThrows(ZSetAssertionError.class,
                () -> assertZSetEquals(ZSets.of("a", 1), ZSets.of("a", -1)));
        assertEquals("Z-set: Z-sets differ, expected 1 record, actual 1\n  weight:  a expected x1, actual x-1", e.getMessage());
    }

    @Test
    void everyKindIsListedInTheRecordsOrderAndTheValuesAreTheWholeContentsForADiffView() {
        ZSetAssertionError e = assertThrows(ZSetAssertionError.class,
                () -> assertZSetEquals(ZSets.longs(30, 1, 2, 1, 10, 1, 5, 5), ZSets.longs(5, 4, 100, 1, 20, -1)));
        assertEquals("Z-set: Z-sets differ, expected 4 records, actual 3\n"
                + "  missing: 2 x1\n  missing: 10 x1\n  missing: 30 x1\n"
                + "  extra:   20 x-1\n  extra:   100 x1\n"
                + "  weight:  5 expected x5, actual x4", e.getMessage());
        assertInstanceOf(AssertionError.class, e);
        assertEquals("2 x1\n5 x5\n10 x1\n30 x1\n", e.getExpected().getValue());
        assertEquals("5 x4\n20 x-1\n100 x1\n", e.getActual().getValue());
    }

    @Test
    void recordsWithoutANaturalOrderAreListedByTheirText() {
        record Pair(String a, int b) {}
        ZSetAssertionError e = assertThrows(ZSetAssertionError.class,
                () -> assertZSetEquals(ZSets.of(new Pair("z", 1), 1, new Pair("b", 2), 1), ZSets.of()));
        assertEquals("Z-set: Z-sets differ, expected 2 records, actual 0\n"
                + "  missing: Pair[a=b, b=2] x1\n  missing: Pair[a=z, b=1] x1", e.getMessage());
    }

    @Test
    void indexedTuplesAreListedAsKeyArrowValue() {
        ZSetAssertionError e = assertThrows(ZSetAssertionError.class,
                () -> assertIndexedZSetEquals("revenue", ZSets.indexed("fr", 2500L, 1, "us", 10L, 1), ZSets.indexed("fr", 5000L, 1, "us", 10L, 2)));
        assertEquals("revenue: Z-sets differ, expected 2 records, actual 2\n  missing: fr -> 2500 x1\n"
                + "  extra:   fr -> 5000 x1\n  weight:  us -> 10 expected x1, actual x2", e.getMessage());
    }

    @Test
    void longListsAreCutAfterTwentyRowsOfAKind() {
        ZSetAssertionError e = assertThrows(ZSetAssertionError.class,
                () -> assertWeightsEqual("many", Map.of(), java.util.stream.LongStream.range(0, 25).boxed()
                        .collect(java.util.stream.Collectors.toMap(x -> x, x -> 1L))));
        String[] lines = e.getMessage().split("\n");
        assertEquals(1 + ZSetDiff.ROWS_SHOWN + 1, lines.length);
        assertEquals("  extra:   19 x1", lines[20]);
        assertEquals("  extra:   ... and 5 more", lines[21]);
    }
}
