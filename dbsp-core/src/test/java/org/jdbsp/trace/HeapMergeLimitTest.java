package org.jdbsp.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;
import org.jdbsp.codec.Codecs;
import org.jdbsp.storage.runtime.WorkerStorage;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heap batches merge on the heap up to the storage's heap merge limit (eight spill thresholds, capped by the
 * memory budget) before their first file, so that the first file a tuple reaches is not one that the merges of
 * file levels rewrite soon after.
 */
@Timeout(60)
class HeapMergeLimitTest {
    private static final long THRESHOLD = 4_096;

    @TempDir
    Path dir;

    private Trace trace(LongAdder written) {
        Layout layout = Layout.longToLongs();
        return new Trace(layout, new WorkerStorage(dir, Codecs.defaults(), THRESHOLD, Long.MAX_VALUE, written)
                .forStream("stream 'test'", layout));
    }

    /** A batch of {@code n} random (key, value) tuples, each well below the threshold for small n. */
    private static Batch random(SplittableRandom r, int n) {
        BatchBuilder b = new BatchBuilder(Layout.longToLongs());
        for (int k = 0; k < n; k++) {
            b.addLongLong(r.nextLong(1L << 40), r.nextLong(1L << 20), 1);
        }
        return b.build();
    }

    @Test
    void theFirstFileIsAMergeOfHeapBatchesOfAtLeastEightThresholds() {
        Trace t = trace(new LongAdder());
        SplittableRandom r = new SplittableRandom(7);
        long largestHeapBatch = 0;
        for (int i = 0; i < 1_000 && t.fileBytes() == 0; i++) {
            t.insert(random(r, 32));
            for (int k = 0; k < t.batchCount(); k++) {
                if (t.heapBatch(k) != null) {
                    largestHeapBatch = Math.max(largestHeapBatch, Trace.bytesOf(t.heapBatch(k)));
                }
            }
        }
        assertTrue(t.fileBytes() > 0, "a file was written at last");
        assertTrue(largestHeapBatch >= 4 * THRESHOLD, "heap batches of " + largestHeapBatch
                + " estimated bytes, above the threshold of " + THRESHOLD + ", stayed on the heap");
        for (int k = 0; k < t.batchCount(); k++) {
            if (t.fileBatch(k) != null) {
                long bytes = Trace.bytesOf(t.batches().get(k));
                assertTrue(bytes >= 8 * THRESHOLD, "the first file holds " + bytes + " estimated bytes of batches");
            }
        }
        t.close();
    }

    /**
     * 65,536 tuples inserted 32 at a time: each is written once to its first file and then rewritten only by the
     * merges of file levels above it, one level of those fewer than when the first file was of one threshold.
     */
    @Test
    void eachTupleIsWrittenAboutTwiceInAll() {
        LongAdder written = new LongAdder();
        Trace t = trace(written);
        SplittableRandom r = new SplittableRandom(15);
        for (int i = 0; i < 2_048; i++) {
            t.insert(random(r, 32));
        }
        long all = written.sum();
        t.compact();
        assertEquals(65_536, t.storedTuples());
        double amplification = (double) all / t.fileBytes();
        assertTrue(amplification < 2.2, "the inserts wrote " + all + " bytes of files, " + amplification
                + " times the " + t.fileBytes() + " bytes of the whole state in one file");
        t.close();
    }

    @Test
    void theLimitIsEightThresholdsAtMostA16thOfTheBudgetAndAtLeastTheThreshold() {
        Layout layout = Layout.LONGS;
        assertEquals(8 * THRESHOLD, limit(THRESHOLD, Long.MAX_VALUE, layout));
        assertEquals(2 * THRESHOLD, limit(THRESHOLD, 32 * THRESHOLD, layout), "a 16th of the budget");
        assertEquals(THRESHOLD, limit(THRESHOLD, 1_000, layout), "never below the threshold");
        assertEquals(0, limit(0, Long.MAX_VALUE, layout), "threshold 0 writes every merge");
        assertEquals(Long.MAX_VALUE, limit(Long.MAX_VALUE, Long.MAX_VALUE, layout), "no overflow");
    }

    private long limit(long threshold, long budget, Layout layout) {
        return new WorkerStorage(dir, Codecs.defaults(), threshold, budget).forStream("stream 's'", layout).heapMergeLimit();
    }
}
