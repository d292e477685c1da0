package org.jdbsp.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jdbsp.codec.Codecs;
import org.jdbsp.storage.runtime.WorkerStorage;
import org.jdbsp.storage.spi.BatchFileWriter;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trace writing its batches to files (a heap batch spilled, heap batches merged into a file, files merged)
 * compares no object values of equal keys in the file writer: its merges and its consolidated batches already
 * hold them in order, and comparing records costs their hash codes and fields for every value of a key held by
 * many values (q19 and q20 keep every bid of an auction under the auction's id). The integral is unchanged.
 */
@Timeout(120)
class FileWriteValueOrderTest {
    /** A value with a string, ordered by id then text. */
    record Payload(long id, String text) {}

    /** Comparisons of values made from inside a {@link BatchFileWriter}. */
    private static final AtomicLong IN_WRITER = new AtomicLong();

    private static final Comparator<Payload> BY_ID = Comparator.comparingLong(Payload::id).thenComparing(Payload::text);

    /** The value order, counting the comparisons a file writer makes. */
    private static final Comparator<Payload> COUNTING = (x, y) -> {
        // the writer compares in checkOrder, called by append, called by an add method: within a few frames
        if (StackWalker.getInstance().walk(s -> s.limit(8).anyMatch(f -> f.getClassName().equals(BatchFileWriter.class.getName())))) {
            IN_WRITER.incrementAndGet();
        }
        return BY_ID.compare(x, y);
    };

    private static final Layout LAYOUT = Layout.indexed(ColumnKind.LONG, null, ColumnKind.OBJECT, COUNTING);

    @TempDir
    Path dir;

    @Test
    void everyBatchWrittenToAFileComparesNoValuesInTheWriter() {
        assertWritesCompareNoValues(0, Long.MAX_VALUE);
    }

    @Test
    void heapBatchesMergedIntoAFileCompareNoValuesInTheWriter() {
        // a batch below the threshold stays on the heap; two merged reach it and are written by the merge
        assertWritesCompareNoValues(20_000, Long.MAX_VALUE);
    }

    @Test
    void aHeapBatchSpilledForTheBudgetComparesNoValuesInTheWriter() {
        // a budget of one byte: after each insert the largest heap batch is written whole
        assertWritesCompareNoValues(Long.MAX_VALUE / 4, 1);
    }

    @Test
    void aWriterTrustingTheValueOrderStillRefusesKeysOutOfOrderAndZeroWeights() {
        try (BatchFileWriter w = BatchFileWriter.create(dir, LAYOUT, null, Codecs.defaults().codecFor(Payload.class))
                .trustValueOrder()) {
            w.addLong(5, new Payload(2, "b"), 1);
            w.addLong(5, new Payload(1, "a"), 1); // values of one key: the appender's to order
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> w.addLong(4, new Payload(3, "c"), 1));
            assertTrue(e.getMessage().contains("strictly increasing"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> w.addLong(6, new Payload(3, "c"), 0));
            assertEquals(2, w.count());
        }
    }

    /** Inserts batches (with {@code budget} bytes of heap batches per worker) of 5 keys, each held by many values, into a trace with files and into a heap trace. */
    private void assertWritesCompareNoValues(long threshold, long budget) {
        LongAdder written = new LongAdder();
        Trace heap = new Trace(LAYOUT);
        Trace files = new Trace(LAYOUT, new WorkerStorage(dir, Codecs.defaults(), threshold, budget, written)
                .forStream("stream 'order'", LAYOUT));
        IN_WRITER.set(0);
        for (int b = 0; b < 12; b++) {
            BatchBuilder builder = new BatchBuilder(LAYOUT);
            for (int i = 0; i < 300; i++) {
                long id = (i * 7919L + b * 104_729L) % 10_007; // values of one key from different batches interleave
                builder.addLong(i % 5, new Payload(id, "t" + b), 1);
            }
            var batch = builder.build();
            heap.insert(batch);
            files.insert(batch);
        }
        files.compact();
        heap.compact();
        assertTrue(written.sum() > 0, "batches were written to files");
        assertEquals(0, IN_WRITER.get(), "value comparisons made by the file writer");
        assertEquals(read(heap), read(files));
        files.close();
        heap.close();
    }

    private static List<String> read(Trace t) {
        List<String> out = new ArrayList<>();
        TraceCursor c = t.cursor();
        while (c.nextKey()) {
            while (c.nextValue()) {
                out.add(c.longKey() + "=" + c.value() + "x" + c.weight());
            }
        }
        return out;
    }
}
