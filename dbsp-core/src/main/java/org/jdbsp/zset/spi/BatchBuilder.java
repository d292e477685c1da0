package org.jdbsp.zset.spi;

import java.util.Arrays;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.internal.PartCounts;

/**
 * Collects tuples in any order into growable parallel arrays and consolidates them into a {@link Batch}.
 *
 * <p>Appending never allocates per tuple (the arrays grow geometrically). {@link #build()} hands the
 * arrays to the batch and leaves the builder empty and reusable.
 */
public final class BatchBuilder {
    private final Layout layout;
    private long[] longKeys;
    private Object[] objKeys;
    private long[] longValues;
    private Object[] objValues;
    private long[] weights;
    private int size;
    private PartCounts partCounts;

    /** A builder for batches of {@code layout}, with room for {@code capacity} tuples before growing. */
    public BatchBuilder(Layout layout, int capacity) {
        this.layout = layout;
        allocate(Math.max(capacity, 4));
    }

    /** A builder for batches of {@code layout}. */
    public BatchBuilder(Layout layout) {
        this(layout, 16);
    }

    private void allocate(int capacity) {
        longKeys = layout.keyKind() == ColumnKind.LONG ? new long[capacity] : null;
        objKeys = layout.keyKind() == ColumnKind.OBJECT ? new Object[capacity] : null;
        longValues = layout.valueKind() == ColumnKind.LONG ? new long[capacity] : null;
        objValues = layout.valueKind() == ColumnKind.OBJECT ? new Object[capacity] : null;
        weights = new long[capacity];
        size = 0;
    }

    /** The layout of the batches built here. */
    public Layout layout() {
        return layout;
    }

    /** Number of tuples appended since the last build. */
    public int size() {
        return size;
    }

    private void ensureRoom() {
        if (size == weights.length) {
            grow(size + 1);
        }
    }

    /** Grows the arrays geometrically, to at least {@code needed} tuples. */
    private void grow(int needed) {
        int capacity = Math.max(needed, Math.max(16, weights.length + (weights.length >> 1)));
        if (longKeys != null) {
            longKeys = Arrays.copyOf(longKeys, capacity);
        } else {
            objKeys = Arrays.copyOf(objKeys, capacity);
        }
        if (longValues != null) {
            longValues = Arrays.copyOf(longValues, capacity);
        } else if (objValues != null) {
            objValues = Arrays.copyOf(objValues, capacity);
        }
        weights = Arrays.copyOf(weights, capacity);
    }

    /** Appends a key of a plain Z-set (object key column). */
    public void add(Object key, long weight) {
        ensureRoom();
        objKeys[size] = key;
        weights[size++] = weight;
    }

    /** Appends {@code keys[from..to)} as keys of a plain Z-set (object key column), each with {@code weight}. */
    public void addAll(Object[] keys, int from, int to, long weight) {
        if (objKeys == null || longValues != null || objValues != null) {
            throw new IllegalStateException("addAll appends keys of a plain Z-set of objects, not to " + layout);
        }
        int n = to - from;
        if (size + n > weights.length) {
            grow(size + n);
        }
        System.arraycopy(keys, from, objKeys, size, n);
        Arrays.fill(weights, size, size + n, weight);
        size += n;
    }

    /** The object keys appended so far, in positions {@code [0, size())}; read only, and only until the next append. */
    public Object[] appendedKeys() {
        return objKeys;
    }

    /** The weights appended so far, in positions {@code [0, size())}; read only, and only until the next append. */
    public long[] appendedWeights() {
        return weights;
    }

    /** Appends a key of a plain Z-set (long key column). */
    public void addLong(long key, long weight) {
        ensureRoom();
        longKeys[size] = key;
        weights[size++] = weight;
    }

    /** Appends an (object key, object value) tuple. */
    public void add(Object key, Object value, long weight) {
        ensureRoom();
        objKeys[size] = key;
        objValues[size] = value;
        weights[size++] = weight;
    }

    /** Appends a (long key, object value) tuple. */
    public void addLong(long key, Object value, long weight) {
        ensureRoom();
        longKeys[size] = key;
        objValues[size] = value;
        weights[size++] = weight;
    }

