package org.jdbsp.operators.aggregate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The aggregates' group index: long and object keys, forgetting by time, copies. */
class GroupSlotsTest {
    private record Pair(long time, String key) {}

    @Test
    void aLongObjectKeyIsTheSameGroupAsTheUnboxedLong() {
        GroupSlots s = new GroupSlots();
        s.putLong(1_000_000L, 3);
        s.put("a", 4);
        assertEquals(3, s.slotOf(Long.valueOf(1_000_000L)));
        assertEquals(4, s.slotOf("a"));
        assertEquals(GroupSlots.NONE, s.slotOfLong(5));
        assertEquals(GroupSlots.NONE, s.slotOf("b"));
        s.remove(Long.valueOf(1_000_000L));
        assertEquals(GroupSlots.NONE, s.slotOfLong(1_000_000L));
        assertEquals(1, s.size());
    }

    @Test
    void forgettingBelowABoundReleasesExactlyTheGroupsBelowItAndReturnsTheLeastTimeLeft() {
        GroupSlots longs = new GroupSlots();
        for (int k = 0; k < 10; k++) {
            longs.putLong(k * 10L, k);
        }
        IntArrayList released = new IntArrayList();
        assertEquals(50, longs.forgetBelow(50, null, released::add));
        released.sort(null);
        assertEquals(List.of(0, 1, 2, 3, 4), released);
        assertEquals(5, longs.size());

        GroupSlots pairs = new GroupSlots();
        pairs.put(new Pair(7, "x"), 0);
        pairs.put(new Pair(9, "y"), 1);
        released.clear();
        assertEquals(9, pairs.forgetBelow(8, k -> ((Pair) k).time(), released::add));
        assertEquals(List.of(0), released);
        assertThrows(IllegalStateException.class, () -> pairs.forgetBelow(100, null, released::add));
    }

    @Test
    void aCopyIsIndependentAndForEachGivesEveryKeyOnce() {
        GroupSlots s = new GroupSlots();
        s.putLong(1, 10);
        s.put("k", 11);
        GroupSlots c = s.copy();
        s.removeLong(1);
        assertEquals(GroupSlots.NONE, c.slotOfLong(7));
        Map<Object, Integer> seen = new HashMap<>();
        c.forEach((key, slot) -> assertEquals(null, seen.put(key, slot)));
        assertEquals(Map.of(1L, 10, "k", 11), seen);
        assertEquals(1, s.size());
    }
}
