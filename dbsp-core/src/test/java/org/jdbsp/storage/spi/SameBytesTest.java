package org.jdbsp.storage.spi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.jdbsp.storage.spi.BatchFileTestData.Color;
import org.jdbsp.storage.spi.BatchFileTestData.Rec;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same batch writes the same bytes: again, and when its records hold fresh copies of the strings instead of the
 * same string objects over and over (the writer's shortcuts for strings it met before change no byte).
 */
class SameBytesTest {
    private static final Layout LONG_TO_RECS = Layout.indexed(ColumnKind.LONG, null, ColumnKind.OBJECT, BatchFileTestData.REC_ORDER);

    @TempDir
    Path dir;

    /** Keys 0..n-1, each with one record whose text is drawn from {@code pool} (copied when {@code copies}). */
    private static Batch batch(long seed, String[] pool, int n, boolean copies) {
        SplittableRandom r = new SplittableRandom(seed);
        BatchBuilder b = new BatchBuilder(LONG_TO_RECS);
        for (int i = 0; i < n; i++) {
            String text = pool[r.nextInt(3) == 0 ? r.nextInt(pool.length) : r.nextInt(4)];
            if (r.nextInt(5) == 0) {
                text = text + i; // a string that never repeats
            }
            Rec rec = new Rec(copies ? new String(text.toCharArray()) : text, i, null, Color.values()[r.nextInt(3)]);
            b.addBoxed((long) i, rec, 1 + r.nextInt(3));
        }
        return b.build();
    }

    private byte[] bytesOf(Batch batch) throws IOException {
        BatchFileInfo info = BatchFileTestData.write(dir, batch, BatchFileWriter.DEFAULT_BLOCK_SIZE);
        byte[] bytes = Files.readAllBytes(info.path());
        Files.delete(info.path());
        return bytes;
    }

    @Test
    void aBatchWritesTheSameBytesWhetherItsStringsAreSharedObjectsOrCopies() throws IOException {
        String[] pool = new String[2000];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = (i % 2 == 0 ? "channel-" : "https://www.example.org/item?id=") + i;
        }
        byte[] shared = bytesOf(batch(9, pool, 30_000, false));
        assertArrayEquals(shared, bytesOf(batch(9, pool, 30_000, false)), "the same batch again");
        assertArrayEquals(shared, bytesOf(batch(9, pool, 30_000, true)), "the batch with copies of its strings");
        assertTrue(shared.length > 0);
    }
}
