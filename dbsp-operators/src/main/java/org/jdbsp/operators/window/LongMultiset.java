package org.jdbsp.operators.window;

import java.util.Arrays;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.Consolidation;

/**
 * The multiset of long values (with signed multiplicities) behind a windowed {@code MIN} or {@code MAX}.
 *
 * <p>Changes are appended to a log of unboxed (value, weight) pairs. While every net multiplicity is
 * positive and only insertions arrive, the least and greatest values are kept up to date at once; a
 * deletion makes the next question consolidate the log (sort by value, add up the weights of equal values,
 * drop zeros) and recompute them. The log is also consolidated whenever it doubles, so its length stays
 * within twice the number of distinct values plus a constant. Least and greatest are over the values whose
 * net multiplicity is not zero.
 */
final class LongMultiset {
    private long[] values = new long[8];
    private long[] weights = new long[8];
    private int size;
    /** The log's length after the last consolidation (its first entries are then sorted and distinct). */
    private int consolidated;
    /** Whether {@link #min}, {@link #max} and {@link #empty} describe the multiset. */
    private boolean exact = true;
    /** Whether every net multiplicity is known to be positive. */
    private boolean allPositive = true;
    private boolean empty = true;
    private long min;
    private long max;

    /** Adds {@code weight} copies of {@code value} (removes them if negative). */
    void add(long value, long weight) {
        if (weight == 0) {
            return;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
            weights = Arrays.copyOf(weights, size * 2);
        }
        values[size] = value;
        weights[size] = weight;
        size++;
        if (weight > 0 && exact && allPositive) {
            if (empty) {
                min = value;
                max = value;
                empty = false;
            } else {
                min = Math.min(min, value);
                max = Math.max(max, value);
            }
        } else {
            exact = false;
            allPositive = false;
        }
        if (size >= 2 * consolidated + 16) {
            consolidate();
        }
    }

    /** True when every value's net multiplicity is zero. */
    boolean isEmpty() {
        settle();
        return empty;
    }

    /** The greatest value of non-zero multiplicity; only when not {@link #isEmpty()}. */
    long max() {
        settle();
        return max;
    }

    /** The least value of non-zero multiplicity; only when not {@link #isEmpty()}. */
    long min() {
        settle();
        return min;
    }

    /** Entries in the log (at least the number of distinct values). */
    int entries() {
        return size;
    }

    /** Approximate bytes held. */
    long bytes() {
        return 64 + 16L * values.length;
    }

    /** Saves the (value, weight) entries. */
    void write(StateWriter out) {
        out.writeInt(size);
        for (int i = 0; i < size; i++) {
            out.writeLong(values[i]);
            out.writeLong(weights[i]);
        }
    }

    /** A multiset holding the entries {@link #write} saved. */
    static LongMultiset read(StateReader in) {
        LongMultiset m = new LongMultiset();
        for (int n = in.readInt(); n > 0; n--) {
            m.add(in.readLong(), in.readLong());
        }
        return m;
    }

    LongMultiset copy() {
        LongMultiset c = new LongMultiset();
        c.values = Arrays.copyOf(values, Math.max(8, size));
        c.weights = Arrays.copyOf(weights, Math.max(8, size));
        c.size = size;
        c.consolidated = consolidated;
        c.exact = exact;
        c.allPositive = allPositive;
        c.empty = empty;
        c.min = min;
        c.max = max;
        return c;
    }

    private void settle() {
        if (!exact) {
            consolidate();
        }
    }

    private void consolidate() {
        Batch b = Consolidation.consolidate(Layout.LONGS, size, values, null, null, null, weights);
        // the batch took the arrays over; it is dropped here, so they are ours again
        values = b.longKeys;
        weights = b.weights;
        size = b.size;
        consolidated = size;
        empty = size == 0;
        if (!empty) {
            min = values[0];
            max = values[size - 1];
        }
        boolean positive = true;
        for (int i = 0; i < size; i++) {
            positive &= weights[i] > 0;
        }
        allPositive = positive;
        exact = true;
    }
}
