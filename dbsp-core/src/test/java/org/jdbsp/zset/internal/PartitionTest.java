package org.jdbsp.zset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.jdbsp.testing.Seeded;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;

/**
 * Cutting a batch into the parts that get a tuple ({@link Partition#split}, counted by a reused
 * {@link PartCounts}): each part used appears once, holds exactly its tuples in order, and no empty part is made,
 * however many parts there are and whatever the previous cut with the same counts was.
 */
class PartitionTest {
    @Test
    void splitMakesOnlyThePartsUsedEachHoldingItsTuplesInOrder() {
        PartCounts counts = new PartCounts();
        Seeded.trials("partition", 300, r -> {
            boolean objects = r.nextBoolean();
            Layout layout = objects ? Layout.objectsToObjects() : Layout.longToLongs();
            BatchBuilder b = new BatchBuilder(layout, 1);
            int n = r.nextInt(200);
            for (int i = 0; i < n; i++) {
                if (objects) {
                    b.add("k" + r.nextInt(50), "v" + r.nextInt(3), 1 + r.nextInt(3));
                } else {
                    b.addLongLong(r.nextInt(50), r.nextInt(3), 1 + r.nextInt(3));
                }
            }
            Batch batch = b.build();
            int parts = 1 + r.nextInt(r.nextBoolean() ? 4 : 300);
            // few distinct parts out of many, as when a small batch is cut for many workers
            int[] choices = new int[1 + r.nextInt(3)];
            for (int c = 0; c < choices.length; c++) {
                choices[c] = r.nextInt(parts);
            }
            int[] partOf = new int[batch.size];
            for (int i = 0; i < batch.size; i++) {
                partOf[i] = choices[r.nextInt(choices.length)];
            }
            Batch[] out = Partition.split(batch, partOf, parts, counts);
            assertEquals(out.length, counts.used());
            Set<Integer> seen = new HashSet<>();
            int total = 0;
            for (int k = 0; k < out.length; k++) {
                int p = counts.part(k);
                assertTrue(seen.add(p), "part " + p + " appears once");
                assertTrue(out[k].size > 0, "no empty part is made");
                BatchBuilder expected = new BatchBuilder(layout, 1);
                for (int i = 0; i < batch.size; i++) {
                    if (partOf[i] == p) {
                        expected.addFrom(batch, i, batch.weights[i]);
                    }
                }
                Batch e = expected.build();
                assertEquals(e.size, out[k].size, "part " + p);
                assertTrue(e.contentEquals(out[k]), "part " + p + " holds its tuples");
                total += out[k].size;
            }
            assertEquals(batch.size, total);
            if (out.length == 1) {
                assertSame(batch, out[0], "a batch going whole to one part is not copied");
            }
        });
    }
}
