package org.jdbsp.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.jdbsp.storage.spi.BatchFile;
import org.jdbsp.storage.spi.BatchFileInfo;
import org.jdbsp.storage.spi.BatchFileWriter;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.Merging;

/**
 * The integral of a stream of batches, kept as a spine of consolidated batches merged by size tiers, like
 * an LSM tree, with the merges spread over the inserts that follow them.
 *
 * <p><b>Levels and fuel.</b> Level {@code k} of the spine holds batches of at most {@code 2^k} tuples: none,
 * one, or two that are being merged. An inserted batch of {@code n} tuples goes to level
 * {@code k = ceil(log2 n)}; when a level receives a second batch, the merge of the two begins, and its result
 * goes to the level its size calls for (at most {@code k + 1}). A merge is not done at once: every insert of
 * level {@code k} first gives each merge in progress {@value #FUEL_PER_TUPLE}{@code  * 2^k} units of fuel (one
 * unit per input tuple consumed), largest level first, and then as much to the merge it starts on its own level
 * (which that is enough to finish); so a step does work in proportion to its input (times the number of levels)
 * instead of in proportion to the state, and each merge is done before its level would need it again (if not,
 * because inserts arrive in an unusual order, the insert finishes that one merge first). A merge that a smaller
 * merge's result starts on a higher level waits for the fuel of later inserts. There are O(log n) batches, and each tuple takes part in O(log n) merges over its life. The count
 * is deterministic: the same inserts do the same work in the same steps, for any timing.
 *
 * <p>Until a merge is done, its inputs stay in the spine unchanged, and cursors read them as separate batches;
 * its partial output is seen by nobody. {@link #batches()} (what a checkpoint saves) lists them separately
 * too, and a restored or forked trace starts their merge afresh. {@link #compact()} finishes every
 * merge.
 *
 * <p><b>Gradual compaction.</b> {@link #compactGradually()} is {@link #compact()} without the stall: it marks every
 * level that is not merging for a rewrite of its batches on their own (merged together, or a lone batch with
 * nothing, which drops what the bounds cover), and each later insert of {@code n} tuples pays
 * {@value #CLEANUP_FUEL_PER_TUPLE}{@code  * n} units of fuel, shared by those rewrites largest level first, after
 * the fuel of the ordinary merges. A rewrite's result stays on its level, so it never makes another level finish a
 * merge at once; a batch arriving on a level being rewritten that makes the level merge replaces the rewrite (that
 * merge drops the same tuples; on a level of files, where fewer batches wait, it waits beside the rewrite). A step thus never merges the whole state at once, and {@link #compacting()} says when every
 * rewrite is done.
 *
 * <p>A lower key bound set by {@link #dropKeysBelow} (watermark garbage collection) removes keys below it
 * during every later merge and hides them from cursors at once; {@link #compact()} applies it everywhere.
 * A lower bound on a time derived from each value, set by {@link #dropValuesBelow}, works the same way
 * during merges but is not hidden from cursors (it is for tuples that no longer matter to any reader).
 * The time of each tuple is computed once, when its batch is inserted or first merged under the bound, and
 * then kept beside the batch (a {@code long[]} parallel to it) and carried through merges, so a merge compares
 * times in an array instead of calling the time function (which typically follows references into the
 * records) on every tuple it touches.
 * The same key may appear in several batches, with weights that only add up to the integral;
 * {@link TraceCursor} consolidates them as it reads.
 *
 * <p><b>Storage.</b> A trace made with a {@link TraceStorage} keeps batches of at least its
 * {@linkplain TraceStorage#spillThreshold threshold} in batch files ({@link FileBatch}) instead of the heap:
 * a batch inserted that is that large is written to a file, and so is one merged from heap batches that reaches
 * the storage's {@linkplain TraceStorage#heapMergeLimit heap merge limit} (at least the threshold: heap batches
 * merge on the heap up to it, so that a tuple's first file is not one that file merges rewrite soon after); a merge
 * involving a file streams from file to file; files merged away are deleted. A level whose oldest batch is a file merges
 * {@value #FILE_FAN_IN} batches at once instead of two (its result goes up about three levels), and holds up to
 * {@code 2 * }{@value #FILE_FAN_IN}{@code  - 2} while merging: each stored tuple is then written about a third
 * as often as by merges of two, for a few more batches for cursors to read; a file keeps a
 * {@code KeyFilter} of its keys on the heap (about one byte a tuple), so that a cursor skips the files that cannot
 * hold the key it seeks. Cursors read file batches in place. The per-batch times of
 * {@link #dropValuesBelow} stay on the heap beside file batches. A trace without storage never writes.
 *
 * <p><b>Merge threads.</b> When the storage has {@linkplain TraceStorage#mergeThreads merge threads}, a merge into a
 * file runs there to its end instead of being fuelled by inserts: an insert only installs the result of a merge that
 * is done, and waits for one only when a level has no room left without its result (running it itself if no thread
 * has started it); a level merging on a thread holds the inputs of its next merge too, beside it. The work per insert then no longer bounds a step's time spent merging files, and when results
 * appear depends on timing; what cursors read never does. A merge that failed there is given up (its inputs stay)
 * and its failure thrown by the next insert, which still adds its batch (on the heap).
 */
