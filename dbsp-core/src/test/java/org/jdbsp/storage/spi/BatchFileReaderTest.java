package org.jdbsp.storage.spi;

import static org.jdbsp.storage.spi.BatchFileTestData.LAYOUTS;
import static org.jdbsp.storage.spi.BatchFileTestData.batch;
import static org.jdbsp.storage.spi.BatchFileTestData.open;
import static org.jdbsp.storage.spi.BatchFileTestData.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.jdbsp.codec.ByteSource;
import org.jdbsp.testing.Seeded;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.Batch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@link BatchFile.Reader}, which keeps the layout of the group it read last, reads what the file's own methods
 * read, in order or jumping between groups, across segments, and refuses a damaged file as they do.
 */
@Timeout(60)
class BatchFileReaderTest {
    @TempDir
    Path dir;

    /** Reads tuple {@code i} through {@code r} as the batch's key, value and weight. */
    private static List<Object> read(BatchFile.Reader r, Layout l, int i, ByteSource scratch) {
        Object key = l.keyKind() == ColumnKind.LONG ? (Object) r.longKey(i) : r.key(i, scratch);
        Object value = l.valueKind() == ColumnKind.LONG ? (Object) r.longValue(i)
                : l.valueKind() == ColumnKind.OBJECT ? r.value(i, scratch) : null;
        return java.util.Arrays.asList(key, value, r.weight(i));
    }

    private static List<Object> expected(Batch b, int i) {
        return java.util.Arrays.asList(b.key(i), b.value(i), b.weights[i]);
    }

    private static void assertReadsTheBatch(Batch b, BatchFile f, SplittableRandom r) {
        BatchFile.Reader reader = f.reader();
        ByteSource scratch = new ByteSource(ByteBuffer.allocate(0));
        for (int i = 0; i < b.size; i++) {
            assertEquals(expected(b, i), read(reader, b.layout, i, scratch), "tuple " + i + " in order");
        }
        for (int k = 0; k < 3 * b.size; k++) {
            int i = r.nextInt(b.size);
            assertEquals(expected(b, i), read(reader, b.layout, i, scratch), "tuple " + i + " out of order");
        }
        if (b.layout.valueKind() == ColumnKind.OBJECT && b.size > 0) {
            ByteSource bytes = reader.valueBytes(b.size - 1, scratch);
            assertEquals(b.value(b.size - 1), BatchFileTestData.REC.decode(bytes));
        }
        assertEquals(f, reader.file());
    }

    @Test
    void aReaderReadsWhatTheFileReadsForEveryLayout() {
        Seeded.trials("batch file reader", 8, r -> {
            for (Layout l : LAYOUTS) {
                Batch b = batch(r, l, List.of(1, 256, 257, 900).get(r.nextInt(4)), 0);
                BatchFile f = open(write(dir, b, 1 << (6 + r.nextInt(12))).path(), l, BatchFile.DEFAULT_SEGMENT_SHIFT);
                assertReadsTheBatch(b, f, r);
            }
        });
    }

    @Test
    void aReaderReadsRecordsAcrossTinySegments() {
        Seeded.trials("batch file reader across segments", 2, r -> {
            for (Layout l : LAYOUTS) {
                Batch b = batch(r, l, 600, 150);
                assertReadsTheBatch(b, open(write(dir, b, 64).path(), l, 6), r);
            }
        });
    }

    @Test
    void aReaderRefusesPositionsOutsideTheFileAndColumnsItHasNot() {
        Batch b = batch(new SplittableRandom(3), Layout.longToLongs(), 300, 0);
        BatchFile.Reader reader = open(write(dir, b, 4096).path(), Layout.longToLongs(), 30).reader();
        assertThrows(IndexOutOfBoundsException.class, () -> reader.weight(b.size));
        assertThrows(IndexOutOfBoundsException.class, () -> reader.longKey(-1));
        assertThrows(IllegalStateException.class, () -> reader.key(0, new ByteSource(ByteBuffer.allocate(0))));
        assertThrows(IllegalStateException.class, () -> reader.valueBytes(0, new ByteSource(ByteBuffer.allocate(0))));
        assertEquals(b.weights[b.size - 1], reader.weight(b.size - 1));
    }

    @Test
    void aReaderOfADamagedFileGivesTheOriginalTuplesOrFailsNamingTheFile() throws IOException {
        Layout l = Layout.indexed(ColumnKind.OBJECT, Orders.natural(), ColumnKind.OBJECT, BatchFileTestData.REC_ORDER);
        Batch original = batch(new SplittableRandom(11), l, 700, 40);
        byte[] bytes = Files.readAllBytes(write(dir, original, 256).path());
        SplittableRandom r = new SplittableRandom(12);
        for (int k = 0; k < 60; k++) {
            int pos = r.nextInt(bytes.length);
            byte[] damaged = bytes.clone();
            damaged[pos] ^= (byte) (1 << r.nextInt(8));
            Path p = dir.resolve("flip-" + pos + ".jbf");
            Files.write(p, damaged);
            try {
                BatchFile.Reader reader = open(p, l, 7).reader();
                ByteSource scratch = new ByteSource(ByteBuffer.allocate(0));
                for (int i = 0; i < original.size; i++) {
                    assertEquals(expected(original, i), read(reader, l, i, scratch), "a flipped bit at byte " + pos);
                }
                reader.file().verifyAll();
                fail("a flipped bit at byte " + pos + " was not detected");
            } catch (StorageException e) {
                assertEquals(p, e.path());
                assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
            }
        }
    }
}
