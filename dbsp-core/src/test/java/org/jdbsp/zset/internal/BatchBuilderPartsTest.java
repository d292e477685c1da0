package org.jdbsp.zset.internal;

import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdbsp.testing.Seeded;
import org.jdbsp.zset.Layout;
import org.junit.jupiter.api.Test;

/**
 * Cutting a builder's raw tuples into parts and gathering parts again ({@link BatchBuilder#takeAppendedByPart},
 * {@link BatchBuilder#addAppended}), as a map does when it exchanges before consolidating: every tuple lands
 * in its part, and the parts gathered consolidate to the batch the whole would have built.
 */
class BatchBuilderPartsTest {
    @Test
    void partsHoldEveryTupleOnceAndGatherBackToTheSameBatch() {
        Seeded.trials("builder parts", 200, r -> {
            boolean objects = r.nextBoolean();
            Layout layout = objects ? Layout.objectsToObjects() : Layout.longToLongs();
            int n = r.nextInt(300);
            int count = 1 + r.nextInt(4);
            BatchBuilder whole = new BatchBuilder(layout, 1);
            BatchBuilder reference = new BatchBuilder(layout, 1);
            int[] parts = new int[n];
            BatchBuilder[] expectedParts = new BatchBuilder[count];
            for (int p = 0; p < count; p++) {
                expectedParts[p] = new BatchBuilder(layout, 1);
            }
            for (int i = 0; i < n; i++) {
                long k = r.nextInt(20);
                long v = r.nextInt(5);
                long w = r.nextInt(7) - 3;
                parts[i] = r.nextInt(count);
                for (BatchBuilder b : new BatchBuilder[] {whole, reference, expectedParts[parts[i]]}) {
                    if (objects) {
                        b.add("k" + k, "v" + v, w);
                    } else {
                        b.addLongLong(k, v, w);
                    }
                }
            }
            BatchBuilder[] cut = whole.takeAppendedByPart(parts, count);
            assertEquals(0, whole.size(), "the whole is handed over");
            BatchBuilder gathered = new BatchBuilder(layout, 1);
            for (int p = 0; p < count; p++) {
                assertEquals(expectedParts[p].size(), cut[p].size(), "part " + p);
                gathered.addAppended(cut[p]);
                assertEquals(expectedParts[p].size(), cut[p].size(), "gathering leaves a part as it was");
                assertTrue(expectedParts[p].build().contentEquals(cut[p].build()), "part " + p + " holds its tuples");
            }
            assertEquals(n, gathered.size());
            Batch expected = reference.build();
            Batch actual = gathered.build();
            assertEquals(expected.size, actual.size);
            assertTrue(expected.contentEquals(actual), "gathered parts consolidate like the whole");
        });
    }
}