public final class Trace {
    /** Units of merge work (input tuples consumed) each merge in progress gets per tuple of an insert's level. */
    static final int FUEL_PER_TUPLE = 8;
    /** Units of rewrite work per inserted tuple that the levels marked by {@link #compactGradually()} share. */
    static final int CLEANUP_FUEL_PER_TUPLE = 4;
    /**
     * Batches merged at once on a level of batch files (a heap level merges two): a stored tuple is rewritten
     * about {@code log_8(state / spill threshold)} times instead of {@code log_2}.
     */
    static final int FILE_FAN_IN = 8;

    private final Layout layout;
    private final TraceStorage storage;
    /** Level k of the spine: batches of at most 2^k tuples. */
    private final ArrayList<Level> levels;
    private boolean codecsLearned;
    private boolean hasBound;
    private long longBound;
    private Object objectBound;
    private ToLongFunction<Object> valueTime;
    private long valueBound;
    /** Input tuples consumed by the merges of this trace so far (for tests of the work per insert). */
    private long mergeWork;

    /** One batch of the spine: on the heap or in a file, with the times of its tuples once known (else null). */
    private record Part(Batch heap, FileBatch file, long[] times) {
        int size() {
            return heap != null ? heap.size : file.size();
        }
    }

    /**
     * A level of the spine: its batches, oldest first. Once it holds its {@linkplain #fanIn fan-in} of them, the
     * first that many are being merged (the merge starts when first fuelled); later batches wait beside them.
     */
    private static final class Level {
        final ArrayList<Part> parts = new ArrayList<>(2);
        SpineMerge merge;
        /** Whether its first {@link #cleaningCount} batches are being rewritten on their own, for {@link #compactGradually()}. */
        boolean cleaning;
        int cleaningCount;
    }

    /** An empty trace of batches of {@code layout}. */
    public Trace(Layout layout) {
        this(layout, null);
    }

    /** An empty trace of batches of {@code layout} that spills to {@code storage} (none when null). */
    public Trace(Layout layout, TraceStorage storage) {
        this.layout = layout;
        this.storage = storage;
        this.levels = new ArrayList<>();
        if (storage != null) {
            storage.register(this);
        }
    }

    private Trace(Trace other) {
        this.layout = other.layout;
        this.storage = other.storage;
        this.codecsLearned = other.codecsLearned;
        this.levels = new ArrayList<>(other.levels.size());
        for (Level l : other.levels) {
            Level copy = new Level();
            for (Part p : l.parts) {
                copy.parts.add(retain(p));
            }
            copy.cleaning = l.cleaning;
            copy.cleaningCount = l.cleaningCount;
            levels.add(copy);
        }
        this.hasBound = other.hasBound;
        this.longBound = other.longBound;
        this.objectBound = other.objectBound;
        this.valueTime = other.valueTime;
        this.valueBound = other.valueBound;
        if (storage != null) {
            storage.register(this);
        }
    }

    private static Part retain(Part p) {
        if (p != null && p.file() != null) {
            p.file().retain();
        }
        return p;
    }

    /**
     * An independent copy holding the same content; cheap, because batches are immutable and shared (a file
     * batch is deleted when no copy holds it any more). Merges in progress start afresh in the copy.
     */
    public Trace fork() {
        return new Trace(this);
    }

    /** The layout of the batches held. */
    public Layout layout() {
        return layout;
    }

