package org.jdbsp.storage.spi;

import static org.jdbsp.storage.spi.BatchFileTestData.batch;
import static org.jdbsp.storage.spi.BatchFileTestData.open;
import static org.jdbsp.storage.spi.BatchFileTestData.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.jdbsp.storage.internal.FileHeader;
import org.jdbsp.storage.internal.FileOps;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.Batch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Damaged files are detected and named, never decoded into wrong records; a failing writer leaves nothing
 * at the final name.
 */
@Timeout(60)
class BatchFileFaultTest {
    private static final Layout LAYOUT = Layout.indexed(ColumnKind.OBJECT, Orders.natural(), ColumnKind.OBJECT,
            BatchFileTestData.REC_ORDER);

    @TempDir
    Path dir;

    private Batch original;
    private byte[] bytes;
    private int headerLength;
    private long indexOffset;
    private long footerOffset;

    /** A file of two groups and a half, 256-byte checksum blocks. */
    private void writeSample(long seed) throws IOException {
        original = batch(new SplittableRandom(seed), LAYOUT, 700, 40);
        assertTrue(original.size > BatchFileWriter.GROUP_SIZE * 2, "several groups");
        bytes = Files.readAllBytes(write(dir, original, 256).path());
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        headerLength = b.getInt(12);
        indexOffset = b.getLong(56);
        footerOffset = b.getLong(64);
    }

