package org.jdbsp.operators.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;
import org.jdbsp.testkit.Trials;

/** Filtered distinct counts and maxima against per-filter maps of counts. */
class FilteredDistinctTest {
    @Test
    void distinctCountsAndMaximaFollowRandomInsertionsAndDeletions() {
        Trials.run("FilteredDistinct", 30, r -> {
            int filters = 1 + r.nextInt(4);
            FilteredDistinct set = new FilteredDistinct(filters);
            FilteredDistinct snapshot = null;
            long[] snapshotDistinct = new long[filters];
            List<Map<Long, Long>> naive = new ArrayList<>();
            for (int f = 0; f < filters; f++) {
                naive.add(new HashMap<>());
            }
            for (int op = 0; op < 400; op++) {
                long value = r.nextInt(25) - 5;
                int mask = 1 + r.nextInt((1 << filters) - 1);
                long weight = r.nextInt(3) == 0 ? -(1 + r.nextInt(2)) : 1 + r.nextInt(2);
                set.add(value, mask, weight);
                for (int f = 0; f < filters; f++) {
                    if ((mask & (1 << f)) != 0) {
                        naive.get(f).merge(value, weight, Long::sum);
                        naive.get(f).values().removeIf(w -> w == 0);
                    }
                }
                java.util.Set<Long> any = new java.util.HashSet<>();
                for (int f = 0; f < filters; f++) {
                    long distinct = naive.get(f).values().stream().filter(w -> w > 0).count();
                    assertEquals(distinct, set.distinct(f), "distinct in filter " + f + " after op " + op);
                    long max = naive.get(f).entrySet().stream().filter(e -> e.getValue() > 0).mapToLong(Map.Entry::getKey).max().orElse(Long.MIN_VALUE);
                    if (distinct > 0) {
                        assertEquals(max, set.max(f), "max in filter " + f + " after op " + op);
                    } else {
                        int ff = f;
                        assertThrows(NoSuchElementException.class, () -> set.max(ff));
                    }
                    any.addAll(naive.get(f).keySet());
                }
                assertEquals(any.size(), set.size(), "values held after op " + op);
                if (op == 200) {
                    snapshot = set.copy();
                    for (int f = 0; f < filters; f++) {
                        snapshotDistinct[f] = set.distinct(f);
                    }
                }
            }
            for (int f = 0; f < filters; f++) {
                assertEquals(snapshotDistinct[f], snapshot.distinct(f), "a copy does not follow later changes (filter " + f + ")");
            }
        });
    }

    @Test
    void badFiltersAreRefusedWithTheirNumbers() {
        FilteredDistinct set = new FilteredDistinct(3);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> set.add(1, 0b1000, 1));
        assertTrue(e.getMessage().contains("beyond 2"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> set.distinct(3));
        assertThrows(IllegalArgumentException.class, () -> new FilteredDistinct(0));
        assertThrows(IllegalArgumentException.class, () -> new FilteredDistinct(32));
    }

    @Test
    void countsThatLeaveTheIntRangeFail() {
        FilteredDistinct set = new FilteredDistinct(1);
        set.add(7, 1, Integer.MAX_VALUE);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> set.add(7, 1, 1));
        assertTrue(e.getMessage().contains("value 7"), e.getMessage());
    }
}