    /**
     * Adds a batch to the integral, after spending fuel in proportion to its size on the merges in progress.
     * With storage, the first non-empty batch first makes the storage learn the
     * codecs (failing, before anything changes, when a type has none); a write that fails (a full disk) throws a
     * {@link org.jdbsp.storage.spi.StorageException} naming the file, and the failed file is never used.
     */
    public void insert(Batch delta) {
        if (!delta.layout.equals(layout)) {
            throw new IllegalArgumentException("batch layout " + delta.layout + " does not match trace layout " + layout);
        }
        if (delta.size == 0) {
            return;
        }
        learnCodecs(delta);
        Part part = new Part(delta, null, valueTime == null ? null : timesOf(delta));
        Throwable failed = takeMergeThreadFailure();
        if (failed != null) {
            place(part); // the batch is kept, on the heap, as when its own write fails
            throw MergeThreadRun.unchecked(failed);
        }
        if (storage != null && bytesOf(delta) >= storage.spillThreshold()) {
            try {
                part = spilled(part);
            } catch (RuntimeException e) {
                place(part); // the batch is kept, on the heap, as if the write had not been tried
                throw e;
            }
        }
        long fuel = (long) FUEL_PER_TUPLE << levelOf(delta.size);
        applyFuel(fuel);
        int k = place(part);
        if (due(levels.get(k)) && advance(levels.get(k), fuel)) {
            finishAt(k);
        }
        applyCleanupFuel((long) CLEANUP_FUEL_PER_TUPLE * delta.size);
        if (storage != null) {
            storage.afterChange(this);
        }
    }

    /**
     * With storage, makes it learn the codecs from {@code first} unless it knows them already: before the spine
     * holds a heap batch that a merge or a spill may write to a file (a batch inserted or restored). Throws,
     * naming the stream and the type, when a type has no codec.
     */
    private void learnCodecs(Batch first) {
        if (storage != null && !codecsLearned) {
            storage.learnCodecs(first);
            codecsLearned = true;
        }
    }

    /**
     * Gives up the merges that failed on a merge thread (a full disk, an exception in a codec or an order; their
     * inputs stay in the spine, to be merged again later) and returns the first failure, or null.
     */
    private Throwable takeMergeThreadFailure() {
        Throwable first = null;
        for (Level l : levels) {
            Throwable f = l.merge == null ? null : l.merge.failure();
            if (f != null) {
                l.merge.abandon();
                l.merge = null;
                first = first == null ? f : first;
            }
        }
        return first;
    }

    /** The level of a batch of {@code size} tuples: the least k with size <= 2^k. */
    static int levelOf(int size) {
        return size <= 1 ? 0 : 64 - Long.numberOfLeadingZeros(size - 1L);
    }

    /** Gives every merge in progress {@code fuel}, largest level first, and places the results of those done. */
    private void applyFuel(long fuel) {
        for (int k = levels.size() - 1; k >= 0; k--) {
            if (due(levels.get(k)) && advance(levels.get(k), fuel)) {
                finishAt(k);
            }
        }
    }

    /**
     * How many batches level {@code l} merges at once: {@value #FILE_FAN_IN} when its oldest batch is in a file
     * (a merge of files is paid for in bytes written, so fewer, wider merges), else two.
     */
    private int fanIn(Level l) {
        return storage != null && !l.parts.isEmpty() && l.parts.get(0).file() != null ? FILE_FAN_IN : 2;
    }

    /** Whether level {@code l} has a merge in progress or holds enough batches to start one (a rewrite is not one). */
    private boolean due(Level l) {
        return !l.cleaning && (l.merge != null || l.parts.size() >= fanIn(l));
    }

    /**
     * Shares {@code budget} among the rewrites of {@link #compactGradually()}, largest level first; a rewrite that
     * is done leaves its result on its level.
     */
    private void applyCleanupFuel(long budget) {
        for (int k = levels.size() - 1; k >= 0 && budget > 0; k--) {
            Level l = levels.get(k);
            if (!l.cleaning) {
                continue;
            }
            long before = mergeWork;
            boolean done = advance(l, budget);
            budget -= mergeWork - before;
            if (done) {
                finishCleanup(l);
            }
        }
    }

    /**
     * Replaces the batches of level {@code l} whose rewrite is done by the rewrite's result, on the same level, before
     * the batches that arrived there since.
     */
    private void finishCleanup(Level l) {
        Part result = resultOf(l.merge);
        l.merge = null;
        l.cleaning = false;
        List<Part> rewritten = l.parts.subList(0, l.cleaningCount);
        rewritten.forEach(Trace::release);
        rewritten.clear();
        if (result != null) {
            l.parts.add(0, result);
        }
    }

