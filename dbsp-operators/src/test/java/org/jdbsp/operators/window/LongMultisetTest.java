package org.jdbsp.operators.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.jdbsp.testkit.Trials;

/** The multiset behind windowed MIN and MAX, against a TreeMap of net multiplicities. */
class LongMultisetTest {
    @Test
    void minMaxAndEmptinessMatchATreeMapUnderInsertionsDeletionsAndOverDeletions() {
        Trials.run("long multiset", 40, r -> {
            LongMultiset set = new LongMultiset();
            TreeMap<Long, Long> ref = new TreeMap<>();
            HashSet<Long> seen = new HashSet<>();
            LongMultiset fork = null;
            TreeMap<Long, Long> forkRef = null;
            int ops = 1 + r.nextInt(3_000);
            int range = 1 + r.nextInt(r.nextBoolean() ? 20 : 100_000);
            int deletePercent = r.nextInt(4) == 0 ? 0 : r.nextInt(50);
            for (int i = 0; i < ops; i++) {
                long v = r.nextInt(range) - range / 2;
                long w;
                if (r.nextInt(100) < deletePercent && !ref.isEmpty()) {
                    // usually delete something present, sometimes something absent (a negative multiplicity)
                    Long present = ref.ceilingKey(ref.firstKey() + r.nextInt(range));
                    v = r.nextInt(10) == 0 ? v : present != null ? present : ref.lastKey();
                    w = -(1 + r.nextInt(2));
                } else {
                    w = 1 + r.nextInt(3);
                }
                set.add(v, w);
                seen.add(v);
                ref.merge(v, w, (a, b) -> a + b == 0 ? null : a + b);
                if (r.nextInt(5) == 0) {
                    check(set, ref, "after " + (i + 1) + " changes");
                }
                if (fork == null && i == ops / 2) {
                    fork = set.copy();
                    forkRef = new TreeMap<>(ref);
                }
            }
            check(set, ref, "at the end");
            assertTrue(set.entries() < 2 * seen.size() + 16, "log of " + set.entries() + " entries for "
                    + seen.size() + " distinct values ever added");
            if (fork != null) {
                check(fork, forkRef, "the copy, unaffected by later changes");
            }
        });
    }

    private static void check(LongMultiset set, TreeMap<Long, Long> ref, String where) {
        assertEquals(ref.isEmpty(), set.isEmpty(), "empty, " + where);
        if (!ref.isEmpty()) {
            assertEquals(ref.firstKey(), set.min(), "min, " + where);
            assertEquals(ref.lastKey(), set.max(), "max, " + where);
        }
    }
}
