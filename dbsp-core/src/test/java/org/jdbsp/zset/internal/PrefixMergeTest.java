package org.jdbsp.zset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.jdbsp.zset.spi.Merging;
import org.junit.jupiter.api.Test;

/**
 * Merges of record batches in their natural order (hash code first) compare the records' hash codes as longs,
 * drawn once per tuple or carried from the consolidation that sorted by them, and call the comparator only
 * among equal hash codes: the sum of two consolidated batches is the consolidation of both, and a merge of
 * batches that came out of a sort by prefixes hashes no record (the gather of an output merged every worker's
 * part on worker 0 computing two hash codes per comparison).
 */
class PrefixMergeTest {
    static final AtomicLong HASHES = new AtomicLong();

    /** A record that counts its hash codes; records of different ids hash apart. */
    record Counted(long id, String name) {
        @Override
        public int hashCode() {
            HASHES.incrementAndGet();
            return (int) id;
        }
    }

    private static Batch consolidated(List<Counted> records, List<Long> weights) {
        BatchBuilder b = new BatchBuilder(Layout.OBJECTS);
        for (int i = 0; i < records.size(); i++) {
            b.add(records.get(i), weights.get(i));
        }
        return b.build();
    }

    @Test
    void mergingConsolidatedRecordBatchesHashesNothingAndEqualsTheConsolidationOfBoth() {
        long seed = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int trial = 0; trial < 20; trial++) {
            List<Counted> ra = new ArrayList<>();
            List<Long> wa = new ArrayList<>();
            List<Counted> rb = new ArrayList<>();
            List<Long> wb = new ArrayList<>();
            int n = 200 + rnd.nextInt(3_000);
            for (int i = 0; i < n; i++) {
                // even ids in a, odd ones in b: no two tuples of a and b have one hash code
                int id = rnd.nextInt(n);
                Counted r = new Counted(id, "s" + rnd.nextInt(5));
                long w = rnd.nextBoolean() ? 1 : -1;
                if (id % 2 == 0) {
                    ra.add(r);
                    wa.add(w);
                } else {
                    rb.add(r);
                    wb.add(w);
                }
            }
            Batch a = consolidated(ra, wa);
            Batch b = consolidated(rb, wb);
            List<Counted> all = new ArrayList<>(ra);
            all.addAll(rb);
            List<Long> allWeights = new ArrayList<>(wa);
            allWeights.addAll(wb);
            Batch expected = consolidated(all, allWeights);

            HASHES.set(0);
            Batch sum = Merging.plus(a, b);
            assertEquals(0, HASHES.get(), "hash codes computed by the merge, seed " + seed);
            assertSame(expected, sum, seed);

            // merged again, the result still carries its prefixes: only tuples of equal hash codes (a's, which
            // cancel) are compared by the comparator, which asks each record's hash code again
            HASHES.set(0);
            Batch twice = Merging.minus(sum, a);
            assertTrue(HASHES.get() <= 2L * a.size, "hash codes computed by the second merge: " + HASHES.get()
                    + ", seed " + seed);
            assertSame(b, twice, seed);
        }
    }

    @Test
    void batchesWithoutPrefixesHashEachTupleOnce() {
        BatchBuilder ab = new BatchBuilder(Layout.OBJECTS);
        BatchBuilder bb = new BatchBuilder(Layout.OBJECTS);
        for (int i = 0; i < 50; i++) {
            ab.add(new Counted(2 * i, "a"), 1);
            bb.add(new Counted(2 * i + 1, "b"), 1);
        }
        // under the prefix-sort threshold: consolidated by the comparator, no prefixes kept
        Batch a = ab.build();
        Batch b = bb.build();
        HASHES.set(0);
        Batch sum = Merging.plus(a, b);
        assertEquals(a.size + b.size, HASHES.get(), "hash codes computed");
        assertEquals(100, sum.size);
        for (int i = 1; i < sum.size; i++) {
            assertTrue(Orders.natural().compare(sum.objKeys[i - 1], sum.objKeys[i]) < 0, "out of order at " + i);
        }
    }

    private static void assertSame(Batch expected, Batch actual, long seed) {
        assertEquals(expected.size, actual.size, "size, seed " + seed);
        for (int i = 0; i < expected.size; i++) {
            assertEquals(expected.objKeys[i], actual.objKeys[i], "key " + i + ", seed " + seed);
            assertEquals(expected.weights[i], actual.weights[i], "weight " + i + ", seed " + seed);
        }
    }
}