    /**
     * Gives up the rewrite of level {@code l} when a batch arriving there makes the level merge: that merge takes
     * every batch of the rewrite and drops the same tuples. (On a level of batch files, where fewer batches wait
     * for their merge, the rewrite goes on and the new batch waits beside it.)
     */
    private void stopCleaning(Level l) {
        if (l.cleaning && l.parts.size() + 1 >= fanIn(l)) {
            if (l.merge != null) {
                l.merge.abandon();
                l.merge = null;
            }
            l.cleaning = false;
        }
    }

    /**
     * Puts {@code p} on its level, which it returns. A level of fan-in {@code f} that is merging holds at most
     * {@code f - 2} batches beside its merge (none on the heap), or {@code 2f - 2} when a merge thread runs the merge
     * (room for the inputs of the next merge, so that a step waits for the thread only when it falls a whole merge
     * behind): one that has no room first finishes its merge.
     */
    private int place(Part p) {
        int k = levelOf(p.size());
        while (levels.size() <= k) {
            levels.add(new Level());
        }
        Level l = levels.get(k);
        stopCleaning(l);
        int room = 2 * fanIn(l) - 2 + (l.merge != null && l.merge.onMergeThread() ? fanIn(l) : 0);
        if (due(l) && l.parts.size() >= room) {
            advance(l, Long.MAX_VALUE);
            finishAt(k);
            return place(p);
        }
        l.parts.add(p);
        return k;
    }

    /**
     * Spends up to {@code fuel} on the merge of level {@code l}, starting it if needed; true when it is done. A
     * failure (a write to a full disk) gives the merge up, leaving both inputs in place, and is thrown.
     */
    private boolean advance(Level l, long fuel) {
        if (l.merge == null) {
            l.merge = startMerge(l.cleaning ? rewriteOf(l.parts.subList(0, l.cleaningCount)) : l.parts.subList(0, Math.min(fanIn(l), l.parts.size())),
                    fuel != Long.MAX_VALUE);
        }
        try {
            mergeWork += l.merge.work(fuel);
        } catch (RuntimeException e) {
            l.merge.abandon();
            l.merge = null;
            throw e;
        }
        return l.merge.done();
    }

    /**
     * The merge of {@code inputs} (oldest first): into a file when one of them is a file or their sum reaches the
     * storage's {@linkplain TraceStorage#heapMergeLimit heap merge limit}.
     */
    private SpineMerge startMerge(List<Part> inputs, boolean onMergeThread) {
        SpineMerge.Source[] sources = new SpineMerge.Source[inputs.size()];
        long[][] times = new long[inputs.size()][];
        boolean anyFile = false;
        long heapBytes = 0;
        for (int k = 0; k < sources.length; k++) {
            Part p = inputs.get(k);
            sources[k] = SpineMerge.Source.of(p.heap(), p.file());
            times[k] = p.times();
            anyFile |= p.file() != null;
            heapBytes += p.heap() != null ? bytesOf(p.heap()) : 0;
        }
        boolean toFile = storage != null && (anyFile || heapBytes >= storage.heapMergeLimit());
        SpineMerge m = new SpineMerge(this, sources, times, valueTime, toFile ? storage.newWriter().trustValueOrder() : null);
        java.util.concurrent.Executor threads = toFile && onMergeThread ? storage.mergeThreads() : null;
        if (threads != null) {
            m.runOn(threads);
        }
        return m;
    }

    /** Replaces the batches of level {@code k} whose merge is done by its result, placed where its size says. */
    private void finishAt(int k) {
        Level l = levels.get(k);
        Part result = resultOf(l.merge);
        List<Part> merged = l.parts.subList(0, l.merge.inputs());
        l.merge = null;
        merged.forEach(Trace::release);
        merged.clear();
        if (result != null) {
            place(result);
        }
    }

    /** The inputs of a rewrite of {@code parts} on their own: a lone batch is merged with nothing. */
    private List<Part> rewriteOf(List<Part> parts) {
        return parts.size() > 1 ? parts : List.of(parts.get(0), nothing());
    }

    /** An empty part, the partner of a batch merged on its own (its rewrite, or a compaction of one batch). */
    private Part nothing() {
        return new Part(Batch.empty(layout), null, new long[0]);
    }