    /** Appends a (long key, long value) tuple. */
    public void addLongLong(long key, long value, long weight) {
        ensureRoom();
        longKeys[size] = key;
        longValues[size] = value;
        weights[size++] = weight;
    }

    /** Appends an (object key, long value) tuple. */
    public void addObjectLong(Object key, long value, long weight) {
        ensureRoom();
        objKeys[size] = key;
        longValues[size] = value;
        weights[size++] = weight;
    }

    /**
     * Appends (the key of tuple {@code i} of {@code keys}, {@code value}): the key column of {@code keys}
     * (long or object) must be that of this builder, whose value column holds objects.
     */
    public void addKeyOf(Batch keys, int i, Object value, long weight) {
        if (keys.longKeys != null) {
            addLong(keys.longKeys[i], value, weight);
        } else {
            add(keys.objKeys[i], value, weight);
        }
    }

    /** As {@link #addKeyOf(Batch, int, Object, long)}, for a builder whose value column holds longs. */
    public void addKeyOf(Batch keys, int i, long value, long weight) {
        if (keys.longKeys != null) {
            addLongLong(keys.longKeys[i], value, weight);
        } else {
            addObjectLong(keys.objKeys[i], value, weight);
        }
    }

    /** Appends tuple {@code i} of {@code batch} (same layout) with weight {@code weight}. */
    public void addFrom(Batch batch, int i, long weight) {
        ensureRoom();
        if (longKeys != null) {
            longKeys[size] = batch.longKeys[i];
        } else {
            objKeys[size] = batch.objKeys[i];
        }
        if (longValues != null) {
            longValues[size] = batch.longValues[i];
        } else if (objValues != null) {
            objValues[size] = batch.objValues[i];
        }
        weights[size++] = weight;
    }

    /** Appends a tuple whose columns are given boxed (long columns take {@link Number}s). */
    public void addBoxed(Object key, Object value, long weight) {
        ensureRoom();
        if (longKeys != null) {
            longKeys[size] = ((Number) key).longValue();
        } else {
            objKeys[size] = key;
        }
        if (longValues != null) {
            longValues[size] = ((Number) value).longValue();
        } else if (objValues != null) {
            objValues[size] = value;
        }
        weights[size++] = weight;
    }

    /** Consolidates what was appended into a batch, and empties this builder. */
    public Batch build() {
        if (size == 0) {
            return Batch.empty(layout);
        }
        Batch b = Consolidation.consolidate(layout, size, longKeys, objKeys, longValues, objValues, weights);
        allocate(Math.max(16, size));
        return b;
    }

    /**
     * What was appended, as an unconsolidated batch (see {@link Batch#consolidated}) for an operator that reads
     * tuple by tuple; empties this builder.
     */
    public Batch buildUnconsolidated() {
        if (size == 0) {
            return Batch.empty(layout);
        }
        Batch b = Batch.unconsolidated(layout, size, longKeys, objKeys, longValues, objValues, weights);
        allocate(Math.max(16, size));
        return b;
    }

    private BatchBuilder(BatchBuilder from) {
        this.layout = from.layout;
        this.longKeys = from.longKeys;
        this.objKeys = from.objKeys;
        this.longValues = from.longValues;
        this.objValues = from.objValues;
        this.weights = from.weights;
        this.size = from.size;
    }

    /**
     * Hands over the tuples appended since the last build to a new builder, which several threads may
     * then consolidate in slices ({@link #consolidateSlice}), and empties this builder.
     */
    public BatchBuilder takeAppended() {
        BatchBuilder run = new BatchBuilder(this);
        allocate(Math.max(16, size));
        return run;
    }

    /**
     * Consolidates slice {@code part} of {@code parts} equal slices, by position, of the tuples appended
     * here into a batch of {@code target} (a layout equal to this builder's), leaving this builder as it is:
     * threads may consolidate distinct slices at once, as long as nothing is appended meanwhile.
     */
    public Batch consolidateSlice(int part, int parts, Layout target) {
        int from = (int) ((long) size * part / parts);
        int to = (int) ((long) size * (part + 1) / parts);
        if (from == to) {
            return Batch.empty(target);
        }
        return Consolidation.consolidate(target, to - from,
                longKeys == null ? null : Arrays.copyOfRange(longKeys, from, to),
                objKeys == null ? null : Arrays.copyOfRange(objKeys, from, to),
                longValues == null ? null : Arrays.copyOfRange(longValues, from, to),
                objValues == null ? null : Arrays.copyOfRange(objValues, from, to),
                Arrays.copyOfRange(weights, from, to));
    }

