package org.jdbsp.trace;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
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
 */
public final class Trace {
    private final Layout layout;
    private final ArrayList<Batch> batches;
    /** Per batch, the times of its tuples by {@link #valueTime}, or null until first needed. */
    private final ArrayList<long[]> times;
    private boolean hasBound;
    private long longBound;
    private Object objectBound;
    private ToLongFunction<Object> valueTime;
    private long valueBound;

    /** An empty trace of batches of {@code layout}. */
    public Trace(Layout layout) {
        this.layout = layout;
        this.batches = new ArrayList<>();
        this.times = new ArrayList<>();
    }

    private Trace(Trace other) {
        this.layout = other.layout;
        this.batches = new ArrayList<>(other.batches);
        this.times = new ArrayList<>(other.times);
        this.hasBound = other.hasBound;
        this.longBound = other.longBound;
        this.objectBound = other.objectBound;
        this.valueTime = other.valueTime;
        this.valueBound = other.valueBound;
    }

    /** An independent copy holding the same content; cheap, because batches are immutable and shared. */
    public Trace fork() {
        return new Trace(this);
    }

    /** The layout of the batches held. */
    public Layout layout() {
        return layout;
    }

    /** Adds a batch to the integral. */
    public void insert(Batch delta) {
        if (!delta.layout.equals(layout)) {
            throw new IllegalArgumentException("batch layout " + delta.layout + " does not match trace layout " + layout);
        }
        if (delta.size == 0) {
            return;
        }
        long[] deltaTimes = valueTime == null ? null : timesOf(delta);
        batches.add(delta);
        times.add(deltaTimes);
        int n = batches.size();
        while (n >= 2 && 2 * batches.get(n - 1).size >= batches.get(n - 2).size) {
            mergeLastTwo();
            n = batches.size();
        }
    }

    /** Replaces the last two batches of the spine by their sum (dropping what the bounds forget), or by nothing if it is empty. */
    private void mergeLastTwo() {
        int last = batches.size() - 1;
        Batch a = batches.get(last - 1);
        Batch b = batches.get(last);
        Batch merged;
        long[] mergedTimes = null;
        if (valueTime == null) {
            merged = Merging.merge(a, b, false, keyFilter());
        } else {
            mergedTimes = new long[a.size + b.size];
            merged = Merging.mergeTimed(a, timesAt(last - 1), b, timesAt(last), valueBound, keyFilter(), mergedTimes);
        }
        batches.remove(last);
        times.remove(last);
        if (merged.size == 0) {
            batches.remove(last - 1);
            times.remove(last - 1);
        } else {
            batches.set(last - 1, merged);
            times.set(last - 1, mergedTimes);
        }
    }

    /** The times of batch {@code k}'s tuples, computed now if they were not yet. */
    private long[] timesAt(int k) {
        long[] t = times.get(k);
        if (t == null) {
            t = timesOf(batches.get(k));
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
        if (valueTime == null) {
            Batch all = Merging.sum(batches, keyFilter());
            batches.clear();
            times.clear();
            if (all.size > 0) {
                batches.add(all);
                times.add(null);
            }
            return;
        }
        if (batches.size() == 1) {
            batches.add(Batch.empty(layout));
            times.add(new long[0]);
        }
        while (batches.size() > 1) {
            mergeLastTwo();
        }
    }

    /** The integral as one consolidated batch (merges the spine into one batch as a side effect). */
    public Batch consolidated() {
        compact();
        return batches.isEmpty() ? Batch.empty(layout) : batches.get(0);
    }

    /** Number of batches in the spine. */
    public int batchCount() {
        return batches.size();
    }

    /** Tuples stored over all batches (a key may be counted once per batch holding it). */
    public long storedTuples() {
        long n = 0;
        for (Batch b : batches) {
            n += b.size;
        }
        return n;
    }

    /** Approximate bytes of the arrays held (records pointed to are not counted). */
    public long approximateBytes() {
        long n = 0;
        for (Batch b : batches) {
            n += b.approximateBytes();
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
        return new TraceCursor(layout, batches.toArray(new Batch[0]), this);
    }

    /** The batches of the spine, oldest first (read-only view for operators). */
    public List<Batch> batches() {
        return java.util.Collections.unmodifiableList(batches);
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
        for (Batch b : spine) {
            if (!b.layout.equals(layout)) {
                throw new IllegalArgumentException("batch layout " + b.layout + " does not match trace layout " + layout);
            }
        }
        batches.clear();
        times.clear();
        for (Batch b : spine) {
            if (b.size > 0) {
                batches.add(b);
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