    /** The batch a done merge made, or null when it is empty (a file merge's file is finished, or deleted if empty). */
    private Part resultOf(SpineMerge m) {
        if (m.written() == 0) {
            m.abandon();
            return null;
        }
        if (m.file() == null) {
            return new Part(m.heapResult(), null, m.timesOut());
        }
        try {
            BatchFileInfo info = m.finishFile();
            if (!m.onMergeThread()) {
                storage.written(info);   // a merge thread counted its file when it finished it
            }
            return new Part(null, open(info, m.keyFilter()), m.timesOut());
        } catch (RuntimeException e) {
            m.abandon();
            throw e;
        }
    }

    /** The merge of {@code inputs} (oldest first) at once (for {@link #compact()}), or null when empty. */
    private Part mergeNow(List<Part> inputs) {
        SpineMerge m = startMerge(inputs, false);
        try {
            mergeWork += m.work(Long.MAX_VALUE);
        } catch (RuntimeException e) {
            m.abandon();
            throw e;
        }
        return resultOf(m);
    }

    /**
     * The estimated heap bytes of a batch, as the spill threshold and the memory budget count them: its arrays,
     * plus 48 bytes per object key or value (the records themselves, roughly).
     */
    public static long bytesOf(Batch b) {
        long objects = (b.objKeys != null ? 1 : 0) + (b.objValues != null ? 1 : 0);
        return b.approximateBytes() + 48L * objects * b.size;
    }

    /** Opens a file this trace wrote (and counted), with the filter of its keys (or null). */
    private FileBatch open(BatchFileInfo info, KeyFilter keys) {
        return new FileBatch(BatchFile.open(info.path(), layout, storage.keyCodec(), storage.valueCodec()), keys);
    }

    private static void release(Part p) {
        if (p != null && p.file() != null) {
            p.file().release();
        }
    }

    /** The heap part {@code p} written to a file. */
    private Part spilled(Part p) {
        FileBatch file;
        Batch b = p.heap();
        KeyFilter keys = new KeyFilter(b.size);
        for (int i = 0; i < b.size; i++) {
            if (b.objKeys != null) {
                keys.add(b.objKeys[i]);
            } else {
                keys.addLong(b.longKeys[i]);
            }
        }
        try (BatchFileWriter out = storage.newWriter().trustValueOrder()) {
            out.addAll(b);
            BatchFileInfo info = out.finish();
            storage.written(info);
            file = open(info, keys);
        }
        return new Part(null, file, p.times());
    }

    /**
     * Writes the largest heap batch of the spine to a file (for a memory budget), giving up a merge in progress
     * that reads it (it starts again from the file), or, when a merge thread is merging it into a file, finishes
     * that merge; returns the estimated bytes freed, or 0 when there is no
     * heap batch or the trace has no storage (or has seen no batch yet).
     */
    public long spillLargestHeapBatch() {
        if (storage == null || !codecsLearned) {
            return 0;
        }
        Level best = null;
        int index = -1;
        long bestBytes = 0;
        for (Level l : levels) {
            for (int i = 0; i < l.parts.size(); i++) {
                Part p = l.parts.get(i);
                if (p.heap() != null && bytesOf(p.heap()) > bestBytes) {
                    best = l;
                    index = i;
                    bestBytes = bytesOf(p.heap());
                }
            }
        }
        if (best == null) {
            return 0;
        }
        if (best.merge != null && index < best.merge.inputs() && best.merge.onMergeThread()) {
            // a merge thread is writing it to a file already: finish that merge (waiting for it) rather than redo it
            long before = heapBatchBytes();
            int k = levels.indexOf(best);
            advance(best, Long.MAX_VALUE);
            finishAt(k);
            return Math.max(0, before - heapBatchBytes());
        }
        Part file = spilled(best.parts.get(index));
        if (best.merge != null && index < best.merge.inputs()) {
            bestBytes += best.merge.heapBytes();
            best.merge.abandon();
            best.merge = null;
        }
        best.parts.set(index, file);
        return bestBytes;
    }

    /** Estimated bytes of the heap batches of the spine and of the merges' outputs (as {@link #bytesOf} counts). */
    public long heapBatchBytes() {
        long n = 0;
        for (Level l : levels) {
            for (Part p : l.parts) {
                n += heapBytes(p);
            }
            n += l.merge == null ? 0 : l.merge.heapBytes();
        }
        return n;
    }

    private static long heapBytes(Part p) {
        return p == null || p.heap() == null ? 0 : bytesOf(p.heap());
    }

