package org.jdbsp.operators.aggregate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbsp.testkit.Trials;
import org.junit.jupiter.api.Test;

/**
 * The (time, key) group index against a {@link HashMap} of pairs: insertions, removals (backward shifts through
 * crowded runs), forgetting below a time, long keys next to object keys with colliding hashes, slots reused after
 * they are freed, the pairs read time by time, copies.
 */
class TimedKeySlotsTest {
    private record Pair(long time, Object key) {}

    /** An object key whose hash collides with others, so that probe runs are long. */
    private record Crowded(int id) {
        @Override
        public int hashCode() {
            return id % 3;
        }
    }

    @Test
    void behavesAsAMapOfPairsUnderRandomInsertsRemovalsAndForgetting() {
        Trials.run("TimedKeySlots", 200, r -> {
            TimedKeySlots slots = new TimedKeySlots();
            Map<Pair, Integer> expected = new HashMap<>();
            int nextSlot = 0;
            List<Integer> free = new ArrayList<>();
            List<Integer> freed = new ArrayList<>();
            for (int op = 0; op < 400; op++) {
                long time = r.nextInt(8) * 1_000L + (r.nextBoolean() ? Long.MIN_VALUE / 2 : 0);
                Object key = r.nextBoolean() ? (Object) (long) r.nextInt(40) : new Crowded(r.nextInt(40));
                int choice = r.nextInt(10);
                if (choice < 6) {
                    int pos = slots.probe(time, key);
                    Integer present = expected.get(new Pair(time, key));
                    assertEquals(present == null ? pos : (int) present, pos);
                    if (pos < 0) {
                        int slot = free.isEmpty() ? nextSlot++ : free.remove(free.size() - 1);
                        if (key instanceof Long) {
                            slots.insert(pos, time, (Long) key, null, slot);
                        } else {
                            slots.insert(pos, time, 0, key, slot);
                        }
                        expected.put(new Pair(time, key), slot);
                    }
                } else if (choice < 9) {
                    Integer want = expected.remove(new Pair(time, key));
                    assertEquals(want == null ? TimedKeySlots.NONE : want, slots.remove(time, key));
                    if (want != null) {
                        free.add(want);
                    }
                } else {
                    long bound = r.nextInt(9) * 1_000L + (r.nextBoolean() ? Long.MIN_VALUE / 2 : 0);
                    freed.clear();
                    slots.forgetBelow(bound, freed::add);
                    List<Integer> gone = new ArrayList<>();
                    expected.entrySet().removeIf(e -> {
                        boolean below = e.getKey().time() < bound;
                        if (below) {
                            gone.add(e.getValue());
                        }
                        return below;
                    });
                    assertEquals(gone.size(), freed.size(), "slots freed by forgetBelow(" + bound + ")");
                    assertTrue(freed.containsAll(gone));
                    free.addAll(freed);
                }
                assertEquals(expected, contents(slots));
                for (Map.Entry<Pair, Integer> e : expected.entrySet()) {
                    assertEquals(e.getValue(), slots.slot(e.getKey().time(), e.getKey().key()));
                }
            }
            TimedKeySlots copy = slots.copy();
            slots.clear(s -> { });
            assertEquals(0, slots.size());
            assertEquals(expected, contents(copy), "a copy keeps the pairs its original forgets");
        });
    }

    @Test
    void aLongKeyAndAnObjectKeyOfTheSameHashAreDifferentGroups() {
        TimedKeySlots slots = new TimedKeySlots();
        slots.put(5, 7L, 0);
        slots.put(5, "x", 1);
        assertEquals(0, slots.slot(5, 7L));
        assertEquals(1, slots.slot(5, "x"));
        assertEquals(TimedKeySlots.NONE, slots.slot(6, 7L));
        assertThrows(IllegalStateException.class, () -> slots.put(5, 7L, 2));
    }

    /** The pairs read time by time, each time's list walked both ways. */
    private static Map<Pair, Integer> contents(TimedKeySlots slots) {
        Map<Pair, Integer> m = new HashMap<>();
        long previousTime = Long.MIN_VALUE;
        boolean firstTime = true;
        for (long time : slots.times()) {
            assertTrue(firstTime || time > previousTime, "times ascend");
            firstTime = false;
            previousTime = time;
            int first = slots.firstOf(time);
            assertEquals(TimedKeySlots.NONE, slots.previous(first));
            int last = first;
            int n = 0;
            for (int g = first; g != TimedKeySlots.NONE; g = slots.next(g)) {
                assertEquals(null, m.put(new Pair(time, slots.key(g)), g), "a pair listed once");
                last = g;
                n++;
            }
            for (int g = last; g != TimedKeySlots.NONE; g = slots.previous(g)) {
                n--;
            }
            assertEquals(0, n, "the list of time " + time + " walked backwards");
        }
        assertEquals(m.size(), slots.size());
        return m;
    }
}