    /** The long keys appended so far, in positions {@code [0, size())}; read only, and only until the next append. */
    public long[] appendedLongKeys() {
        return longKeys;
    }

    /**
     * Hands over the tuples appended since the last build, cut into {@code count} builders by part number
     * ({@code parts[i]} for tuple {@code i}, in {@code [0, count)}; order kept within a part), and empties
     * this builder. Nothing is consolidated: the parts are raw tuples, to be sent elsewhere and built there.
     */
    public BatchBuilder[] takeAppendedByPart(int[] parts, int count) {
        int[] used = new int[count];
        BatchBuilder[] filled = takeAppendedByUsedPart(parts, count, used);
        BatchBuilder[] out = new BatchBuilder[count];
        for (int k = 0; k < filled.length; k++) {
            out[used[k]] = filled[k];
        }
        for (int p = 0; p < count; p++) {
            if (out[p] == null) {
                out[p] = new BatchBuilder(layout, 0);
            }
        }
        return out;
    }

    /**
     * Like {@link #takeAppendedByPart}, but makes only the parts that get a tuple, so that it costs the tuples
     * and those parts, not {@code count}: returns one builder per part used (in order of first appearance)
     * and writes the part number of builder {@code k} into {@code partsUsed[k]} ({@code partsUsed} has room
     * for {@code count}).
     */
    public BatchBuilder[] takeAppendedByUsedPart(int[] parts, int count, int[] partsUsed) {
        if (partCounts == null) {
            partCounts = new PartCounts();
        }
        int used = partCounts.count(parts, size, count);
        int[] slot = partCounts.tupleSlots();
        BatchBuilder[] out = new BatchBuilder[used];
        for (int k = 0; k < used; k++) {
            out[k] = new BatchBuilder(layout, partCounts.size(k));
            partsUsed[k] = partCounts.part(k);
        }
        for (int i = 0; i < size; i++) {
            out[slot[i]].copyTuple(this, i);
        }
        clear();
        return out;
    }

    private void copyTuple(BatchBuilder from, int i) {
        if (longKeys != null) {
            longKeys[size] = from.longKeys[i];
        } else {
            objKeys[size] = from.objKeys[i];
        }
        if (longValues != null) {
            longValues[size] = from.longValues[i];
        } else if (objValues != null) {
            objValues[size] = from.objValues[i];
        }
        weights[size++] = from.weights[i];
    }

    /** Appends every tuple appended to {@code other} (of the same layout) since its last build, leaving it as it is. */
    public void addAppended(BatchBuilder other) {
        appendColumns(other.longKeys, other.objKeys, other.longValues, other.objValues, other.weights, other.size);
    }

    /** Appends every tuple of {@code batch} (of the same column kinds), in its order, consolidated or not. */
    public void addBatch(Batch batch) {
        appendColumns(batch.longKeys, batch.objKeys, batch.longValues, batch.objValues, batch.weights, batch.size);
    }

    private void appendColumns(long[] lk, Object[] ok, long[] lv, Object[] ov, long[] w, int n) {
        if (size + n > weights.length) {
            grow(size + n);
        }
        if (longKeys != null) {
            System.arraycopy(lk, 0, longKeys, size, n);
        } else {
            System.arraycopy(ok, 0, objKeys, size, n);
        }
        if (longValues != null) {
            System.arraycopy(lv, 0, longValues, size, n);
        } else if (objValues != null) {
            System.arraycopy(ov, 0, objValues, size, n);
        }
        System.arraycopy(w, 0, weights, size, n);
        size += n;
    }

    /** Drops everything appended since the last build. */
    public void clear() {
        if (objKeys != null) {
            Arrays.fill(objKeys, 0, size, null);
        }
        if (objValues != null) {
            Arrays.fill(objValues, 0, size, null);
        }
        size = 0;
    }
}
