package org.jdbsp.zset.spi;

import java.util.Arrays;
import java.util.Objects;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;

/**
 * An immutable, consolidated batch of (key, value, weight) tuples stored as parallel arrays.
 *
 * <p>Invariants (established by {@link Consolidation} and {@link Merging}, the only code that creates
 * batches): tuples are sorted by key, then by value; no two tuples are equal; no weight is zero. Long
 * columns live in {@code long[]}, object columns in {@code Object[]}; exactly one key array is non-null
 * and at most one value array is. The arrays may be longer than {@link #size}; slots past it are unused.
 *
 * <p>The fields are public for the kernels of other modules and must never be written.
 */
public final class Batch {
    /** Storage and order of the columns. */
    public final Layout layout;
    /** Number of tuples. */
    public final int size;
    /** Keys when the key column is {@link ColumnKind#LONG}, else null. */
    public final long[] longKeys;
    /** Keys when the key column is {@link ColumnKind#OBJECT}, else null. */
    public final Object[] objKeys;
    /** Values when the value column is {@link ColumnKind#LONG}, else null. */
    public final long[] longValues;
    /** Values when the value column is {@link ColumnKind#OBJECT}, else null. */
    public final Object[] objValues;
    /** Weights, never zero in a consolidated batch. */
    public final long[] weights;
    /**
     * False for a batch handed between linear operators as appended (in any order, with duplicates and
     * possibly zero weights): only operators that read tuple by tuple (map, filter, an output, which
     * consolidates it) ever see one; {@link #consolidate()} gives the consolidated batch.
     */
    public final boolean consolidated;
    /**
     * For object keys whose order has long prefixes ({@code OrderPrefixes}: a record's hash code, a
     * {@code byLong} order's long), the prefix of each tuple's key when the batch was made knowing them (a
     * consolidation that sorted by them, a merge), so that merging it again compares longs and does not touch
     * the records; else null. Never written.
     */
    final long[] keyPrefixes;

    /**
     * A batch over the given columns, taken as they are: they must already be consolidated (sorted by the
     * layout's orders, no duplicate tuple, no zero weight) and never be written afterwards.
     */
    public Batch(Layout layout, int size, long[] longKeys, Object[] objKeys, long[] longValues, Object[] objValues, long[] weights) {
        this(layout, size, longKeys, objKeys, longValues, objValues, weights, true);
    }

    private Batch(Layout layout, int size, long[] longKeys, Object[] objKeys, long[] longValues, Object[] objValues,
            long[] weights, boolean consolidated) {
        this(layout, size, longKeys, objKeys, longValues, objValues, weights, consolidated, null);
    }

    private Batch(Layout layout, int size, long[] longKeys, Object[] objKeys, long[] longValues, Object[] objValues,
            long[] weights, boolean consolidated, long[] keyPrefixes) {
        this.keyPrefixes = keyPrefixes;
        this.consolidated = consolidated;
        this.layout = layout;
        this.size = size;
        this.longKeys = longKeys;
        this.objKeys = objKeys;
        this.longValues = longValues;
        this.objValues = objValues;
        this.weights = weights;
    }

    /** A consolidated batch over the given columns (as the public constructor) with its keys' prefixes. */
    static Batch withKeyPrefixes(Layout layout, int size, Object[] objKeys, long[] longValues, Object[] objValues,
            long[] weights, long[] keyPrefixes) {
        return new Batch(layout, size, null, objKeys, longValues, objValues, weights, true, keyPrefixes);
    }

    private static final long[] NO_LONGS = new long[0];
    private static final Object[] NO_OBJECTS = new Object[0];

    /**
     * A batch over the given columns as appended, not consolidated (see {@link #consolidated}); the columns are
     * never written afterwards.
     */
    public static Batch unconsolidated(Layout layout, int size, long[] longKeys, Object[] objKeys, long[] longValues,
            Object[] objValues, long[] weights) {
        return size == 0 ? empty(layout) : new Batch(layout, size, longKeys, objKeys, longValues, objValues, weights, false);
    }

    /**
     * This batch if it is consolidated, else its consolidation (sorted, equal tuples added up, zeros dropped),
     * made from copies of its columns, which others may still be reading.
     */
    public Batch consolidate() {
        if (consolidated) {
            return this;
        }
        return Consolidation.consolidate(layout, size,
                longKeys == null ? null : java.util.Arrays.copyOf(longKeys, size),
                objKeys == null ? null : java.util.Arrays.copyOf(objKeys, size),
                longValues == null ? null : java.util.Arrays.copyOf(longValues, size),
                objValues == null ? null : java.util.Arrays.copyOf(objValues, size),
                java.util.Arrays.copyOf(weights, size));
    }

    /** The empty batch of a layout. */
    public static Batch empty(Layout layout) {
        return new Batch(layout, 0,
                layout.keyKind() == ColumnKind.LONG ? NO_LONGS : null,
                layout.keyKind() == ColumnKind.OBJECT ? NO_OBJECTS : null,
                layout.valueKind() == ColumnKind.LONG ? NO_LONGS : null,
                layout.valueKind() == ColumnKind.OBJECT ? NO_OBJECTS : null,
                NO_LONGS);
    }