    /** The bytes of the batch files of the spine. */
    public long fileBytes() {
        long n = 0;
        for (Part p : parts()) {
            if (p.file() != null) {
                n += p.file().file().bytes();
            }
        }
        return n;
    }

    /** The batches of the spine, largest level first, the batches of a level oldest first. */
    private List<Part> parts() {
        List<Part> out = new ArrayList<>();
        for (int k = levels.size() - 1; k >= 0; k--) {
            out.addAll(levels.get(k).parts);
        }
        return out;
    }

    private long[] timesOf(Batch b) {
        ToLongFunction<Object> time = valueTime;
        long[] t = new long[b.size];
        if (b.longValues != null) {
            for (int i = 0; i < b.size; i++) {
                t[i] = time.applyAsLong(b.longValues[i]);
            }
        } else {
            Object[] values = b.objValues;
            for (int i = 0; i < b.size; i++) {
                t[i] = time.applyAsLong(values[i]);
            }
        }
        return t;
    }

    /** Forgets every key below {@code bound} (long keys); may only rise. */
    public void dropKeysBelow(long bound) {
        if (layout.keyKind() != ColumnKind.LONG) {
            throw new IllegalStateException("long key bound on a trace with " + layout.keyKind() + " keys");
        }
        if (!hasBound || bound > longBound) {
            longBound = bound;
            hasBound = true;
        }
    }

    /** Forgets every key below {@code bound} in the layout's key order (object keys); may only rise. */
    public void dropKeysBelow(Object bound) {
        if (layout.keyKind() == ColumnKind.LONG) {
            dropKeysBelow(((Number) bound).longValue());
            return;
        }
        if (!hasBound || layout.keyOrder().compare(bound, objectBound) > 0) {
            objectBound = bound;
            hasBound = true;
        }
    }

    /**
     * Forgets, lazily, every tuple whose value's time is below {@code bound}: such tuples are dropped by the
     * merges that touch them from now on (and by {@link #compact()}), not hidden from cursors at once. Use it
     * only for tuples no reader's output can depend on any more (for example rows that can no longer match
     * anything because of the watermark), so that whether a reader still sees one makes no difference.
     * The bound may only rise; the time function must be the same object on every call.
     *
     * @throws IllegalArgumentException if {@code time} differs from the one given before, or the trace has no values
     */
    public void dropValuesBelow(long bound, ToLongFunction<Object> time) {
        if (layout.valueKind() == ColumnKind.NONE) {
            throw new IllegalArgumentException("a plain Z-set trace has no values to drop; use dropKeysBelow");
        }
        if (valueTime != null && valueTime != time) {
            throw new IllegalArgumentException("this trace already forgets values by another time function");
        }
        if (valueTime == null || bound > valueBound) {
            valueTime = java.util.Objects.requireNonNull(time, "time");
            valueBound = bound;
        }
    }

    /**
     * Merges the whole spine into one batch now (the merges in progress are folded in), dropping keys below the bound
     * (and values below the value bound). A write that fails leaves the spine as it was.
     */
    public void compact() {
        if (isEmpty()) {
            return;
        }
        List<Part> all = parts();
        Part result;
        if (valueTime == null && all.stream().allMatch(p -> p.heap() != null)) {
            List<Batch> heaps = new ArrayList<>(all.size());
            all.forEach(p -> heaps.add(p.heap()));
            Batch sum = Merging.sum(heaps, keyFilter());
            result = sum.size == 0 ? null : new Part(sum, null, null);
            if (result != null && storage != null && bytesOf(sum) >= storage.spillThreshold()) {
                result = spilled(result);
            }
        } else {
            // one merge of every batch (a lone batch is merged with nothing, to apply the bounds)
            result = mergeNow(rewriteOf(all));
        }
        clear();
        if (result != null) {
            place(result);
        }
    }

    /**
     * Starts a compaction spread over the inserts that follow (see the class comment): every level that is not
     * merging is marked for a rewrite of its batches on their own, dropping what the key and value bounds cover,
     * paid for by the fuel of later inserts; nothing is merged now. What cursors read does not change. Does nothing
     * to a level already being rewritten or merging (a merge drops the same tuples).
     */
    public void compactGradually() {
        for (Level l : levels) {
            if (!l.parts.isEmpty() && !due(l) && l.merge == null) {
                l.cleaning = true;
                l.cleaningCount = l.parts.size();
            }
        }
    }

