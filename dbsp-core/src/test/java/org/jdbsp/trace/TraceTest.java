package org.jdbsp.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbsp.testing.RefZSet;
import org.jdbsp.testing.Seeded;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;

/** The spine keeps the integral exactly, stays logarithmic, seeks across batches, and drops keys below a bound. */
class TraceTest {
    /** A new empty trace of the tests: on the heap here; subclasses run every test on other traces. */
    Trace newTrace(Layout layout) {
        return new Trace(layout);
    }

    private static Batch randomBatch(java.util.SplittableRandom r, int n, int keys) {
        BatchBuilder b = new BatchBuilder(Layout.longToLongs());
        for (int i = 0; i < n; i++) {
            b.addLongLong(r.nextInt(keys), r.nextInt(3), r.nextInt(7) - 3);
        }
        return b.build();
    }

    /** 20 tuples with keys and values in 0..99. */
    private static Batch randomValues(java.util.SplittableRandom r) {
        BatchBuilder b = new BatchBuilder(Layout.longToLongs());
        for (int i = 0; i < 20; i++) {
            b.addLongLong(r.nextInt(100), r.nextInt(100), 1 + r.nextInt(2));
        }
        return b.build();
    }

    /** Everything a cursor of {@code t} reads (long keys and values). */
    static RefZSet readAll(Trace t) {
        RefZSet out = new RefZSet();
        TraceCursor c = t.cursor();
        while (c.nextKey()) {
            while (c.nextValue()) {
                out.add(List.of(c.longKey(), c.longValue()), c.weight());
            }
        }
        return out;
    }

    @Test
    void cursorReadsTheConsolidatedIntegral() {
        Seeded.trials("trace integral", 100, r -> {
            Trace t = newTrace(Layout.longToLongs());
            RefZSet expected = new RefZSet();
            int keys = 1 + r.nextInt(50);
            for (int step = r.nextInt(40); step > 0; step--) {
                Batch b = randomBatch(r, r.nextInt(30), keys);
                t.insert(b);
                for (int i = 0; i < b.size; i++) {
                    expected.add(List.of(b.longKeys[i], b.longValues[i]), b.weights[i]);
                }
                assertEquals(expected, readAll(t));
            }
            RefZSet viaBatch = new RefZSet();
            Batch all = t.consolidated();
            for (int i = 0; i < all.size; i++) {
                viaBatch.add(List.of(all.longKeys[i], all.longValues[i]), all.weights[i]);
            }
            assertEquals(expected, viaBatch);
            assertTrue(t.batchCount() <= 1);
        });
    }

    @Test
    void seeksFindEveryKeyAcrossBatches() {
        Seeded.trials("trace seeks", 100, r -> {
            Trace t = newTrace(Layout.longToLongs());
            TreeMap<Long, Long> sums = new TreeMap<>();
            for (int step = 1 + r.nextInt(20); step > 0; step--) {
                Batch b = randomBatch(r, r.nextInt(40), 60);
                t.insert(b);
                for (int i = 0; i < b.size; i++) {
                    sums.merge(b.longKeys[i] * 10 + b.longValues[i], b.weights[i], Long::sum);
                }
            }
            TraceCursor c = t.cursor();
            for (long key = 0; key < 60; key += 1 + r.nextInt(3)) {
                c.seekLongKey(key);
                Map<Long, Long> seen = new TreeMap<>();
                while (c.nextValue()) {
                    assertEquals(key, c.longKey());
                    seen.put(c.longValue(), c.weight());
                }
                Map<Long, Long> expected = new TreeMap<>();
                for (Map.Entry<Long, Long> e : sums.subMap(key * 10, key * 10 + 10).entrySet()) {
                    if (e.getValue() != 0) {
                        expected.put(e.getKey() - key * 10, e.getValue());
                    }
                }
                assertEquals(expected, seen, "values of key " + key);
                c.seekLongKey(key);
                int again = 0;
                while (c.nextValue()) {
                    again++;
                }
                assertEquals(expected.size(), again, "seeking the same key again restarts it");
            }
        });
    }

