package org.jdbsp.storage.spi;

import static org.jdbsp.storage.spi.BatchFileTestData.LAYOUTS;
import static org.jdbsp.storage.spi.BatchFileTestData.batch;
import static org.jdbsp.storage.spi.BatchFileTestData.open;
import static org.jdbsp.storage.spi.BatchFileTestData.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.Merging;
import org.jdbsp.testing.Seeded;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Batch files hold exactly the batch written, for every layout shape, and seek as the heap batch does. */
@Timeout(60)
class BatchFileTest {
    @TempDir
    Path dir;

    private static void assertSameTuples(Batch expected, BatchFile file) {
        assertEquals(expected.size, file.size());
        assertTrue(expected.contentEquals(file.toBatch()), () -> "file " + file.toBatch() + " != " + expected);
        for (int i = 0; i < expected.size; i++) {
            assertEquals(expected.key(i), file.key(i));
            assertEquals(expected.value(i), file.value(i));
            assertEquals(expected.weights[i], file.weight(i));
        }
        assertEquals(expected.isEmpty() ? null : expected.key(0), file.firstKey());
        assertEquals(expected.isEmpty() ? null : expected.key(expected.size - 1), file.lastKey());
    }

    @Test
    void randomBatchesOfEveryLayoutRoundTrip() {
        Seeded.trials("batch file round trip", 12, r -> {
            for (Layout l : LAYOUTS) {
                int n = List.of(0, 1, 255, 256, 257, 700).get(r.nextInt(6));
                Batch b = batch(r, l, n, 0);
                BatchFileInfo info = write(dir, b, 1 << (6 + r.nextInt(12)));
                assertEquals(info.path().toFile().length(), info.bytes());
                assertEquals(b.size, info.tuples());
                assertEquals(BatchFileNames.fileName(info.id()), info.path().getFileName().toString());
                BatchFile f = open(info.path(), l, BatchFile.DEFAULT_SEGMENT_SHIFT);
                assertSameTuples(b, f);
                assertEquals(info.id(), f.id());
            }
        });
    }

    @Test
    void recordsAcrossTinySegmentsAreReadWhole() {
        Seeded.trials("batch file across segments", 2, r -> {
            for (Layout l : LAYOUTS) {
                Batch b = batch(r, l, 600, 150);
                BatchFileInfo info = write(dir, b, 64);
                assertTrue(info.bytes() > 4 * 64);
                BatchFile f = open(info.path(), l, 6); // 64-byte segments: most records straddle two or more
                assertSameTuples(b, f);
                f.verifyAll();
            }
        });
    }

    @Test
    void seekFindsWhatTheHeapBatchFinds() {
        Seeded.trials("batch file seek", 6, r -> {
            for (Layout l : LAYOUTS) {
                Batch b = batch(r, l, r.nextInt(2000), 0);
                BatchFile f = open(write(dir, b, 4096).path(), l, 12);
                for (int probe = 0; probe < 200; probe++) {
                    Object key = b.size > 0 && r.nextBoolean() ? b.key(r.nextInt(b.size))
                            : batch(r, l, 1, 0).isEmpty() ? null : batch(r, l, 1, 0).key(0);
                    if (key == null) {
                        continue;
                    }
                    int from = r.nextInt(b.size + 1);
                    assertEquals(b.seekKey(from, key), f.seekKey(from, key), "seek " + key + " from " + from);
                    if (l.keyKind() == ColumnKind.LONG) {
                        assertEquals(b.seekLongKey(from, (Long) key), f.seekLongKey(from, (Long) key));
                    }
                }
            }
        });
    }