    /** True while some level marked by {@link #compactGradually()} has not been rewritten yet. */
    public boolean compacting() {
        for (Level l : levels) {
            if (l.cleaning) {
                return true;
            }
        }
        return false;
    }

    /**
     * The integral as one consolidated heap batch (merges the spine into one batch as a side effect; a batch in a
     * file is read into the heap).
     */
    public Batch consolidated() {
        compact();
        List<Part> all = parts();
        return all.isEmpty() ? Batch.empty(layout) : all.get(0).heap() != null ? all.get(0).heap() : all.get(0).file().file().toBatch();
    }

    /** Number of batches in the spine (each of a pair being merged counts). */
    public int batchCount() {
        return parts().size();
    }

    /** Tuples stored over all batches (a key may be counted once per batch holding it). */
    public long storedTuples() {
        long n = 0;
        for (Part p : parts()) {
            n += p.size();
        }
        return n;
    }

    /**
     * Approximate heap bytes of the arrays held, including the output of merges in progress (records pointed to
     * and file batches are not counted).
     */
    public long approximateBytes() {
        long n = 0;
        for (Level l : levels) {
            for (Part p : l.parts) {
                n += arrayBytes(p);
            }
            if (l.merge != null) {
                n += l.merge.arrayBytes();
            }
        }
        return n;
    }

    private static long arrayBytes(Part p) {
        if (p == null) {
            return 0;
        }
        return (p.heap() == null ? 0 : p.heap().approximateBytes()) + (p.times() == null ? 0 : 16L + 8L * p.times().length);
    }

