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
 * an LSM tree.
 *
 * <p>Batches are ordered oldest (largest) first. After each {@link #insert}, while the newest batch holds
 * at least half as many tuples as the one before it, the two are merged; so batch sizes fall geometrically,
 * there are O(log n) batches, and each tuple takes part in O(log n) merges over its life (amortised).
 *
 * <p>A lower key bound set by {@link #dropKeysBelow} (watermark garbage collection) removes keys below it
 * during every later merge and hides them from cursors at once; {@link #compact()} applies it everywhere.
 * A lower bound on a time derived from each value, set by {@link #dropValuesBelow}, works the same way
 * during merges but is not hidden from cursors (it is for tuples that no longer matter to any reader).
 * The time of each tuple is computed once, when its batch first meets the bound, and then kept beside the
 * batch (a {@code long[]} parallel to it) and carried through merges, so a merge compares times in an
 * array instead of calling the time function (which typically follows references into the records) on
 * every tuple it touches.
 * The same key may appear in several batches, with weights that only add up to the integral;
 * {@link TraceCursor} consolidates them as it reads.
 *
 * <p><b>Storage.</b> A trace made with a {@link TraceStorage} keeps batches of at least its
 * {@linkplain TraceStorage#spillThreshold threshold} in batch files ({@link FileBatch}) instead of the heap:
 * a batch inserted or merged that is that large is written to a file; a merge involving a file streams from
 * file to file; files merged away are deleted. Cursors read file batches in place. The per-batch times of
 * {@link #dropValuesBelow} stay on the heap beside file batches. A trace without storage never writes.
 */
public final class Trace {
    private final Layout layout;
    private final TraceStorage storage;
    /** Per entry of the spine, its heap batch, or null when it is in a file. */
    private final ArrayList<Batch> batches;
    /** Per entry of the spine, its file, or null when it is on the heap. */
    private final ArrayList<FileBatch> files;
    private boolean codecsLearned;
    /** Per batch, the times of its tuples by {@link #valueTime}, or null until first needed. */
    private final ArrayList<long[]> times;
    private boolean hasBound;
    private long longBound;
    private Object objectBound;
    private ToLongFunction<Object> valueTime;
    private long valueBound;

    /** An empty trace of batches of {@code layout}. */
    public Trace(Layout layout) {
        this(layout, null);
    }

    /** An empty trace of batches of {@code layout} that spills to {@code storage} (none when null). */
    public Trace(Layout layout, TraceStorage storage) {
        this.layout = layout;
        this.storage = storage;
        this.batches = new ArrayList<>();
        this.files = new ArrayList<>();
        this.times = new ArrayList<>();
        if (storage != null) {
            storage.register(this);
        }
    }

    private Trace(Trace other) {
        this.layout = other.layout;
        this.storage = other.storage;
        this.codecsLearned = other.codecsLearned;
        this.batches = new ArrayList<>(other.batches);
        this.files = new ArrayList<>(other.files);
        for (FileBatch f : files) {
            if (f != null) {
                f.retain();
            }
        }
        this.times = new ArrayList<>(other.times);
        this.hasBound = other.hasBound;
        this.longBound = other.longBound;
        this.objectBound = other.objectBound;
        this.valueTime = other.valueTime;
        this.valueBound = other.valueBound;
        if (storage != null) {
            storage.register(this);
        }
    }

    /**
     * An independent copy holding the same content; cheap, because batches are immutable and shared (a file
     * batch is deleted when no copy holds it any more).
     */
    public Trace fork() {
        return new Trace(this);
    }

    /** The layout of the batches held. */
    public Layout layout() {
        return layout;
    }

    /**
     * Adds a batch to the integral. With storage, the first non-empty batch first makes the storage learn the
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
        if (storage != null && !codecsLearned) {
            storage.learnCodecs(delta);
            codecsLearned = true;
        }
        long[] deltaTimes = valueTime == null ? null : timesOf(delta);
        batches.add(delta);
        files.add(null);
        times.add(deltaTimes);
        int n = batches.size();
        while (n >= 2 && 2L * sizeAt(n - 1) >= sizeAt(n - 2)) {
            mergeLastTwo();
            n = batches.size();
        }
        if (storage != null) {
            int last = batches.size() - 1;
            if (last >= 0 && batches.get(last) != null && bytesOf(batches.get(last)) >= storage.spillThreshold()) {
                spill(last);
            }
            storage.afterChange(this);
        }
    }

    private int sizeAt(int k) {
        Batch b = batches.get(k);
        return b != null ? b.size : files.get(k).size();
    }

    /**
     * The estimated heap bytes of a batch, as the spill threshold and the memory budget count them: its arrays,
     * plus 48 bytes per object key or value (the records themselves, roughly).
     */
    public static long bytesOf(Batch b) {
        long objects = (b.objKeys != null ? 1 : 0) + (b.objValues != null ? 1 : 0);
        return b.approximateBytes() + 48L * objects * b.size;
    }

    /** Replaces the last two batches of the spine by their sum (dropping what the bounds forget), or by nothing if it is empty. */
    private void mergeLastTwo() {
        int last = batches.size() - 1;
        Batch a = batches.get(last - 1);
        Batch b = batches.get(last);
        if (storage != null && (a == null || b == null || bytesOf(a) + bytesOf(b) >= storage.spillThreshold())) {
            mergeToFile(last);
            return;
        }
        Batch merged;
        long[] mergedTimes = null;
        if (valueTime == null) {
            merged = Merging.merge(a, b, false, keyFilter());
        } else {
            mergedTimes = new long[a.size + b.size];
            merged = Merging.mergeTimed(a, timesAt(last - 1), b, timesAt(last), valueBound, keyFilter(), mergedTimes);
        }
        replaceLastTwo(merged, null, mergedTimes);
    }

    /** Merges the last two entries (either may be a file) into a new file, streaming. */
    private void mergeToFile(int last) {
        long[] aTimes = valueTime == null ? null : timesAt(last - 1);
        long[] bTimes = valueTime == null ? null : timesAt(last);
        long[] mergedTimes = valueTime == null ? null : new long[sizeAt(last - 1) + sizeAt(last)];
        FileBatch merged = null;
        try (BatchFileWriter out = storage.newWriter()) {
            int n = SpineMerge.merge(this, SpineMerge.Source.of(batches.get(last - 1), files.get(last - 1)), aTimes,
                    SpineMerge.Source.of(batches.get(last), files.get(last)), bTimes,
                    valueTime == null ? Long.MIN_VALUE : valueBound, mergedTimes, out);
            if (n > 0) {
                merged = open(out.finish());
            }
        }
        replaceLastTwo(null, merged, mergedTimes);
    }

    private FileBatch open(BatchFileInfo info) {
        storage.written(info);
        return new FileBatch(BatchFile.open(info.path(), layout, storage.keyCodec(), storage.valueCodec()));
    }

    /** Puts the merge of the last two entries in their place (nothing when both are null), releasing their files. */
    private void replaceLastTwo(Batch heap, FileBatch file, long[] mergedTimes) {
        int last = batches.size() - 1;
        release(last);
        release(last - 1);
        batches.remove(last);
        files.remove(last);
        times.remove(last);
        if (heap == null ? file == null : heap.size == 0) {
            batches.remove(last - 1);
            files.remove(last - 1);
            times.remove(last - 1);
        } else {
            batches.set(last - 1, heap);
            files.set(last - 1, file);
            times.set(last - 1, mergedTimes);
        }
    }

    private void release(int k) {
        FileBatch f = files.get(k);
        if (f != null) {
            f.release();
        }
    }

    /** Writes heap entry {@code k} to a file and drops it from the heap. */
    private void spill(int k) {
        FileBatch file;
        try (BatchFileWriter out = storage.newWriter()) {
            out.addAll(batches.get(k));
            file = open(out.finish());
        }
        batches.set(k, null);
        files.set(k, file);
    }

    /**
     * Writes the largest heap batch of the spine to a file (for a memory budget); returns its estimated bytes,
     * or 0 when there is none or the trace has no storage (or has seen no batch yet).
     */
    public long spillLargestHeapBatch() {
        if (storage == null || !codecsLearned) {
            return 0;
        }
        int best = -1;
        long bestBytes = 0;
        for (int k = 0; k < batches.size(); k++) {
            Batch b = batches.get(k);
            if (b != null && bytesOf(b) > bestBytes) {
                best = k;
                bestBytes = bytesOf(b);
            }
        }
        if (best >= 0) {
            spill(best);
        }
        return bestBytes;
    }

    /** Estimated bytes of the heap batches of the spine (as {@link #bytesOf} counts them). */
    public long heapBatchBytes() {
        long n = 0;
        for (Batch b : batches) {
            if (b != null) {
                n += bytesOf(b);
            }
        }
        return n;
    }

    /** The bytes of the batch files of the spine. */
    public long fileBytes() {
        long n = 0;
        for (FileBatch f : files) {
            if (f != null) {
                n += f.file().bytes();
            }
        }
        return n;
    }

    /** The times of batch {@code k}'s tuples, computed now if they were not yet. */
    private long[] timesAt(int k) {
        long[] t = times.get(k);
        if (t == null) {
            t = batches.get(k) != null ? timesOf(batches.get(k)) : timesOf(files.get(k).file());
            times.set(k, t);
        }
        return t;
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

    private long[] timesOf(BatchFile f) {
        ToLongFunction<Object> time = valueTime;
        long[] t = new long[f.size()];
        for (int i = 0; i < t.length; i++) {
            t[i] = time.applyAsLong(f.value(i));
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

    /** Merges the whole spine into one batch, dropping keys below the bound (and values below the value bound). */
    public void compact() {
        if (batches.isEmpty()) {
            return;
        }
        if (valueTime == null && !hasFiles()) {
            Batch all = Merging.sum(batches, keyFilter());
            batches.clear();
            files.clear();
            times.clear();
            if (all.size > 0) {
                batches.add(all);
                files.add(null);
                times.add(null);
                if (storage != null && bytesOf(all) >= storage.spillThreshold()) {
                    spill(0);
                }
            }
            return;
        }
        if (batches.size() == 1) {
            batches.add(Batch.empty(layout));
            files.add(null);
            times.add(new long[0]);
        }
        while (batches.size() > 1) {
            mergeLastTwo();
        }
    }

    /**
     * The integral as one consolidated heap batch (merges the spine into one batch as a side effect; a batch in a
     * file is read into the heap).
     */
    public Batch consolidated() {
        compact();
        return batches.isEmpty() ? Batch.empty(layout) : batches.get(0) != null ? batches.get(0) : files.get(0).file().toBatch();
    }

    /** Number of batches in the spine. */
    public int batchCount() {
        return batches.size();
    }

    /** Tuples stored over all batches (a key may be counted once per batch holding it). */
    public long storedTuples() {
        long n = 0;
        for (int k = 0; k < batches.size(); k++) {
            n += sizeAt(k);
        }
        return n;
    }

    /** Approximate heap bytes of the arrays held (records pointed to and file batches are not counted). */
    public long approximateBytes() {
        long n = 0;
        for (Batch b : batches) {
            n += b == null ? 0 : b.approximateBytes();
        }
        for (long[] t : times) {
            n += t == null ? 0 : 16L + 8L * t.length;
        }
        return n;
    }

    /** True when nothing is stored. */
    public boolean isEmpty() {
        return batches.isEmpty();
    }

    /** A cursor over the current content; it sees no later insert. */
    public TraceCursor cursor() {
        return new TraceCursor(layout, batches.toArray(new Batch[0]), hasFiles() ? files.toArray(new FileBatch[0]) : null, this);
    }

    private boolean hasFiles() {
        for (FileBatch f : files) {
            if (f != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The batches of the spine, oldest first, as heap batches: a batch in a file is read into the heap (for
     * tests and tools; operators read through {@link #cursor()}).
     */
    public List<Batch> batches() {
        List<Batch> out = new ArrayList<>(batches.size());
        for (int k = 0; k < batches.size(); k++) {
            out.add(batches.get(k) != null ? batches.get(k) : files.get(k).file().toBatch());
        }
        return java.util.Collections.unmodifiableList(out);
    }

    /** Entry {@code k} of the spine (oldest first) when it is on the heap, else null (for a checkpoint). */
    public Batch heapBatch(int k) {
        return batches.get(k);
    }

    /** Entry {@code k} of the spine (oldest first) when it is in a file, else null (for a checkpoint). */
    public FileBatch fileBatch(int k) {
        return files.get(k);
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
        for (int k = 0; k < files.size(); k++) {
            release(k);
        }
        batches.clear();
        files.clear();
        times.clear();
    }

    /**
     * The lower key bound set by {@link #dropKeysBelow} (a {@code Long} for long keys), or null when none was
     * set: with {@link #batches()}, what a checkpoint saves of this trace.
     */
    public Object keyBound() {
        return !hasBound ? null : layout.keyKind() == ColumnKind.LONG ? (Object) longBound : objectBound;
    }

    /**
     * Replaces the content by {@code spine} (consolidated batches of this layout, oldest first, as
     * {@link #batches()} gave them) and the key bound by {@code bound} (as {@link #keyBound()} gave it, null
     * for none): a restore from a checkpoint. The value-time bound ({@link #dropValuesBelow}) is kept as it is,
     * since its time function is code: the operator that set it sets it again when it is restored.
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
        for (int k = 0; k < files.size(); k++) {
            release(k);
        }
        batches.clear();
        files.clear();
        times.clear();
        for (int k = 0; k < spine.size(); k++) {
            FileBatch f = fileSpine.get(k);
            if (f != null) {
                batches.add(null);
                files.add(f);
                times.add(null);
                codecsLearned = true;   // adopt made the storage learn codecs
            } else if (spine.get(k).size > 0) {
                batches.add(spine.get(k));
                files.add(null);
                times.add(null);
            }
        }
        hasBound = bound != null;
        longBound = bound != null && layout.keyKind() == ColumnKind.LONG ? ((Number) bound).longValue() : 0;
        objectBound = bound != null && layout.keyKind() != ColumnKind.LONG ? bound : null;
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