    @Test
    void spineStaysLogarithmic() {
        Trace t = newTrace(Layout.LONGS);
        java.util.SplittableRandom r = new java.util.SplittableRandom(7);
        for (int step = 0; step < 2000; step++) {
            BatchBuilder b = new BatchBuilder(Layout.LONGS);
            for (int i = 0; i < 100; i++) {
                b.addLong(r.nextLong(), 1);
            }
            t.insert(b.build());
            long n = t.storedTuples();
            int bound = 2 * (64 - Long.numberOfLeadingZeros(n)) + 2;
            assertTrue(t.batchCount() <= bound, "batches " + t.batchCount() + " for " + n + " tuples");
        }
        assertEquals(200_000, t.storedTuples());
    }

    @Test
    void keysBelowTheBoundVanishFromCursorsAndMerges() {
        Trace t = newTrace(Layout.longToLongs());
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        for (int i = 0; i < 30; i++) {
            t.insert(randomBatch(r, 20, 100));
        }
        RefZSet before = readAll(t);
        t.dropKeysBelow(50L);
        RefZSet after = readAll(t);
        RefZSet expected = new RefZSet();
        before.map().forEach((k, w) -> {
            if ((Long) ((List<?>) k).get(0) >= 50) {
                expected.add(k, w);
            }
        });
        assertEquals(expected, after, "cursors hide dropped keys at once");
        TraceCursor c = t.cursor();
        assertFalse(c.seekLongKey(10), "a dropped key cannot be sought");
        t.compact();
        Batch all = t.consolidated();
        for (int i = 0; i < all.size; i++) {
            assertTrue(all.longKeys[i] >= 50, "merges drop keys below the bound");
        }
        t.dropKeysBelow(20L);
        t.insert(randomBatch(r, 50, 100));
        t.compact();
        all = t.consolidated();
        for (int i = 0; i < all.size; i++) {
            assertTrue(all.longKeys[i] >= 50, "the bound never goes down");
        }
    }

