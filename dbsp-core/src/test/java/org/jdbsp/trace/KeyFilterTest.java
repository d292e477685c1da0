package org.jdbsp.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbsp.codec.ByteSink;
import org.jdbsp.codec.ByteSource;
import org.jdbsp.codec.Codec;
import org.jdbsp.codec.Codecs;
import org.jdbsp.storage.runtime.WorkerStorage;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key filters of file batches, of object and of long keys: a seek of a key that no file holds decodes (almost)
 * no key of the files and seeks (almost) no file, and a cursor that skipped files for a key still walks on from there
 * ({@link TraceCursor#nextKey}) exactly as a heap trace's cursor does.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KeyFilterTest {
    @TempDir
    Path dir;

    /** An object key. */
    record Key(long id) {}

    private final AtomicLong decodes = new AtomicLong();

    /** Counts the keys decoded. */
    private final Codec<Key> counting = new Codec<>() {
        @Override
        public void encode(Key value, ByteSink out) {
            out.writeVarLong(value.id());
        }

        @Override
        public Key decode(ByteSource in) {
            decodes.incrementAndGet();
            return new Key(in.readVarLong());
        }
    };

    private final Layout layout = Layout.indexed(ColumnKind.OBJECT, Comparator.comparingLong(Key::id), ColumnKind.LONG, null);

    /** Seven batches of 1,000 even keys each (all in files; seven files of one level wait for an eighth to merge). */
    private void fill(Trace t) {
        for (int j = 0; j < 7; j++) {
            BatchBuilder b = new BatchBuilder(layout);
            for (int i = 0; i < 1_000; i++) {
                long id = 2L * (j + 7L * i);
                b.addObjectLong(new Key(id), id * 3, 1);
            }
            t.insert(b.build());
        }
    }

    private final Layout longs = Layout.longToLongs();

    /** As {@link #fill} with long keys. */
    private void fillLongs(Trace t) {
        for (int j = 0; j < 7; j++) {
            BatchBuilder b = new BatchBuilder(longs);
            for (int i = 0; i < 1_000; i++) {
                long id = 2L * (j + 7L * i);
                b.addLongLong(id, id * 3, 1);
            }
            t.insert(b.build());
        }
    }

    private Trace longTrace() {
        return new Trace(longs, new WorkerStorage(dir, Codecs.defaults(), 0, Long.MAX_VALUE).forStream("stream 'longs'", longs));
    }

    @Test
    void aSeekOfALongKeyNoFileHoldsSeeksAlmostNoFile() {
        Trace t = longTrace();
        fillLongs(t);
        t.compact(); // one file written by a merge (its filter built by SpineMerge) ...
        fillLongs(t); // ... and seven spilled ones (built by the trace)
        assertEquals(8, t.batchCount(), "a meaningful test: eight files");
        for (int k = 0; k < t.batchCount(); k++) {
            assertTrue(t.fileBatch(k) != null, "batch " + k + " is a file");
        }
        TraceCursor c = t.cursor();
        int seeks = 0;
        for (long id = 1; id < 14_000; id += 28) {
            assertFalse(c.seekLongKey(id), "odd key " + id);
            seeks++;
        }
        assertTrue(c.fileSeeks() < seeks * 8L / 4, c.fileSeeks() + " files sought by " + seeks + " seeks of absent keys in 8 files");
        TraceCursor held = t.cursor();
        int found = 0;
        for (long id = 0; id < 14_000; id += 30) {
            assertTrue(held.seekLongKey(id) && held.nextValue(), "even key " + id + " is held");
            assertEquals(id * 3, held.longValue(), "value of " + id);
            assertEquals(2, held.weight(), "weight of " + id);
            assertFalse(held.nextValue(), "one value of " + id);
            found++;
        }
        assertTrue(held.fileSeeks() >= 2L * found, "a held key is sought in the two files that hold it");
        t.close();
    }

    @Test
    void aWalkAfterASeekThatSkippedFilesWithLongKeysReadsWhatAHeapTraceReads() {
        Trace t = longTrace();
        Trace heap = new Trace(longs);
        fillLongs(t);
        fillLongs(heap);
        TraceCursor c = t.cursor();
        TraceCursor h = heap.cursor();
        for (long id = 1; id < 14_000; id += 97) {
            assertEquals(h.seekLongKey(id), c.seekLongKey(id), "seek of " + id);
            assertSameNextKeys(h, c, id);
        }
        t.close();
    }

    @Test
    void longKeysSetUnrelatedBits() {
        KeyFilter f = new KeyFilter(1_000);
        for (long id = 0; id < 1_000; id++) {
            f.addLong(id << 20); // strided keys, equal low bits
        }
        int ruledOut = 0;
        for (long id = 1_000; id < 3_000; id++) {
            ruledOut += f.mayHold(KeyFilter.hashLong(id << 20)) ? 0 : 1;
        }
        for (long id = 0; id < 1_000; id++) {
            assertTrue(f.mayHold(KeyFilter.hashLong(id << 20)), "added key " + id + " is held");
        }
        assertTrue(ruledOut > 1_800, ruledOut + " of 2,000 other keys ruled out");
    }

    @Test
    void aSeekOfAKeyNoFileHoldsDecodesAlmostNoKey() {
        Trace t = new Trace(layout, new WorkerStorage(dir, Codecs.defaults().with(Key.class, counting), 0, Long.MAX_VALUE)
                .forStream("stream 'keys'", layout));
        fill(t);
        assertEquals(7, t.batchCount(), "a meaningful test: seven files");
        for (int k = 0; k < t.batchCount(); k++) {
            assertTrue(t.fileBatch(k) != null, "batch " + k + " is a file");
        }
        TraceCursor c = t.cursor();
        decodes.set(0);
        int seeks = 0;
        for (long id = 1; id < 14_000; id += 28) {
            assertFalse(c.seekKey(new Key(id)), "odd key " + id);
            seeks++;
        }
        long perFile = decodes.get() / 7;
        assertTrue(perFile < seeks / 4, decodes.get() + " keys decoded by " + seeks + " seeks of absent keys in 7 files");
        t.close();
    }

    /** A record with an array component: its hashCode is the array's identity, so its filter must hold every key. */
    record Blob(byte[] data) {}

    @Test
    void aKeyWhoseHashIsItsIdentityTurnsTheFilterOff() {
        KeyFilter f = new KeyFilter(10);
        f.add(new Blob(new byte[] {1, 2}));
        assertTrue(f.mayHold(KeyFilter.hash(new Blob(new byte[] {1, 2}))), "an equal-content blob is not ruled out");
        KeyFilter g = new KeyFilter(10);
        g.add(new Key(4));
        int ruledOut = 0;
        for (long id = 100; id < 200; id++) {
            ruledOut += g.mayHold(KeyFilter.hash(new Key(id))) ? 0 : 1;
        }
        assertTrue(g.mayHold(KeyFilter.hash(new Key(4))) && ruledOut > 80, ruledOut + " of 100 other keys ruled out");
    }

    @Test
    void aWalkAfterASeekThatSkippedFilesReadsWhatAHeapTraceReads() {
        Trace t = new Trace(layout, new WorkerStorage(dir, Codecs.defaults().with(Key.class, counting), 0, Long.MAX_VALUE)
                .forStream("stream 'keys'", layout));
        Trace heap = new Trace(layout);
        fill(t);
        fill(heap);
        TraceCursor c = t.cursor();
        TraceCursor h = heap.cursor();
        for (long id = 1; id < 14_000; id += 97) {
            Key key = new Key(id);
            assertEquals(h.seekKey(key), c.seekKey(key), "seek of " + id);
            assertSameNextKeys(h, c, id);
        }
        t.close();
    }

    /** The three keys after the one sought (id), with their values and weights, are the same in {@code h} and {@code c}. */
    private static void assertSameNextKeys(TraceCursor h, TraceCursor c, long id) {
        for (int step = 0; step < 3; step++) {
            boolean more = h.nextKey();
            assertEquals(more, c.nextKey(), "the key after " + id);
            if (!more) {
                break;
            }
            assertEquals(h.key(), c.key(), "the key after " + id);
            assertTrue(c.nextValue() && h.nextValue());
            assertEquals(h.longValue(), c.longValue());
            assertEquals(h.weight(), c.weight());
        }
    }
}
