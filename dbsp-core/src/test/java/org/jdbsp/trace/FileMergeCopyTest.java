package org.jdbsp.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import org.jdbsp.codec.Codecs;
import org.jdbsp.storage.runtime.WorkerStorage;
import org.jdbsp.testing.Seeded;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merges of batch files copy the encoded values they do not need to compare instead of decoding and
 * re-encoding them, and give the same integral as a heap trace.
 */
@Timeout(120)
class FileMergeCopyTest {
    /** Values built by a decoder are counted: the record's constructor runs once per decoded value. */
    static final AtomicLong DECODED = new AtomicLong();

    /** An object value with a unique string, a repeated string (a table reference in a file) and a nullable one. */
    record Payload(long id, String text, String tag, String note) {
        Payload {
            DECODED.incrementAndGet();
        }
    }

    private static final String[] TAGS = {"red", "green", "blue", "ünïcode", "\uD83D\uDE00 pair"};

    @TempDir
    Path dir;

    private Trace spilled(Layout layout) {
        return new Trace(layout, new WorkerStorage(dir, Codecs.defaults(), 0, Long.MAX_VALUE).forStream("stream 'copy'", layout));
    }

    private static Payload payload(long id, int salt) {
        return new Payload(id, "text " + id + "/" + salt, TAGS[(int) ((id + salt) % TAGS.length)], id % 3 == 0 ? null : "n" + id % 7);
    }

    @Test
    void aMergeOfFileBatchesDecodesNoValueWhenNoKeysTie() {
        assertMergedWithoutDecoding(FileMergeCopyTest::payload);
    }

    /** Merges 24 file batches of 50 values each, keys never tying: no value decoded, every value read back equal. */
    private void assertMergedWithoutDecoding(BiFunction<Long, Integer, Payload> payload) {
        Layout layout = Layout.longToObjects();
        Trace t = spilled(layout);
        for (int b = 0; b < 24; b++) {
            BatchBuilder builder = new BatchBuilder(layout);
            for (int i = 0; i < 50; i++) {
                long key = i * 100L + b; // keys of different batches never tie
                builder.addLong(key, payload.apply(key, b), 1);
            }
            t.insert(builder.build());
        }
        DECODED.set(0);
        t.compact();
        assertEquals(0, DECODED.get(), "merges decoded values they only copy");
        assertEquals(1, t.batchCount());
        assertNull(t.heapBatch(0), "the merged batch is a file");
        List<String> read = new ArrayList<>();
        TraceCursor c = t.cursor();
        while (c.nextKey()) {
            while (c.nextValue()) {
                read.add(c.longKey() + "=" + c.value() + "x" + c.weight());
            }
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            for (int b = 0; b < 24; b++) {
                long key = i * 100L + b;
                expected.add(key + "=" + payload.apply(key, b) + "x1");
            }
        }
        assertEquals(expected, read);
        t.close();
    }

    /** A unique string of letters, as a Nexmark {@code extra}: packed into 6 bits a char, never a table entry. */
    private static String letters(long id, int salt) {
        StringBuilder sb = new StringBuilder();
        long x = id * 0x9E3779B97F4A7C15L + salt;
        for (int i = 0; i < 40; i++) {
            x = x * 6364136223846793005L + 1442695040888963407L;
            int c = (int) ((x >>> 33) % 52);
            sb.append((char) (c < 26 ? 'a' + c : 'A' + c - 26));
        }
        return sb.toString();
    }

    @Test
    void packedStringsCopiedByMergesOfFileBatchesDecodeEqual() {
        assertMergedWithoutDecoding((key, b) -> new Payload(key, letters(key, b), "abcabcabcabc", "0123456789" + b));
    }

    @Test
    void mergesWithTiesCancellationsAndBoundsGiveTheHeapTracesIntegral() {
        Layout objectKeys = Layout.indexed(ColumnKind.OBJECT, Orders.natural(), ColumnKind.OBJECT,
                java.util.Comparator.comparingLong(Payload::id).thenComparing(Payload::toString));
        Layout longKeys = Layout.indexed(ColumnKind.LONG, null, ColumnKind.OBJECT,
                java.util.Comparator.comparingLong(Payload::id).thenComparing(Payload::toString));
        for (Layout layout : List.of(objectKeys, longKeys)) {
            Seeded.trials("file merges of " + layout, 15, r -> {
                Trace heap = new Trace(layout);
                Trace files = spilled(layout);
                for (int step = 1 + r.nextInt(25); step > 0; step--) {
                    BatchBuilder b = new BatchBuilder(layout);
                    for (int i = r.nextInt(60); i > 0; i--) {
                        long k = r.nextInt(20);
                        Payload v = payload(r.nextInt(8), r.nextInt(2));
                        long w = r.nextInt(5) - 2;
                        if (layout == longKeys) {
                            b.addLong(k, v, w);
                        } else {
                            b.add("k" + (char) ('a' + k), v, w);
                        }
                    }
                    Batch batch = b.build();
                    heap.insert(batch);
                    files.insert(batch);
                    if (r.nextInt(5) == 0) {
                        long bound = r.nextInt(6);
                        if (layout == longKeys) {
                            heap.dropKeysBelow(bound);
                            files.dropKeysBelow(bound);
                        } else {
                            heap.dropKeysBelow("k" + (char) ('a' + bound));
                            files.dropKeysBelow("k" + (char) ('a' + bound));
                        }
                    }
                    assertEquals(read(heap.cursor()), read(files.cursor()));
                }
                files.compact();
                heap.compact();
                assertEquals(read(heap.cursor()), read(files.cursor()));
                files.close();
            });
        }
    }

    private static List<String> read(TraceCursor c) {
        List<String> out = new ArrayList<>();
        while (c.nextKey()) {
            while (c.nextValue()) {
                out.add(c.key() + "=" + c.value() + "x" + c.weight());
            }
        }
        return out;
    }
}
