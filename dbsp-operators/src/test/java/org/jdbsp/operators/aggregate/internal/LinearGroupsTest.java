package org.jdbsp.operators.aggregate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The slot table shared by the ordinary linear aggregates and the windowed count and sum. */
class LinearGroupsTest {
    private static BigInteger count(LinearGroups g, int slot) {
        return Int128.toBigInteger(g.word(slot, 0), g.word(slot, 1));
    }

    private static BigInteger sum(LinearGroups g, int slot) {
        return Int128.toBigInteger(g.word(slot, 2), g.word(slot, 3));
    }

    @Test
    void countsAndSumsAreExactPastTheRangeOfLongAndComeBack() {
        LinearGroups g = new LinearGroups();
        int a = g.allocate();
        int b = g.allocate();
        g.addWeighted(a, Long.MAX_VALUE, Long.MAX_VALUE);
        g.addWeighted(a, Long.MAX_VALUE, Long.MAX_VALUE);
        g.addCount(b, 3);
        BigInteger max = BigInteger.valueOf(Long.MAX_VALUE);
        assertEquals(max.shiftLeft(1), count(g, a));
        assertEquals(max.multiply(max).shiftLeft(1), sum(g, a));
        assertEquals(BigInteger.valueOf(3), count(g, b), "slots are independent");
        g.addWeighted(a, -Long.MAX_VALUE, Long.MAX_VALUE);
        g.addWeighted(a, -Long.MAX_VALUE, Long.MAX_VALUE);
        assertTrue(g.isZero(a));
        assertFalse(g.isZero(b));
    }

    @Test
    void aReleasedSlotIsReusedZeroedAndACopyIsIndependent() {
        LinearGroups g = new LinearGroups();
        int[] slots = new int[100];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = g.allocate();
            g.addWeighted(slots[i], 1, i);
        }
        g.release(slots[7]);
        assertEquals(1, g.freeSlots());
        LinearGroups copy = g.copy();
        int again = g.allocate();
        assertEquals(slots[7], again, "the freed slot is taken first");
        assertTrue(g.isZero(again), "a reused slot starts at zero");
        g.addCount(slots[8], 5);
        assertEquals(BigInteger.valueOf(1), count(copy, slots[8]), "the copy does not see later changes");
        assertEquals(1, copy.freeSlots());
        assertEquals(100, g.used());
        long[] words = new long[LinearGroups.WORDS];
        g.get(slots[99], words);
        assertEquals(99, words[3]);
        int moved = copy.copyFrom(g, slots[8]);
        assertEquals(BigInteger.valueOf(6), count(copy, moved));
    }
}