    @Test
    void valuesBelowTheValueBoundAreDroppedByMergesAndCompaction() {
        Trace t = newTrace(Layout.longToLongs());
        java.util.function.ToLongFunction<Object> time = v -> (Long) v;
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        for (int i = 0; i < 30; i++) {
            t.insert(randomValues(r));
        }
        RefZSet before = readAll(t);
        t.dropValuesBelow(60, time);
        assertEquals(before, readAll(t), "cursors are not filtered: tuples go only when merged");
        t.dropValuesBelow(40, time);
        for (int i = 0; i < 30; i++) {
            t.insert(randomValues(r));
        }
        RefZSet mixed = readAll(t);
        t.compact();
        RefZSet expected = new RefZSet();
        mixed.map().forEach((k, w) -> {
            if ((Long) ((List<?>) k).get(1) >= 60) {
                expected.add(k, w);
            }
        });
        assertTrue(expected.map().size() > 100 && expected.map().size() < before.map().size(), "a meaningful test");
        assertEquals(expected, readAll(t), "compaction keeps exactly the values at or above the highest bound");
        Batch all = t.consolidated();
        for (int i = 0; i < all.size; i++) {
            assertTrue(all.longValues[i] >= 60);
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> t.dropValuesBelow(70, v -> 0L),
                "one time function per trace");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> newTrace(Layout.LONGS).dropValuesBelow(1, time), "a plain Z-set has no values");
    }

    @Test
    void theValueTimeIsComputedOncePerTupleNotAtEveryMerge() {
        Trace t = newTrace(Layout.longToLongs());
        long[] calls = {0};
        java.util.function.ToLongFunction<Object> time = v -> {
            calls[0]++;
            return (Long) v;
        };
        java.util.SplittableRandom r = new java.util.SplittableRandom(11);
        long inserted = 0;
        t.insert(randomValues(r));
        inserted += t.storedTuples();
        t.dropValuesBelow(10, time);
        t.dropKeysBelow(5L);
        RefZSet reference = new RefZSet();
        reference.addAll(readAll(t));
        for (int i = 0; i < 60; i++) {
            Batch b = randomValues(r);
            inserted += b.size;
            for (int k = 0; k < b.size; k++) {
                reference.add(List.of(b.longKeys[k], b.longValues[k]), b.weights[k]);
            }
            t.insert(b);
        }
        Trace copy = t.fork();
        t.compact();
        assertTrue(calls[0] <= inserted, "the time function ran " + calls[0] + " times for " + inserted + " tuples inserted");
        RefZSet expected = new RefZSet();
        reference.map().forEach((k, w) -> {
            List<?> kv = (List<?>) k;
            if ((Long) kv.get(0) >= 5 && (Long) kv.get(1) >= 10) {
                expected.add(k, w);
            }
        });
        assertEquals(expected, readAll(t), "both bounds apply to the merged tuples");
        copy.dropValuesBelow(50, time);
        copy.compact();
        assertTrue(readAll(copy).map().keySet().stream().allMatch(k -> (Long) ((List<?>) k).get(1) >= 50),
                "a fork keeps the times of its batches and applies its own bound");
        assertEquals(expected, readAll(t), "forgetting more in a fork leaves the original as it was");
    }

    @Test
    void aTimeFunctionThatFailsLeavesTheTraceAsItWas() {
        Trace t = newTrace(Layout.longToLongs());
        java.util.function.ToLongFunction<Object> time = v -> {
            if ((Long) v == 99) {
                throw new IllegalArgumentException("no time for 99");
            }
            return (Long) v;
        };
        t.dropValuesBelow(10, time);
        java.util.SplittableRandom r = new java.util.SplittableRandom(3);
        RefZSet expected = new RefZSet();
        for (int i = 0; i < 20; i++) {
            Batch b = randomValues(r);
            BatchBuilder kept = new BatchBuilder(Layout.longToLongs());
            for (int k = 0; k < b.size; k++) {
                if (b.longValues[k] != 99) {
                    kept.addLongLong(b.longKeys[k], b.longValues[k], b.weights[k]);
                    if (b.longValues[k] >= 10) {
                        expected.add(List.of(b.longKeys[k], b.longValues[k]), b.weights[k]);
                    }
                }
            }
            BatchBuilder bad = new BatchBuilder(Layout.longToLongs());
            bad.addLongLong(1, 99, 1);
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> t.insert(bad.build()));
            t.insert(kept.build());
        }
        t.compact();
        assertEquals(expected, readAll(t), "failed inserts left nothing behind, later merges still work");
    }

    @Test
    void objectKeysWorkLikeLongKeys() {
        Trace t = newTrace(Layout.objectsToObjects());
        BatchBuilder b = new BatchBuilder(Layout.objectsToObjects());
        b.add("b", "x", 1);
        b.add("a", "y", 2);
        t.insert(b.build());
        b.add("b", "x", -1);
        b.add("c", "z", 1);
        t.insert(b.build());
        List<String> seen = new ArrayList<>();
        TraceCursor c = t.cursor();
        while (c.nextKey()) {
            while (c.nextValue()) {
                seen.add(c.key() + "" + c.value() + c.weight());
            }
        }
        assertEquals(List.of("ay2", "cz1"), seen);
        t.dropKeysBelow("b");
        c = t.cursor();
        assertFalse(c.seekKey("a"));
        assertTrue(c.seekKey("c"));
    }

    @Test
    void forkIsIndependent() {
        Trace t = newTrace(Layout.LONGS);
        BatchBuilder b = new BatchBuilder(Layout.LONGS);
        b.addLong(1, 1);
        t.insert(b.build());
        Trace copy = t.fork();
        b.addLong(2, 1);
        t.insert(b.build());
        assertEquals(1, copy.storedTuples());
        assertEquals(2, t.storedTuples());
    }
}
