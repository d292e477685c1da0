package org.jdbsp.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jdbsp.testing.Seeded;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;

/**
 * The delta-against-trace cursor reports, for every key of a change (or any key sought), each value held by
 * the trace or the change in value order with its weight before (trace) and after (trace + change), as a
 * reference built from maps says.
 */
class DeltaTraceCursorTest {
    /** (key, value) to weight, keys and values in order; zero weights are removed. */
    private static void add(TreeMap<Long, TreeMap<Long, Long>> m, long k, long v, long w) {
        TreeMap<Long, Long> g = m.computeIfAbsent(k, x -> new TreeMap<>());
        long s = g.getOrDefault(v, 0L) + w;
        if (s == 0) {
            g.remove(v);
        } else {
            g.put(v, s);
        }
        if (g.isEmpty()) {
            m.remove(k);
        }
    }

    private static Batch random(SplittableRandom r, int n, int keys, int values) {
        BatchBuilder b = new BatchBuilder(Layout.longToLongs());
        for (int i = 0; i < n; i++) {
            b.addLongLong(r.nextInt(keys), r.nextInt(values), r.nextInt(7) - 3);
        }
        return b.build();
    }

    /** What the cursor must report for key {@code k}: "value old new" for every value with a weight. */
    private static List<String> expected(TreeMap<Long, TreeMap<Long, Long>> integral, Batch delta, long k) {
        TreeMap<Long, long[]> g = new TreeMap<>();
        integral.getOrDefault(k, new TreeMap<>()).forEach((v, w) -> g.put(v, new long[] {w, w}));
        for (int i = 0; i < delta.size; i++) {
            if (delta.longKeys[i] == k) {
                g.computeIfAbsent(delta.longValues[i], v -> new long[2])[1] += delta.weights[i];
            }
        }
        List<String> out = new ArrayList<>();
        g.forEach((v, w) -> out.add(v + " " + w[0] + " " + w[1]));
        return out;
    }

    private static List<String> values(DeltaTraceCursor c) {
        List<String> out = new ArrayList<>();
        while (c.nextValue()) {
            assertFalse(c.oldWeight() == 0 && c.newWeight() == 0, "a value with no weight was reported");
            assertEquals(c.changed(), c.valueBatch() == c.delta(), "changed values are read from the change");
            out.add(c.longValue() + " " + c.oldWeight() + " " + c.newWeight());
        }
        return out;
    }

    @Test
    void walksEveryKeyOfTheChangeAgainstTheIntegral() {
        Seeded.trials("delta against trace", 200, r -> {
            Trace trace = new Trace(Layout.longToLongs());
            TreeMap<Long, TreeMap<Long, Long>> integral = new TreeMap<>();
            int keys = 1 + r.nextInt(20);
            int values = 1 + r.nextInt(10);
            for (int step = 1 + r.nextInt(12); step > 0; step--) {
                Batch delta = random(r, r.nextInt(40), keys, values);
                DeltaTraceCursor c = new DeltaTraceCursor(trace, delta);
                List<Long> visited = new ArrayList<>();
                while (c.nextKey()) {
                    long k = delta.longKeys[c.changeStart()];
                    visited.add(k);
                    assertEquals(expected(integral, delta, k), values(c), "key " + k);
                }
                List<Long> deltaKeys = new ArrayList<>();
                for (int i = 0; i < delta.size; i++) {
                    if (deltaKeys.isEmpty() || deltaKeys.get(deltaKeys.size() - 1) != delta.longKeys[i]) {
                        deltaKeys.add(delta.longKeys[i]);
                    }
                }
                assertEquals(deltaKeys, visited);
                trace.insert(delta);
                for (int i = 0; i < delta.size; i++) {
                    add(integral, delta.longKeys[i], delta.longValues[i], delta.weights[i]);
                }
            }
        });
    }

    @Test
    void seeksKeysTheChangeDoesNotHold() {
        Seeded.trials("delta against trace, seek", 200, r -> {
            Trace trace = new Trace(Layout.longToLongs());
            TreeMap<Long, TreeMap<Long, Long>> integral = new TreeMap<>();
            for (int step = 1 + r.nextInt(8); step > 0; step--) {
                Batch delta = random(r, r.nextInt(30), 15, 6);
                BatchBuilder probes = new BatchBuilder(Layout.longToLongs());
                for (int i = r.nextInt(10); i > 0; i--) {
                    probes.addLongLong(r.nextInt(17), 0, 1);
                }
                Batch keys = probes.build();
                DeltaTraceCursor c = new DeltaTraceCursor(trace, delta);
                for (int i = 0; i < keys.size; i = keys.endOfKey(i)) {
                    long k = keys.longKeys[i];
                    boolean held = c.seekKey(keys, i);
                    List<String> want = expected(integral, delta, k);
                    assertEquals(want, values(c), "key " + k);
                    if (!want.isEmpty()) {
                        assertTrue(held, "key " + k + " is held");
                    }
                    int inChange = 0;
                    for (int j = 0; j < delta.size; j++) {
                        inChange += delta.longKeys[j] == k ? 1 : 0;
                    }
                    assertEquals(inChange, c.changeEnd() - c.changeStart(), "the change's tuples of key " + k);
                }
                trace.insert(delta);
                for (int i = 0; i < delta.size; i++) {
                    add(integral, delta.longKeys[i], delta.longValues[i], delta.weights[i]);
                }
            }
        });
    }

    @Test
    void readsObjectKeysAndPlainZSets() {
        Trace trace = new Trace(Layout.zset(java.util.Comparator.naturalOrder()));
        BatchBuilder first = new BatchBuilder(trace.layout());
        first.add("a", 2);
        first.add("b", 1);
        trace.insert(first.build());
        BatchBuilder change = new BatchBuilder(trace.layout());
        change.add("b", -1);
        change.add("c", 3);
        DeltaTraceCursor c = new DeltaTraceCursor(trace, change.build());
        List<String> seen = new ArrayList<>();
        while (c.nextKey()) {
            while (c.nextChangedValue()) {
                seen.add(c.delta().key(c.changeStart()) + " " + c.oldWeight() + " " + c.newWeight());
            }
        }
        assertEquals(List.of("b 1 0", "c 0 3"), seen);
        assertNotEquals(0, trace.storedTuples());
    }
}