    /**
     * This batch's tuples under another, equivalent layout (the same columns, orders that agree): used
     * where batches built by different replicas of one circuit, whose comparators are distinct but equal
     * instances, meet. Shares the arrays.
     */
    public Batch withLayout(Layout other) {
        if (other == layout) {
            return this;
        }
        if (other.keyKind() != layout.keyKind() || other.valueKind() != layout.valueKind()) {
            throw new IllegalArgumentException("cannot view a batch of " + layout + " as " + other);
        }
        return new Batch(other, size, longKeys, objKeys, longValues, objValues, weights, consolidated, keyPrefixes);
    }

    /** True when the batch holds no tuple. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The key of tuple {@code i}, boxed when the key column holds longs. */
    public Object key(int i) {
        return longKeys != null ? (Object) longKeys[i] : objKeys[i];
    }

    /** The value of tuple {@code i}: boxed for long values, null when the batch has no value column. */
    public Object value(int i) {
        if (longValues != null) {
            return longValues[i];
        }
        return objValues != null ? objValues[i] : null;
    }

    /** Compares the key of tuple {@code i} here with the key of tuple {@code j} of {@code other}. */
    public int compareKeys(int i, Batch other, int j) {
        if (longKeys != null) {
            return Long.compare(longKeys[i], other.longKeys[j]);
        }
        return layout.keyOrder().compare(objKeys[i], other.objKeys[j]);
    }

    /** Compares the value of tuple {@code i} here with the value of tuple {@code j} of {@code other}. */
    public int compareValues(int i, Batch other, int j) {
        if (longValues != null) {
            return Long.compare(longValues[i], other.longValues[j]);
        }
        if (objValues != null) {
            return layout.valueOrder().compare(objValues[i], other.objValues[j]);
        }
        return 0;
    }

    /** Compares tuple {@code i} here with tuple {@code j} of {@code other}, by key then value. */
    public int compareTuples(int i, Batch other, int j) {
        int c = compareKeys(i, other, j);
        return c != 0 ? c : compareValues(i, other, j);
    }

    /** Index of the first tuple at or after {@code from} whose key is not below {@code key} (galloping). */
    public int seekLongKey(int from, long key) {
        return Seek.gallop(longKeys, from, size, key);
    }

    /** Index of the first tuple at or after {@code from} whose key is not below {@code key} (galloping). */
    public int seekKey(int from, Object key) {
        if (longKeys != null) {
            return Seek.gallop(longKeys, from, size, (Long) key);
        }
        return Seek.gallop(objKeys, from, size, key, layout.keyOrder());
    }

    /** Index just past the last tuple, at or after {@code from}, whose key equals the key at {@code from}. */
    public int endOfKey(int from) {
        if (from >= size) {
            return size;
        }
        if (longKeys != null) {
            long k = longKeys[from];
            if (k == Long.MAX_VALUE) {
                return size;
            }
            return Seek.gallop(longKeys, from + 1, size, k + 1);
        }
        return Seek.gallopPast(objKeys, from + 1, size, objKeys[from], layout.keyOrder());
    }

    /** Approximate bytes held by this batch's arrays (the objects they point to are not counted). */
    public long approximateBytes() {
        long perTuple = 8;
        perTuple += (longKeys != null ? 8 : 4) + (longValues != null ? 8 : objValues != null ? 4 : 0)
                + (keyPrefixes != null ? 8 : 0);
        return 64 + perTuple * (long) size;
    }

    /**
     * Checks that two objects an order declared equal are equal, so that an order inconsistent with
     * {@code equals} fails loudly instead of silently adding up the weights of different records.
     */
    public static void checkSame(Object a, Object b, String column) {
        if (a != b && !a.equals(b)) {
            throw new IllegalArgumentException("the " + column + " order treats two different records as equal: "
                    + a + " and " + b + " (an order must be consistent with equals; compare every field)");
        }
    }

    /** Checks the object columns of tuple {@code i} here and tuple {@code j} of {@code other}, which compare equal. */
    void checkSameTuple(int i, Batch other, int j) {
        if (objKeys != null) {
            checkSame(objKeys[i], other.objKeys[j], "key");
        }
        if (objValues != null) {
            checkSame(objValues[i], other.objValues[j], "value");
        }
    }

    /**
     * True when {@code other} holds the same tuples with the same weights at the same positions: content
     * equality for two batches stored in the same order (columns of one kind are compared as arrays).
     */
    public boolean contentEquals(Batch other) {
        if (size != other.size || !Arrays.equals(weights, 0, size, other.weights, 0, size)) {
            return false;
        }
        if (layout.keyKind() != other.layout.keyKind() || layout.valueKind() != other.layout.valueKind()) {
            for (int i = 0; i < size; i++) {
                if (!Objects.equals(key(i), other.key(i)) || !Objects.equals(value(i), other.value(i))) {
                    return false;
                }
            }
            return true;
        }
        return (longKeys != null ? Arrays.equals(longKeys, 0, size, other.longKeys, 0, size)
                        : Arrays.equals(objKeys, 0, size, other.objKeys, 0, size))
                && (longValues != null ? Arrays.equals(longValues, 0, size, other.longValues, 0, size)
                        : objValues == null || Arrays.equals(objValues, 0, size, other.objValues, 0, size));
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(key(i));
            if (layout.valueKind() != ColumnKind.NONE) {
                sb.append(" -> ").append(value(i));
            }
            sb.append(" x").append(weights[i]);
        }
        return sb.append('}').toString();
    }
}