    @Test
    void filesMergeByStreamingFromFileToFile() {
        Seeded.trials("streamed merge", 3, r -> {
            for (Layout l : LAYOUTS) {
                Batch a = batch(r, l, 600, 0);
                Batch b = batch(r, l, 600, 0);
                BatchFile fa = open(write(dir, a, 1024).path(), l, 30);
                BatchFile fb = open(write(dir, b, 1024).path(), l, 30);
                BatchFileInfo merged;
                try (BatchFileWriter w = BatchFileWriter.create(dir, l, BatchFileTestData.keyCodec(l), BatchFileTestData.valueCodec(l))) {
                    int i = 0;
                    int j = 0;
                    Batch ha = fa.toBatch();
                    Batch hb = fb.toBatch();
                    while (i < fa.size() || j < fb.size()) {
                        int c = i == fa.size() ? 1 : j == fb.size() ? -1 : ha.compareTuples(i, hb, j);
                        if (c < 0) {
                            w.addFrom(fa, i, fa.weight(i));
                            i++;
                        } else if (c > 0) {
                            w.addFrom(fb, j, fb.weight(j));
                            j++;
                        } else {
                            long sum = fa.weight(i) + fb.weight(j);
                            if (sum != 0) {
                                w.addFrom(fa, i, sum);
                            }
                            i++;
                            j++;
                        }
                    }
                    merged = w.finish();
                }
                assertSameTuples(Merging.plus(a, b), open(merged.path(), l, 30));
            }
        });
    }

    @Test
    void tuplesOutOfOrderOrWithZeroWeightAreRefusedAndTheWriterStaysUsable() throws IOException {
        try (BatchFileWriter w = BatchFileWriter.create(dir, Layout.longToLongs(), null, null)) {
            w.addLongLong(5, 1, 1);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.addLongLong(5, 1, 2));
            assertTrue(e.getMessage().contains("strictly increasing"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> w.addLongLong(4, 9, 1));
            assertThrows(IllegalArgumentException.class, () -> w.addLongLong(6, 0, 0));
            assertThrows(IllegalStateException.class, () -> w.addLong(7, 1));
            w.addLongLong(6, 0, 3);
            BatchFile f = BatchFile.open(w.finish().path(), Layout.longToLongs(), null, null);
            assertEquals("{5 -> 1 x1, 6 -> 0 x3}", f.toBatch().toString());
        }
        Layout objects = Layout.zset(BatchFileTestData.REC_ORDER);
        try (BatchFileWriter w = BatchFileWriter.create(dir, objects, BatchFileTestData.REC, null)) {
            assertThrows(IllegalArgumentException.class, () -> w.add(null, 1));
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "the abandoned writer left nothing behind");
        }
    }

    @Test
    void aFileOfAnotherLayoutOrCodecIsRefused() {
        Layout l = Layout.indexed(ColumnKind.LONG, null, ColumnKind.OBJECT, BatchFileTestData.REC_ORDER);
        Path p = write(dir, Batch.empty(l), 4096).path();
        StorageException kinds = assertThrows(StorageException.class, () -> BatchFile.open(p, Layout.longToLongs(), null, null));
        assertTrue(kinds.getMessage().contains(p.toString()), kinds.getMessage());
        StorageException codec = assertThrows(StorageException.class,
                () -> BatchFile.open(p, l, null, BatchFileTestData.STRING));
        assertTrue(codec.getMessage().contains(BatchFileTestData.Rec.class.getName()) && codec.getMessage().contains("string"),
                codec.getMessage());
        assertFalse(codec instanceof CorruptFileException);
        BatchFile f = BatchFile.open(p, l, null, BatchFileTestData.REC);
        assertEquals(0, f.size());
        assertNull(f.firstKey());
        assertEquals(0, f.seekLongKey(0, 3));
    }

    @Test
    void aMissingDirectoryIsNamed() {
        Path missing = dir.resolve("nope");
        StorageException e = assertThrows(StorageException.class, () -> BatchFileWriter.create(missing, Layout.LONGS, null, null));
        assertEquals(missing, e.path());
        assertTrue(e.getMessage().contains(missing.toString()));
    }

    @Test
    void namesTellFinalFromTemporaryFiles() {
        String id = BatchFileNames.newId();
        assertTrue(BatchFileNames.isBatchFile(BatchFileNames.fileName(id)));
        assertFalse(BatchFileNames.isBatchFile(BatchFileNames.temporaryName(id)));
        assertTrue(BatchFileNames.isTemporary(BatchFileNames.temporaryName(id)));
        assertEquals(id, BatchFileNames.idOf(BatchFileNames.fileName(id)));
    }
}
