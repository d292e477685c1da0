package org.jdbsp.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.jdbsp.testing.RefZSet;
import org.jdbsp.testing.Seeded;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Merges in slices: the merge work an insert does follows the insert's size, not the trace's (counted as key
 * comparisons, never timed); a merge started by one insert is done by the inserts after it; and what cursors,
 * checkpoints and forks see while merges are in progress is exactly the integral. On the heap here, and in
 * {@link SpilledFueledMergeTest} with batches of at least 2 KB in files, so that merges mix heap and file batches.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FueledMergeTest {
    /** Counts the key comparisons of the merges (the only comparisons a trace makes while inserting). */
    private final long[] comparisons = new long[1];
    private final Layout counted = Layout.indexed(ColumnKind.OBJECT, (Comparator<Long>) (x, y) -> {
        comparisons[0]++;
        return Long.compare(x, y);
    }, ColumnKind.LONG, null);

    /** A new empty trace of the tests: on the heap here. */
    Trace newTrace(Layout layout) {
        return new Trace(layout);
    }

    private Batch boxedKeys(SplittableRandom r, int n, long keys) {
        BatchBuilder b = new BatchBuilder(counted);
        for (int i = 0; i < n; i++) {
            b.addObjectLong(Long.valueOf(r.nextLong(keys)), r.nextLong(4), 1 + r.nextInt(3));
        }
        return b.build();
    }

    private static Batch longs(SplittableRandom r, int n, int keys) {
        BatchBuilder b = new BatchBuilder(Layout.longToLongs());
        for (int i = 0; i < n; i++) {
            b.addLongLong(r.nextInt(keys), r.nextInt(3), r.nextInt(7) - 3);
        }
        return b.build();
    }

    private static RefZSet of(Batch b) {
        RefZSet out = new RefZSet();
        for (int i = 0; i < b.size; i++) {
            out.add(List.of(b.key(i), b.value(i)), b.weights[i]);
        }
        return out;
    }

    /**
     * 3,000 inserts of 16 tuples grow the trace to 48,000 tuples. Merging eagerly, some insert merges the
     * largest batches (tens of thousands of comparisons); in slices, no insert does more than 16 units per
     * tuple of its size per level (8 units of fuel for each merge in progress, which is one merge per level,
     * plus finishing at most a merge of its own level's size), which is a few thousand here.
     */
    @Test
    void noInsertDoesMoreMergeWorkThanItsSizeTimesTheLevels() {
        SplittableRandom r = new SplittableRandom(18);
        Trace t = newTrace(counted);
        int n = 16;
        int inserts = 3_000;
        long worst = 0;
        for (int i = 0; i < inserts; i++) {
            Batch b = boxedKeys(r, n, 1L << 40);
            comparisons[0] = 0;
            t.insert(b);
            worst = Math.max(worst, comparisons[0]);
        }
        int levels = 1 + Trace.levelOf(n * inserts);
        long bound = 16L * n * levels;
        assertTrue(worst <= bound, "an insert of " + n + " tuples made " + worst + " comparisons (bound " + bound + ")");
        assertEquals((long) n * inserts, t.storedTuples(), "distinct keys: nothing cancels");
        assertTrue(t.batchCount() <= 2 * levels, t.batchCount() + " batches for " + levels + " levels");
    }

    /** How many batches the levels of {@link #aLargeMergeIsSpreadOverTheInsertsAfterItAndIsDoneInTime} merge at once. */
    int levelFanIn() {
        return 2;
    }

    /**
     * A gradual compaction under a value-time bound: starting it merges nothing; the inserts after it pay for it
     * in slices (no insert does more than the ordinary bound plus the compaction's share of its size), it takes
     * many of them, and once it is done every tuple below the bound is gone while cursors read the same values.
     */
    @Test
    void aGradualCompactionIsPaidForInSlicesAndDropsWhatTheBoundCovers() {
        SplittableRandom r = new SplittableRandom(11);
        Trace t = newTrace(counted);
        t.dropValuesBelow(Long.MIN_VALUE, TIME_OF_VALUE);
        int n = 16;
        RefZSet live = new RefZSet();
        for (int i = 0; i < 2_000; i++) {
            BatchBuilder b = new BatchBuilder(counted);
            for (int j = 0; j < n; j++) {
                long value = j % 2 == 0 ? i : 1_000_000L; // half of the tuples fall below the bound set next
                Long key = r.nextLong(1L << 40);
                b.addObjectLong(key, value, 1);
                if (value == 1_000_000L) {
                    live.add(List.of(key, value), 1);
                }
            }
            t.insert(b.build());
        }
        t.dropValuesBelow(1_000_000L, TIME_OF_VALUE);
        long before = t.storedTuples();
        long work = t.mergeWork();
        t.compactGradually();
        assertTrue(t.compacting(), "batches are marked for a rewrite");
        assertEquals(work, t.mergeWork(), "starting a gradual compaction merges nothing");
        assertEquals(before, t.storedTuples());
        int levels = 1 + Trace.levelOf((int) before + 2 * n * 1_000);
        long bound = 16L * n * levels + (long) Trace.CLEANUP_FUEL_PER_TUPLE * n;
        long worst = 0;
        int inserts = 0;
        // done: no batch left to rewrite, and no merge in progress whose inputs (a batch whose rewrite a merge
        // replaced) may still hold tuples below the bound
        while (t.compacting() || t.mergesInProgress() > 0) {
            Batch b = boxedKeys(r, n, 1L << 40);
            long[] values = b.longValues;
            for (int i = 0; i < b.size; i++) {
                values[i] = 1_000_000L + i;
            }
            comparisons[0] = 0;
            t.insert(b);
            worst = Math.max(worst, comparisons[0]);
            live.addAll(of(b));
            inserts++;
            assertTrue(inserts <= 1_000, "the compaction is still not done after " + inserts + " inserts");
        }
        assertTrue(inserts > 100, "a meaningful test: the compaction took " + inserts + " inserts");
        assertTrue(worst <= bound, "an insert of " + n + " tuples made " + worst + " comparisons (bound " + bound + ")");
        RefZSet stored = new RefZSet();
        t.batches().forEach(b -> stored.addAll(of(b)));
        assertTrue(live.equals(stored), "every tuple below the bound is gone, the others are all there: "
                + live.map().size() + " live, " + stored.map().size() + " stored");
        assertEquals(live.map().size(), t.storedTuples(), "no batch holds a tuple twice or one below the bound");
    }

    /** A value's time: the value itself (one object, as {@link Trace#dropValuesBelow} requires). */
    private static final java.util.function.ToLongFunction<Object> TIME_OF_VALUE = v -> (Long) v;

    /**
     * A batch, then its negation in {@code f} pieces (f the fan-in of the levels: two halves on the heap): the
     * merge of the pieces is paid for by the insert of the last and puts their sum beside the batch (and beside
     * {@code f - 2} unrelated batches of its size), which starts a merge that cancels everything. That one goes on
     * over the small inserts after it (every batch is still stored after the first of them) and is done within a
     * bounded number of them, while every cursor reads just the small inserts (and the unrelated batches).
     */
    @Test
    void aLargeMergeIsSpreadOverTheInsertsAfterItAndIsDoneInTime() {
        SplittableRandom r = new SplittableRandom(7);
        Trace t = newTrace(Layout.longToLongs());
        int f = levelFanIn();
        int big = 1 << 12;
        BatchBuilder plus = new BatchBuilder(Layout.longToLongs());
        List<BatchBuilder> pieces = new ArrayList<>();
        for (int p = 0; p < f; p++) {
            pieces.add(new BatchBuilder(Layout.longToLongs()));
        }
        for (int k = 0; k < big; k++) {
            plus.addLongLong(k, k % 5, 2);
            pieces.get(k / (big / f)).addLongLong(k, k % 5, -2);
        }
        RefZSet small = new RefZSet();
        t.insert(plus.build());
        for (int p = 0; p < f - 2; p++) {
            BatchBuilder other = new BatchBuilder(Layout.longToLongs());
            for (int k = 0; k < big; k++) {
                other.addLongLong(big * (p + 1L) + k, 0, 1);
            }
            Batch unrelated = other.build();
            t.insert(unrelated);
            small.addAll(of(unrelated));
        }
        pieces.forEach(piece -> t.insert(piece.build()));
        long rest = (long) (f - 2) * big;
        assertEquals(rest + 2L * big, t.storedTuples(), "the insert of the last piece does not merge the whole batch");
        int inserted = 0;
        while (t.storedTuples() >= 2L * big + small.map().size()) {   // the batch and its negation are both still stored
            Batch one = longs(r, 1, 1_000_000);
            t.insert(one);
            small.addAll(of(one));
            inserted++;
            if (inserted == 1) {
                assertTrue(t.storedTuples() > rest + 2L * big - 10, "the merge of " + f + " x " + big + " tuples is not done by one insert of one tuple");
            }
            if (inserted % 97 == 0) {
                assertEquals(small, TraceTest.readAll(t), "after " + inserted + " small inserts");
            }
            assertTrue(inserted <= f * big / 2, "the merge is still not done after " + inserted + " inserts");
        }
        assertEquals(small, TraceTest.readAll(t));
    }

    /**
     * Over random inserts of very different sizes (with cancellations and a rising key bound), cursors and
     * seeks read exactly the values and weights an eagerly compacted trace reads after every insert, and so
     * does the consolidation at the end.
     */
    @Test
    void readsTheSameAsEagerMergingWhileMergesAreInProgress() {
        Seeded.trials("fueled vs eager", 30, r -> {
            Trace t = newTrace(Layout.longToLongs());
            Trace eager = newTrace(Layout.longToLongs());
            int keys = 1 + r.nextInt(5_000);
            long bound = Long.MIN_VALUE;
            for (int step = 0; step < 60; step++) {
                int n = r.nextInt(10) == 0 ? r.nextInt(3_000) : r.nextInt(40);
                Batch b = longs(r, n, keys);
                t.insert(b);
                eager.insert(b);
                eager.compact();
                if (r.nextInt(15) == 0) {
                    bound = Math.max(bound, r.nextInt(keys / 4 + 1));
                    t.dropKeysBelow(bound);
                    eager.dropKeysBelow(bound);
                }
                if (step % 7 == 0) {
                    assertEquals(TraceTest.readAll(eager), TraceTest.readAll(t), "step " + step);
                    TraceCursor c = t.cursor();
                    TraceCursor e = eager.cursor();
                    for (long key = r.nextInt(10); key < keys; key += 1 + r.nextInt(50)) {
                        e.seekLongKey(key);
                        c.seekLongKey(key);
                        List<Long> seen = new ArrayList<>();
                        List<Long> expected = new ArrayList<>();
                        while (c.nextValue()) {
                            seen.add(c.longValue() * 1_000 + c.weight());
                        }
                        while (e.nextValue()) {
                            expected.add(e.longValue() * 1_000 + e.weight());
                        }
                        assertEquals(expected, seen, "values of key " + key);
                    }
                }
            }
            assertEquals(TraceTest.readAll(eager), TraceTest.readAll(t));
            assertEquals(of(eager.consolidated()), of(t.consolidated()));
            t.close();
            eager.close();
        });
    }

    /**
     * A compaction under a value-time bound whose first merges leave nothing (every tuple of the two smallest
     * batches is below the bound) goes on with the batches left, keeping exactly those at or above the bound.
     */
    @Test
    void aCompactionWhoseFirstMergesLeaveNothingKeepsTheRest() {
        Trace t = newTrace(Layout.longToLongs());
        BatchBuilder kept = new BatchBuilder(Layout.longToLongs());
        for (int k = 0; k < 8; k++) {
            kept.addLongLong(k, 100, 1);
        }
        Batch x = kept.build();
        BatchBuilder old = new BatchBuilder(Layout.longToLongs());
        old.addLongLong(20, 0, 1);
        old.addLongLong(21, 0, 1);
        t.insert(x);
        t.insert(old.build());
        t.dropValuesBelow(50, v -> (Long) v);
        BatchBuilder older = new BatchBuilder(Layout.longToLongs());
        older.addLongLong(30, 1, 1);
        t.insert(older.build());
        assertEquals(3, t.batchCount(), "a meaningful test: three batches of levels 3, 1 and 0");
        t.compact();
        assertEquals(of(x), TraceTest.readAll(t));
        assertEquals(1, t.batchCount());
    }

    /**
     * A trace saved while merges are in progress (its batches, as a checkpoint takes them) and restored, or
     * forked, reads the same and goes on merging to the same integral as the original.
     */
    @Test
    void aCheckpointOrForkTakenMidMergeRestoresTheSameIntegral() {
        SplittableRandom r = new SplittableRandom(3);
        Trace t = newTrace(Layout.longToLongs());
        RefZSet expected = new RefZSet();
        boolean sawMerge = false;
        for (int step = 0; step < 200; step++) {
            Batch b = longs(r, r.nextInt(8) == 0 ? 500 + r.nextInt(500) : r.nextInt(30), 2_000);
            t.insert(b);
            expected.addAll(of(b));
            if (t.mergesInProgress() > 0 && step % 10 == 0) {
                sawMerge = true;
                Trace restored = newTrace(Layout.longToLongs());
                restored.restore(t.batches(), t.keyBound());
                Trace fork = t.fork();
                assertEquals(expected, TraceTest.readAll(restored), "restored at step " + step);
                Batch more = longs(r, 300, 2_000);
                RefZSet after = expected.copy().addAll(of(more));
                restored.insert(more);
                fork.insert(more);
                assertEquals(after, TraceTest.readAll(restored));
                assertEquals(after, TraceTest.readAll(fork));
                assertEquals(expected, TraceTest.readAll(t), "the original is not changed by its fork");
                restored.close();
                fork.close();
            }
        }
        assertTrue(sawMerge, "a meaningful test: some checkpoint was taken mid-merge");
    }
}
