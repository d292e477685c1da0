package org.jdbsp.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jdbsp.circuit.Sequenced;
import org.jdbsp.codec.Codecs;
import org.jdbsp.storage.runtime.CodecNames;
import org.jdbsp.storage.runtime.WorkerStorage;
import org.jdbsp.storage.spi.BatchFileNames;
import org.jdbsp.testing.Seeded;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@link TraceTest} again on traces that write every batch to a file (threshold 0), plus what is
 * particular to storage: the batches really are in files, files merged away are deleted, object columns read
 * back equal, a memory budget spills the largest heap batches, and a type without a codec is refused on the
 * first insert or restore, before anything is written; a trace restored from heap batches writes its merges to
 * files before any insert.
 */
class SpilledTraceTest extends TraceTest {
    @TempDir
    Path dir;

    @Override
    Trace newTrace(Layout layout) {
        return new Trace(layout, new WorkerStorage(dir, Codecs.defaults(), 0, Long.MAX_VALUE).forStream("stream 'test'", layout));
    }

    private List<Path> batchFiles() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> BatchFileNames.isBatchFile(p.getFileName().toString())).toList();
        }
    }

    private static Batch longs(long... keys) {
        BatchBuilder b = new BatchBuilder(Layout.LONGS);
        for (long k : keys) {
            b.addLong(k, 1);
        }
        return b.build();
    }

    @Test
    void everyBatchIsInAFileAndFilesMergedAwayAreDeleted() throws IOException {
        Trace t = newTrace(Layout.LONGS);
        for (int i = 0; i < 37; i++) {
            t.insert(longs(i, i + 1000));
            for (int k = 0; k < t.batchCount(); k++) {
                assertNull(t.heapBatch(k), "batch " + k + " stays on the heap");
            }
            assertEquals(t.batchCount(), batchFiles().size(), "exactly the spine's files exist after insert " + i);
        }
        assertEquals(74, t.storedTuples());
        Trace copy = t.fork();
        t.insert(longs(5000));
        t.compact();
        assertEquals(75, t.storedTuples());
        assertEquals(74, copy.storedTuples(), "the fork still reads its files after the original merged them away");
        TraceCursor c = copy.cursor();
        int n = 0;
        while (c.nextKey()) {
            n++;
        }
        assertEquals(74, n);
        copy.close();
        t.close();
        assertEquals(List.of(), batchFiles(), "closing both traces deletes every file");
    }

    /** A record as an object value. */
    record Row(String name, long amount) {}

    @Test
    void objectColumnsReadBackEqualToAHeapTrace() {
        Layout layout = Layout.objectsToObjects();
        Seeded.trials("spilled object trace", 30, r -> {
            Trace heap = new Trace(layout);
            Trace spilled = newTrace(layout);
            for (int step = r.nextInt(30); step > 0; step--) {
                BatchBuilder b = new BatchBuilder(layout);
                for (int i = r.nextInt(40); i > 0; i--) {
                    b.add("k" + r.nextInt(25), new Row("ü" + r.nextInt(5), r.nextLong(-3, 3)), r.nextInt(5) - 2);
                }
                Batch batch = b.build();
                heap.insert(batch);
                spilled.insert(batch);
                if (r.nextInt(4) == 0) {
                    String bound = "k" + r.nextInt(25);
                    heap.dropKeysBelow(bound);
                    spilled.dropKeysBelow(bound);
                }
                assertEquals(read(heap.cursor()), read(spilled.cursor()));
                TraceCursor hc = heap.cursor();
                TraceCursor sc = spilled.cursor();
                List<String> sought = new ArrayList<>();
                for (int k = 0; k < 25; k += 1 + r.nextInt(4)) {
                    sought.add("k" + k);
                }
                sought.sort(null); // a cursor's keys are sought in ascending order ("k10" before "k2")
                for (String key : sought) {
                    boolean inHeap = hc.seekKey(key);
                    boolean inFiles = sc.seekKey(key);
                    List<String> expected = values(hc);
                    List<String> seen = values(sc);
                    assertEquals(expected, seen, key);
                    assertTrue((inHeap || expected.isEmpty()) && (inFiles || seen.isEmpty()), key + ": not found although it has values");
                }
            }
            spilled.close();
        });
    }

    /**
     * Every key with the values it has: a key whose values all cancel is left out (a cursor stops on a key some batch
     * holds, which depends on how the spine happened to merge, and the file levels merge differently from the heap's).
     */
    private static List<String> read(TraceCursor c) {
        List<String> out = new ArrayList<>();
        while (c.nextKey()) {
            List<String> values = values(c);
            if (!values.isEmpty()) {
                out.add(c.key() + "=" + values);
            }
        }
        return out;
    }

    private static List<String> values(TraceCursor c) {
        List<String> out = new ArrayList<>();
        while (c.nextValue()) {
            out.add(c.value() + "x" + c.weight() + "@" + c.valueBatch().value(c.valueIndex()));
        }
        return out;
    }

    /**
     * Write amplification: 65,536 distinct tuples inserted 32 at a time, with batches of 4 KiB and more in files
     * (from about 170 tuples). Merging files two at a time rewrites each tuple once per level from there to the
     * top, about 8 times; merging {@value Trace#FILE_FAN_IN} at a time rewrites it once per three levels. The bytes
     * of all the files the inserts wrote are compared with those of the trace compacted into one file.
     */
    @Test
    void fileLevelsMergeSeveralBatchesAtOnceSoEachTupleIsWrittenFewTimes() {
        java.util.concurrent.atomic.LongAdder written = new java.util.concurrent.atomic.LongAdder();
        Layout layout = Layout.longToLongs();
        Trace t = new Trace(layout, new WorkerStorage(dir, Codecs.defaults(), 4_096, Long.MAX_VALUE, written)
                .forStream("stream 'test'", layout));
        java.util.SplittableRandom r = new java.util.SplittableRandom(15);
        for (int i = 0; i < 2_048; i++) {
            BatchBuilder b = new BatchBuilder(layout);
            for (int k = 0; k < 32; k++) {
                b.addLongLong(r.nextLong(1L << 40), r.nextLong(1L << 20), 1);
            }
            t.insert(b.build());
        }
        long all = written.sum();
        t.compact();
        assertEquals(65_536, t.storedTuples());
        assertEquals(1, t.batchCount());
        double amplification = (double) all / t.fileBytes();
        assertTrue(amplification < 4.5, "the inserts wrote " + all + " bytes of files, " + amplification
                + " times the " + t.fileBytes() + " bytes of the whole state in one file");
        t.close();
    }

    @Test
    void aMemoryBudgetSpillsTheLargestHeapBatches() throws IOException {
        WorkerStorage worker = new WorkerStorage(dir, Codecs.defaults(), Long.MAX_VALUE, 2_000);
        Trace a = new Trace(Layout.LONGS, worker.forStream("stream 'a'", Layout.LONGS));
        Trace b = new Trace(Layout.LONGS, worker.forStream("stream 'b'", Layout.LONGS));
        long[] keys = new long[200];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = i;
        }
        a.insert(longs(keys));
        assertTrue(a.heapBatchBytes() <= 2_000 && a.fileBytes() > 0, "the 200-tuple batch went to a file");
        b.insert(longs(1, 2, 3));
        assertTrue(b.fileBytes() == 0 && b.heapBatchBytes() > 0, "a small batch within the budget stays on the heap");
        assertEquals(1, batchFiles().size());
        assertEquals(200, a.storedTuples());
    }

    @Test
    void onlyBatchesAtOrAboveTheThresholdGoToFilesAlsoAfterACompaction() throws IOException {
        Trace t = new Trace(Layout.LONGS, new WorkerStorage(dir, Codecs.defaults(), 1_200, Long.MAX_VALUE).forStream("stream 't'", Layout.LONGS));
        t.insert(longs(1, 2, 3));
        assertEquals(0, t.fileBytes(), "a 3-tuple batch (112 bytes) stays on the heap");
        for (long k = 10; k < 80; k++) {
            t.insert(longs(k * 1_000));
        }
        assertEquals(0, t.fileBytes(), "no merge of the inserts reached 1,200 bytes");
        t.compact();
        assertEquals(1, t.batchCount());
        assertNull(t.heapBatch(0), "the compacted batch of 73 tuples (1,232 bytes) is written");
        assertEquals(1, batchFiles().size());
        assertEquals(73, t.storedTuples());
    }

    /** Records of several classes in one column. */
    sealed interface Shape permits Circle, Square {}

    /** A shape. */
    record Circle(long r) implements Shape {}

    /** Another shape. */
    record Square(long side) implements Shape {}

    @Test
    void sequencedRecordsAndSubtypesOfASealedInterfaceFirstSeenAloneAreWritten() {
        Layout layout = Layout.longToObjects();
        Trace t = newTrace(layout);
        Trace heap = new Trace(layout);
        BatchBuilder b = new BatchBuilder(layout);
        b.addLong(1, new Sequenced<Shape>(7, new Circle(2)), 1);
        Batch first = b.build();
        t.insert(first);
        heap.insert(first);
        for (long k = 0; k < 5; k++) {
            b.addLong(k, new Sequenced<Shape>(8 + k, k % 2 == 0 ? new Square(k) : new Circle(k)), 1);
            Batch next = b.build();
            t.insert(next);
            heap.insert(next);
        }
        assertEquals(read(heap.cursor()), read(t.cursor()), "later batches hold the other subtype of the sealed interface");
        t.close();
    }

    /** A class with no codec. */
    static final class Opaque implements Comparable<Opaque> {
        @Override
        public int compareTo(Opaque o) {
            return 0;
        }
    }

    @Test
    void aTypeWithoutACodecIsRefusedOnTheFirstInsertBeforeAnythingIsWritten() throws IOException {
        Layout layout = Layout.longToObjects();
        Trace t = newTrace(layout);
        BatchBuilder b = new BatchBuilder(layout);
        b.addLong(1, new Opaque(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.insert(b.build()));
        assertTrue(e.getMessage().contains("stream 'test'") && e.getMessage().contains(Opaque.class.getTypeName()), e.getMessage());
        assertEquals(0, t.storedTuples());
        assertEquals(List.of(), batchFiles());
    }

    /** Three batches of one level (3 to 4 tuples), of string keys and {@link Row} values, keys from {@code from}. */
    private static List<Batch> sameLevelBatches(int from) {
        List<Batch> out = new ArrayList<>();
        for (int b = 0; b < 3; b++) {
            BatchBuilder builder = new BatchBuilder(Layout.objectsToObjects());
            for (int i = 0; i < 3 + b % 2; i++) {
                builder.add("k" + (from + b * 10 + i), new Row("r" + b, i), 1 + i);
            }
            out.add(builder.build());
        }
        return out;
    }

    /**
     * A restore onto another number of workers gives a trace heap batches re-cut from other workers' files; three
     * of one level are merged (into a file) while they are placed, before any insert taught the storage the codecs.
     */
    @Test
    void aTraceRestoredFromHeapBatchesOfOneLevelMergesThemIntoAFileBeforeAnyInsert() throws IOException {
        Layout layout = Layout.objectsToObjects();
        List<Batch> spine = sameLevelBatches(0);
        Trace heap = new Trace(layout);
        spine.forEach(heap::insert);
        Trace t = newTrace(layout);
        t.restore(spine, null);
        assertEquals(read(heap.cursor()), read(t.cursor()));
        assertTrue(t.fileBytes() > 0 && !batchFiles().isEmpty(), "the merge of two of them went to a file");
        assertEquals(List.of(CodecNames.of(String.class), CodecNames.of(Row.class)), List.of(t.fileCodecNames()), "the codecs a checkpoint names");
        for (Batch more : sameLevelBatches(100)) {
            heap.insert(more);
            t.insert(more);
        }
        assertEquals(read(heap.cursor()), read(t.cursor()), "inserts after the restore");
        t.close();
    }

    @Test
    void aRestoredBatchOfATypeWithoutACodecIsRefusedNamingTheStreamAndTheTypeBeforeAnythingIsWritten() throws IOException {
        Layout layout = Layout.longToObjects();
        Trace t = newTrace(layout);
        BatchBuilder b = new BatchBuilder(layout);
        b.addLong(1, new Opaque(), 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.restore(List.of(b.build()), null));
        assertTrue(e.getMessage().contains("stream 'test'") && e.getMessage().contains(Opaque.class.getTypeName()), e.getMessage());
        assertEquals(0, t.storedTuples());
        assertEquals(List.of(), batchFiles());
    }
}