    private Path copy(String name, byte[] content) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, content);
        return p;
    }

    /** Opens and reads every tuple of {@code p}: each read gives the original tuple or fails naming the file. */
    private void assertDetected(Path p, String what) {
        try {
            BatchFile f = open(p, LAYOUT, 7);
            for (int i = 0; i < original.size; i++) {
                assertEquals(original.key(i), f.key(i), what);
                assertEquals(original.value(i), f.value(i), what);
                assertEquals(original.weights[i], f.weight(i), what);
            }
            f.verifyAll();
        } catch (StorageException e) {
            assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
            assertEquals(p, e.path());
            return;
        }
        fail(what + " was not detected");
    }

    @Test
    void everyFlippedByteIsDetectedWithThePath() throws IOException {
        writeSample(11);
        TreeSet<Integer> positions = new TreeSet<>();
        for (int i = 0; i < headerLength; i++) {
            positions.add(i);
        }
        for (long i = indexOffset; i < bytes.length; i++) {
            positions.add((int) i); // the index and the footer
        }
        SplittableRandom r = new SplittableRandom(5);
        for (int k = 0; k < 200; k++) {
            positions.add(headerLength + r.nextInt((int) (indexOffset - headerLength))); // the groups' columns
        }
        assertTrue(positions.contains((int) footerOffset));
        for (int pos : positions) {
            byte[] damaged = bytes.clone();
            damaged[pos] ^= (byte) (1 << (pos % 8));
            assertDetected(copy("flip-" + pos + ".jbf", damaged), "a flipped bit at byte " + pos);
        }
    }

    @Test
    void everyTruncationIsDetectedOnOpen() throws IOException {
        writeSample(12);
        List<Integer> lengths = new ArrayList<>(List.of(0, 1, 15, 16, 17, headerLength - 1, headerLength, headerLength + 8,
                (int) indexOffset, (int) footerOffset, bytes.length - 12, bytes.length - 1));
        for (int k = 0; k < 20; k++) {
            lengths.add(new SplittableRandom(k).nextInt(bytes.length));
        }
        for (int length : lengths) {
            Path p = copy("cut-" + length + ".jbf", java.util.Arrays.copyOf(bytes, length));
            CorruptFileException e = assertThrows(CorruptFileException.class, () -> open(p, LAYOUT, 30), "cut at " + length);
            assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        }
        byte[] longer = java.util.Arrays.copyOf(bytes, bytes.length + 1);
        Path p = copy("appended.jbf", longer);
        assertThrows(CorruptFileException.class, () -> open(p, LAYOUT, 30));
    }

    @Test
    void aFutureFormatVersionIsRefusedClearly() throws IOException {
        writeSample(13);
        byte[] future = bytes.clone();
        ByteBuffer.wrap(future).order(ByteOrder.LITTLE_ENDIAN).putInt(8, FileHeader.VERSION + 1);
        Path p = copy("future.jbf", future);
        StorageException e = assertThrows(StorageException.class, () -> open(p, LAYOUT, 30));
        assertFalse(e instanceof CorruptFileException);
        assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("version " + (FileHeader.VERSION + 1))
                && e.getMessage().contains("reads version " + FileHeader.VERSION), e.getMessage());
        Path text = copy("text.jbf", "hello, this is not a batch file".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CorruptFileException notOurs = assertThrows(CorruptFileException.class, () -> open(text, LAYOUT, 30));
        assertTrue(notOurs.getMessage().contains("not a jdbsp batch file"), notOurs.getMessage());
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(ints = {1, 2})
    void aFileOfAnOldFormatVersionIsRefusedClearly(int version) throws IOException {
        writeSample(14);
        byte[] old = bytes.clone();
        ByteBuffer.wrap(old).order(ByteOrder.LITTLE_ENDIAN).putInt(8, version);
        Path p = copy("old-" + version + ".jbf", old);
        StorageException e = assertThrows(StorageException.class, () -> open(p, LAYOUT, 30));
        assertFalse(e instanceof CorruptFileException);
        assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("format version " + version + " is not supported")
                && e.getMessage().contains("reads version " + FileHeader.VERSION) && e.getMessage().contains("older"), e.getMessage());
    }

    /** The real file system, failing where told. */
    static final class FaultyOps implements FileOps {
        long writableBytes = Long.MAX_VALUE;
        boolean failCreate;
        boolean failForce;
        boolean failMove;
        boolean failDirectorySync;

        @Override
        public WritableFile create(Path path) throws IOException {
            if (failCreate) {
                throw new IOException("Permission denied");
            }
            WritableFile real = SYSTEM.create(path);
            return new WritableFile() {
                @Override
                public void write(ByteBuffer src, long position) throws IOException {
                    if (position + src.remaining() > writableBytes) {
                        throw new IOException("No space left on device");
                    }
                    real.write(src, position);
                }

                @Override
                public void force() throws IOException {
                    if (failForce) {
                        throw new IOException("Input/output error (fsync)");
                    }
                    real.force();
                }

                @Override
                public void close() throws IOException {
                    real.close();
                }
            };
        }

        @Override
        public void moveAtomically(Path from, Path to) throws IOException {
            if (failMove) {
                throw new IOException("rename failed");
            }
            SYSTEM.moveAtomically(from, to);
        }

        @Override
        public void syncDirectory(Path d) throws IOException {
            if (failDirectorySync) {
                throw new IOException("directory fsync failed");
            }
            SYSTEM.syncDirectory(d);
        }
    }

    private void assertWriteFailsCleanly(FaultyOps ops, String what) throws IOException {
        Layout l = Layout.longToLongs();
        StorageException e = assertThrows(StorageException.class, () -> {
            try (BatchFileWriter w = BatchFileWriter.create(ops, 1 << 16, dir, l, null, null)) {
                SplittableRandom random = new SplittableRandom(what.hashCode());
                for (long k = 0; k < 120_000; k++) { // random values and weights: a file of about 2.9 MB
                    w.addLongLong(k << 32, random.nextLong(), random.nextLong() | 1);
                }
                w.finish();
            }
        }, what);
        assertTrue(e.getMessage().contains(dir.toString()) && e.getMessage().contains("batch-"), e.getMessage());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(), files.toList(), what + " left a file behind");
        }
    }

    @Test
    void aFailingWriterLeavesNoFileAtTheFinalName() throws IOException {
        for (long limit : new long[] {0, 100, 1 << 20, 2_000_000, 2_400_000}) {
            FaultyOps full = new FaultyOps();
            full.writableBytes = limit;
            assertWriteFailsCleanly(full, "a full disk after " + limit + " bytes");
        }
        FaultyOps create = new FaultyOps();
        create.failCreate = true;
        assertWriteFailsCleanly(create, "a failing create");
        FaultyOps force = new FaultyOps();
        force.failForce = true;
        assertWriteFailsCleanly(force, "a failing fsync");
        FaultyOps move = new FaultyOps();
        move.failMove = true;
        assertWriteFailsCleanly(move, "a failing rename");
        FaultyOps sync = new FaultyOps();
        sync.failDirectorySync = true;
        assertWriteFailsCleanly(sync, "a failing directory fsync");
        FaultyOps none = new FaultyOps();
        try (BatchFileWriter w = BatchFileWriter.create(none, 1 << 16, dir, Layout.LONGS, null, null)) {
            w.addLong(1, 1);
            assertEquals(1, BatchFile.open(w.finish().path(), Layout.LONGS, null, null).size(), "the seam writes real files");
        }
    }
}
