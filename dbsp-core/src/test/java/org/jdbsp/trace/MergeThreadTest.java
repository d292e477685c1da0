package org.jdbsp.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.jdbsp.codec.ByteSink;
import org.jdbsp.codec.ByteSource;
import org.jdbsp.codec.Codec;
import org.jdbsp.codec.Codecs;
import org.jdbsp.storage.runtime.MergeThreads;
import org.jdbsp.storage.runtime.WorkerStorage;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Merges into batch files run on merge threads ({@link TraceStorage#mergeThreads}) while inserts go on: whatever the
 * timing, the trace reads as the same integral as a heap trace after every insert; a merge that no thread has
 * started when the spine needs its result is run by the inserting thread (no wait for a thread that may never
 * come); a merge given up is stopped and its file deleted.
 */
@Timeout(120)
class MergeThreadTest {
    /** Threshold of the storage: heap batches merge into a first file from eight of them. */
    private static final long THRESHOLD = 2_048;

    @TempDir
    Path dir;

    /** A stored record: strings go through the string table of each file. */
    record Bid(long auction, String channel, String extra) implements Comparable<Bid> {
        private static final java.util.Comparator<Bid> ORDER = java.util.Comparator.comparingLong(Bid::auction)
                .thenComparing(Bid::channel).thenComparing(Bid::extra);

        @Override
        public int compareTo(Bid o) {
            return ORDER.compare(this, o);
        }
    }

    private static final Layout BIDS = Layout.longToObjects();

    private Trace trace(Executor threads, LongAdder written) {
        return new Trace(BIDS, new WorkerStorage(dir, Codecs.defaults(), THRESHOLD, Long.MAX_VALUE, written, threads)
                .forStream("stream 'bids'", BIDS));
    }

    private static Batch random(SplittableRandom r, int n, boolean deletes) {
        BatchBuilder b = new BatchBuilder(BIDS);
        for (int i = 0; i < n; i++) {
            long auction = r.nextLong(500);
            Bid bid = new Bid(auction, "channel-" + r.nextInt(20), "x".repeat(r.nextInt(30)) + r.nextInt(1_000));
            b.addLong(auction, bid, deletes && r.nextInt(4) == 0 ? -1 : 1);
        }
        return b.build();
    }

    /** The trace's integral as strings, in cursor order. */
    private static List<String> read(Trace t) {
        List<String> out = new ArrayList<>();
        TraceCursor c = t.cursor();
        while (c.nextKey()) {
            while (c.nextValue()) {
                out.add(c.longKey() + " " + c.value() + " " + c.weight());
            }
        }
        return out;
    }

    @Test
    void aTraceMergingOnAThreadReadsAsTheHeapTraceAfterEveryInsert() {
        AtomicInteger ranOnThread = new AtomicInteger();
        MergeThreads threads = new MergeThreads(1, "test");
        Executor counting = task -> threads.execute(() -> {
            ranOnThread.incrementAndGet();
            task.run();
        });
        LongAdder written = new LongAdder();
        try {
            Trace stored = trace(counting, written);
            Trace heap = new Trace(BIDS);
            SplittableRandom r = new SplittableRandom(11);
            for (int i = 0; i < 400; i++) {
                Batch b = random(r, 1 + r.nextInt(i % 50 == 49 ? 600 : 40), true);
                stored.insert(b);
                heap.insert(b);
                if (i % 7 == 0) {
                    assertEquals(read(heap), read(stored), "after insert " + i);
                }
            }
            assertEquals(read(heap), read(stored));
            assertTrue(ranOnThread.get() > 0 && stored.fileBytes() > 0 && written.sum() > 0,
                    ranOnThread.get() + " merges handed to the thread, " + stored.fileBytes() + " bytes in files");
            stored.compact();
            assertEquals(read(heap), read(stored), "after a compaction");
            stored.close();
        } finally {
            threads.close();
        }
    }

    @Test
    void aMergeNoThreadStartedIsRunByTheInserterWhenItsLevelNeedsIt() throws IOException {
        List<Runnable> held = new ArrayList<>();
        Trace stored = trace(held::add, new LongAdder());
        Trace heap = new Trace(BIDS);
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 300; i++) {
            Batch b = random(r, 1 + r.nextInt(60), false);
            stored.insert(b);
            heap.insert(b);
        }
        assertTrue(held.size() > 1, held.size() + " merges handed to a thread that never ran them");
        assertTrue(stored.fileBytes() > 0, "the inserter ran the merges its levels needed");
        assertEquals(read(heap), read(stored));
        // the thread comes at last: merges already run or given up do nothing
        held.forEach(Runnable::run);
        assertEquals(read(heap), read(stored));
        stored.close();
        assertEquals(List.of(), files(), "closing deleted every file, also those of merges never installed");
    }

    @Test
    void aLevelMergingOnAThreadTakesTheNextMergesInputsInsteadOfWaiting() {
        List<Runnable> held = new ArrayList<>();
        // threshold 0: every batch is a file; a level of files merges 8 and holds 6 more beside a merge in the step
        // thread, 14 beside one on a merge thread
        Trace stored = new Trace(BIDS, new WorkerStorage(dir, Codecs.defaults(), 0, Long.MAX_VALUE, new LongAdder(),
                held::add).forStream("stream 'bids'", BIDS));
        Trace heap = new Trace(BIDS);
        SplittableRandom r = new SplittableRandom(29);
        for (int i = 0; i < Trace.FILE_FAN_IN + 12; i++) {
            Batch b = random(r, 1, false);
            stored.insert(b);
            heap.insert(b);
        }
        assertEquals(1, held.size(), "one merge of eight handed to the thread");
        assertEquals(Trace.FILE_FAN_IN + 12, stored.batchCount(), "no insert waited for it (or ran it)");
        held.get(0).run();
        stored.insert(random(r, 1, false));   // installs the merge's result
        assertTrue(stored.batchCount() < Trace.FILE_FAN_IN + 12, stored.batchCount() + " batches");
        stored.close();
    }

    @Test
    void aMemoryBudgetIsKeptByFinishingTheMergesThatWriteTheLargestHeapBatches() {
        long budget = 40_000;
        MergeThreads threads = new MergeThreads(1, "test");
        try {
            Trace stored = new Trace(BIDS, new WorkerStorage(dir, Codecs.defaults(), THRESHOLD, budget, new LongAdder(), threads)
                    .forStream("stream 'bids'", BIDS));
            Trace heap = new Trace(BIDS);
            SplittableRandom r = new SplittableRandom(23);
            for (int i = 0; i < 300; i++) {
                Batch b = random(r, 1 + r.nextInt(30), true);
                stored.insert(b);
                heap.insert(b);
                assertTrue(stored.heapBatchBytes() <= budget, "after insert " + i + ": " + stored.heapBatchBytes()
                        + " heap bytes, budget " + budget);
            }
            assertEquals(read(heap), read(stored));
            stored.close();
        } finally {
            threads.close();
        }
    }

    /** A stored value whose codec fails with an Error on merge threads (a broken user codec). */
    record Val(long v) implements Comparable<Val> {
        @Override
        public int compareTo(Val o) {
            return Long.compare(v, o.v);
        }
    }

    private static final Codec<Val> FAILING_ON_MERGE_THREADS = new Codec<>() {
        @Override
        public void encode(Val value, ByteSink out) {
            if (Thread.currentThread().getName().startsWith("jdbsp-merge-")) {
                throw new StackOverflowError("injected on " + Thread.currentThread().getName());
            }
            out.writeVarLong(value.v());
        }

        @Override
        public Val decode(ByteSource in) {
            return new Val(in.readVarLong());
        }
    };

    @Test
    void anErrorOnAMergeThreadFailsALaterInsertWithItAndLeavesTheTraceWhole() throws IOException, InterruptedException {
        MergeThreads threads = new MergeThreads(1, "err");
        try {
            Trace stored = new Trace(BIDS, new WorkerStorage(dir, Codecs.defaults().with(Val.class, FAILING_ON_MERGE_THREADS), 0,
                    Long.MAX_VALUE, new LongAdder(), threads).forStream("stream 'vals'", BIDS));
            Trace heap = new Trace(BIDS);
            StackOverflowError thrown = null;
            for (int i = 0; thrown == null && i < 10_000; i++) {   // threshold 0: the eighth file starts a merge of eight
                BatchBuilder b = new BatchBuilder(BIDS);
                b.addLong(i, new Val(i), 1);
                Batch batch = b.build();
                heap.insert(batch);
                try {
                    stored.insert(batch);
                } catch (StackOverflowError e) {
                    thrown = e;
                }
                if (i >= Trace.FILE_FAN_IN) {
                    Thread.sleep(1);
                }
            }
            assertTrue(thrown != null && thrown.getMessage().startsWith("injected on jdbsp-merge-err-"), String.valueOf(thrown));
            assertEquals(read(heap), read(stored), "the failing insert kept its batch; the merge's inputs stayed");
            stored.close();
            assertEquals(List.of(), files());
        } finally {
            threads.close();
        }
    }

    @Test
    void aMergeRunByTheInserterIsNotHeldOnTheHeapByTheQueueItWaitedIn() {
        List<Runnable> held = new ArrayList<>();   // a merge thread that never comes: each run stays queued
        Trace stored = trace(held::add, new LongAdder());
        SplittableRandom r = new SplittableRandom(31);
        List<java.lang.ref.WeakReference<Batch>> seen = new ArrayList<>();
        java.util.Set<Batch> seenNow = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int i = 0; i < 300; i++) {
            stored.insert(random(r, 1 + r.nextInt(60), false));
            for (int k = 0; k < stored.batchCount(); k++) {
                Batch b = stored.heapBatch(k);
                if (b != null && seenNow.add(b)) {
                    seen.add(new java.lang.ref.WeakReference<>(b));
                }
            }
        }
        assertTrue(held.size() > 1 && stored.fileBytes() > 0, held.size() + " merges queued, run by the inserter");
        java.util.Set<Batch> inSpine = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int k = 0; k < stored.batchCount(); k++) {
            if (stored.heapBatch(k) != null) {
                inSpine.add(stored.heapBatch(k));
            }
        }
        seenNow.clear();
        System.gc();
        long retained = seen.stream().map(java.lang.ref.WeakReference::get)
                .filter(b -> b != null && !inSpine.contains(b)).count();
        assertEquals(0, retained, "heap batches merged away but still reachable (from the queued runs: " + held.size() + ")");
        stored.close();
    }

    @Test
    void closingATraceStopsItsRunningMergesAndDeletesTheirFiles() throws IOException {
        MergeThreads threads = new MergeThreads(2, "test");
        try {
            Trace stored = trace(threads, new LongAdder());
            SplittableRandom r = new SplittableRandom(3);
            for (int i = 0; i < 200; i++) {
                stored.insert(random(r, 1 + r.nextInt(80), false));
            }
            stored.close();
            assertEquals(List.of(), files(), "no file (finished or temporary) outlives the trace");
        } finally {
            threads.close();
        }
    }

    private List<String> files() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
