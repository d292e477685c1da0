package org.jdbsp.zset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.jdbsp.zset.spi.Batch;
import org.junit.jupiter.api.Test;

/**
 * Consolidation of record keys in their natural order (hash code first), which sorts large runs by
 * precomputed hash codes: the result must be sorted, free of duplicates, and sum the weights exactly, also
 * when many records share a hash code and when classes are mixed.
 */
class RecordConsolidationTest {
    record Plain(long id, String name) {}

    /** A record whose hash codes collide a lot, so equal-hash runs must be ordered by the components. */
    record Colliding(long id, String name) {
        @Override
        public int hashCode() {
            return (int) (id % 3);
        }
    }

    @Test
    void largeRunsOfRecordsConsolidateLikeAMap() {
        long seed = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int trial = 0; trial < 20; trial++) {
            int n = 1 + rnd.nextInt(5_000);
            int distinct = 1 + rnd.nextInt(n);
            ZSetBuilder<Object> zb = ZSet.builder();
            IndexedZSetBuilder<Object, Object> ib = IndexedZSet.builder(Layout.objectsToObjects());
            Map<Object, Long> expected = new HashMap<>();
            Map<Map.Entry<Object, Object>, Long> expectedPairs = new HashMap<>();
            boolean mixed = trial % 4 == 3;
            for (int i = 0; i < n; i++) {
                long id = rnd.nextInt(distinct);
                Object r = switch (trial % 3) {
                    case 0 -> new Plain(id, "n" + id % 7);
                    case 1 -> new Colliding(id, "n" + id % 7);
                    default -> mixed && rnd.nextBoolean() ? new Plain(id, "m") : new Colliding(id, "m");
                };
                long w = rnd.nextInt(5) - 2;
                zb.add(r, w);
                expected.merge(r, w, Long::sum);
                Object v = new Plain(rnd.nextInt(3), "v");
                ib.add(r, v, w);
                expectedPairs.merge(Map.entry(r, v), w, Long::sum);
            }
            expected.values().removeIf(w -> w == 0);
            expectedPairs.values().removeIf(w -> w == 0);
            String context = "seed " + seed + ", trial " + trial;

            ZSet<Object> z = zb.build();
            assertEquals(expected, z.toMap(), context);
            assertSorted(z.batch(), context);

            IndexedZSet<Object, Object> iz = ib.build();
            Batch b = iz.batch();
            assertEquals(expectedPairs.size(), b.size, context);
            for (int i = 0; i < b.size; i++) {
                assertEquals(expectedPairs.get(Map.entry(b.objKeys[i], b.objValues[i])), b.weights[i], context);
            }
            assertSorted(b, context);
        }
    }

    private static void assertSorted(Batch b, String context) {
        for (int i = 1; i < b.size; i++) {
            assertTrue(b.compareTuples(i - 1, b, i) < 0, context + ": tuples " + (i - 1) + " and " + i + " out of order");
        }
    }
}