    /** True when nothing is stored. */
    public boolean isEmpty() {
        for (Level l : levels) {
            if (!l.parts.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * A cursor over the current content; it sees no later insert. A pair of batches being merged is read as two
     * batches, so merges in progress change nothing a cursor sees.
     */
    public TraceCursor cursor() {
        List<Part> all = parts();
        Batch[] heaps = new Batch[all.size()];
        FileBatch[] files = null;
        for (int k = 0; k < heaps.length; k++) {
            heaps[k] = all.get(k).heap();
            if (all.get(k).file() != null) {
                if (files == null) {
                    files = new FileBatch[heaps.length];
                }
                files[k] = all.get(k).file();
            }
        }
        return new TraceCursor(layout, heaps, files, this);
    }

    /**
     * The batches of the spine, largest first, as heap batches: a batch in a file is read into the heap; each
     * of a pair being merged is listed (for tests, tools and checkpoints; operators read through {@link #cursor()}).
     */
    public List<Batch> batches() {
        List<Batch> out = new ArrayList<>();
        for (Part p : parts()) {
            out.add(p.heap() != null ? p.heap() : p.file().file().toBatch());
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** Entry {@code k} of the spine (in the order of {@link #batches()}) when it is on the heap, else null. */
    public Batch heapBatch(int k) {
        return parts().get(k).heap();
    }

    /** Entry {@code k} of the spine (in the order of {@link #batches()}) when it is in a file, else null. */
    public FileBatch fileBatch(int k) {
        return parts().get(k).file();
    }

    /** The names of the codecs of this trace's batch files ({@link TraceStorage#codecNames}), or null. */
    public String[] fileCodecNames() {
        return storage == null ? null : storage.codecNames();
    }

    /**
     * Opens a checkpoint's batch file as a file batch of this trace ({@link TraceStorage#adopt}), or returns null
     * when the trace has no storage. The caller owns one reference, which {@link #restore(List, List, Object)}
     * takes over.
     */
    public FileBatch adopt(java.nio.file.Path file, String[] codecNames) {
        return storage == null ? null : storage.adopt(file, codecNames);
    }

    /** Lets go of the trace's batch files (deleting those no fork holds); the trace is empty afterwards. */
    public void close() {
        clear();
    }

    /** Gives up the merges in progress and lets go of every batch. */
    private void clear() {
        for (Level l : levels) {
            if (l.merge != null) {
                l.merge.abandon();
            }
            l.parts.forEach(Trace::release);
        }
        levels.clear();
    }

    /** Input tuples consumed by this trace's merges so far (a measure of merge work that does not depend on timing). */
    long mergeWork() {
        return mergeWork;
    }

    /** Number of levels whose batches are being merged (or wait for their merge to start). */
    int mergesInProgress() {
        int n = 0;
        for (Level l : levels) {
            n += due(l) ? 1 : 0;
        }
        return n;
    }

    /** Counts a file a merge thread finished for this trace ({@link TraceStorage#written}). */
    void countWritten(BatchFileInfo file) {
        storage.written(file);
    }

    /**
     * The bounds below which merges drop tuples, as they are now: an immutable copy, which a merge thread may read
     * while the trace's bounds rise (it then drops less; cursors hide the keys below the key bound anyway).
     */
    Bounds bounds() {
        return new Bounds(hasBound, longBound, objectBound, layout.keyOrder(), valueTime == null ? Long.MIN_VALUE : valueBound);
    }

    /**
     * The key bound ({@link #dropKeysBelow}) and value-time bound ({@link #dropValuesBelow}) a merge applies.
     *
     * @param keys whether there is a key bound
     */
    record Bounds(boolean keys, long longKey, Object objectKey, java.util.Comparator<Object> keyOrder, long values) {
        boolean belowLong(long key) {
            return keys && key < longKey;
        }

        boolean belowObject(Object key) {
            return keys && keyOrder.compare(key, objectKey) < 0;
        }
    }

    /**
     * The lower key bound set by {@link #dropKeysBelow} (a {@code Long} for long keys), or null when none was
     * set: with {@link #batches()}, what a checkpoint saves of this trace.
     */
    public Object keyBound() {
        return !hasBound ? null : layout.keyKind() == ColumnKind.LONG ? (Object) longBound : objectBound;
    }

    /**
     * Replaces the content by {@code spine} (consolidated batches of this layout, in the order
     * {@link #batches()} gave them) and the key bound by {@code bound} (as {@link #keyBound()} gave it, null
     * for none): a restore from a checkpoint. The value-time bound ({@link #dropValuesBelow}) is kept as it is,
     * since its time function is code: the operator that set it sets it again when it is restored. With storage,
     * the first non-empty batch makes the storage learn the codecs, as a first insert does (a restore onto another
     * number of workers gives heap batches, which restoring may already merge into a file), failing before
     * anything changes when a type has none.
     */
    public void restore(List<Batch> spine, Object bound) {
        restore(spine, java.util.Collections.nCopies(spine.size(), null), bound);
    }

    /**
     * As {@link #restore(List, Object)}, with some entries of the spine in files: entry {@code k} is
     * {@code spine.get(k)} when {@code files.get(k)} is null, else that file batch (from {@link #adopt}, whose
     * reference the trace takes over).
     */
    public void restore(List<Batch> spine, List<FileBatch> fileSpine, Object bound) {
        if (spine.size() != fileSpine.size()) {
            throw new IllegalArgumentException(spine.size() + " heap entries but " + fileSpine.size() + " file entries");
        }
        for (int k = 0; k < spine.size(); k++) {
            Layout l = fileSpine.get(k) != null ? fileSpine.get(k).file().layout() : spine.get(k).layout;
            if (!l.equals(layout)) {
                throw new IllegalArgumentException("batch layout " + l + " does not match trace layout " + layout);
            }
        }
        for (int k = 0; k < spine.size(); k++) {
            if (fileSpine.get(k) == null && spine.get(k).size > 0) {
                learnCodecs(spine.get(k));   // heap batches (re-cut for another number of workers) may be merged now
                break;
            }
        }
        clear();
        hasBound = bound != null;
        longBound = bound != null && layout.keyKind() == ColumnKind.LONG ? ((Number) bound).longValue() : 0;
        objectBound = bound != null && layout.keyKind() != ColumnKind.LONG ? bound : null;
        for (int k = 0; k < spine.size(); k++) {
            FileBatch f = fileSpine.get(k);
            if (f != null) {
                codecsLearned = true;   // adopt made the storage learn codecs
                place(new Part(null, f, null));
            } else if (spine.get(k).size > 0) {
                place(new Part(spine.get(k), null, null));
            }
        }
    }

    boolean belowBound(Batch b, int i) {
        if (!hasBound) {
            return false;
        }
        return b.longKeys != null ? b.longKeys[i] < longBound : layout.keyOrder().compare(b.objKeys[i], objectBound) < 0;
    }

    boolean belowBoundLong(long key) {
        return hasBound && key < longBound;
    }

    boolean belowBoundObject(Object key) {
        return hasBound && layout.keyOrder().compare(key, objectBound) < 0;
    }

    private Merging.TupleFilter keyFilter() {
        return !hasBound ? null
                : layout.keyKind() == ColumnKind.LONG ? Merging.longKeysFrom(longBound) : Merging.keysFrom(objectBound);
    }
}
