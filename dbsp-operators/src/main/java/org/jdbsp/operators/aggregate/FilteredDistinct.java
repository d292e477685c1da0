package org.jdbsp.operators.aggregate;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import java.util.Arrays;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;

/**
 * The distinct long values of one group under up to 31 filters, with retractions: SQL
 * {@code COUNT(DISTINCT v) FILTER (WHERE p_f)} for several predicates {@code p_f} at once, kept in one hash
 * table. Each value has a weighted count per filter; a value counts as distinct for filter {@code f} while
 * its count there is positive. Building block of {@link IncrementalAggregator} states (Nexmark q15, q16).
 *
 * <p>Storage: the value maps to a slot (fastutil {@link Long2IntOpenHashMap}); slot {@code s} holds the
 * value and its {@code filters} counts in parallel primitive arrays. A value's slot is freed when all its
 * counts are zero. About {@code 24 + 4 * filters} bytes per value.
 */
public final class FilteredDistinct {
    private static final int NO_SLOT = -1;
    /** The largest number of filters (the filter masks are ints). */
    public static final int MAX_FILTERS = 31;

    private final int filters;
    private final Long2IntOpenHashMap slots;
    private final IntArrayList free;
    private final long[] distinct;
    private final long[] max;
    private final boolean[] maxKnown;
    private long[] values;
    private int[] counts;
    private int used;

    /** An empty set of values with {@code filters} filters (numbered 0 to filters - 1). */
    public FilteredDistinct(int filters) {
        if (filters < 1 || filters > MAX_FILTERS) {
            throw new IllegalArgumentException("filters must be in 1.." + MAX_FILTERS + ": " + filters);
        }
        this.filters = filters;
        this.slots = new Long2IntOpenHashMap();
        slots.defaultReturnValue(NO_SLOT);
        this.free = new IntArrayList();
        this.distinct = new long[filters];
        this.max = new long[filters];
        this.maxKnown = new boolean[filters];
        this.values = new long[4];
        this.counts = new int[4 * filters];
    }

    private FilteredDistinct(FilteredDistinct o) {
        this.filters = o.filters;
        this.slots = new Long2IntOpenHashMap(o.slots);
        slots.defaultReturnValue(NO_SLOT);
        this.free = new IntArrayList(o.free);
        this.distinct = o.distinct.clone();
        this.max = o.max.clone();
        this.maxKnown = o.maxKnown.clone();
        this.values = o.values.clone();
        this.counts = o.counts.clone();
        this.used = o.used;
    }

    /** An independent copy. */
    public FilteredDistinct copy() {
        return new FilteredDistinct(this);
    }

    /**
     * Adds {@code weight} (negative: removes) occurrences of {@code value} to every filter whose bit is set in
     * {@code filterMask} (bit {@code f} for filter {@code f}).
     *
     * @throws IllegalArgumentException if the mask names a filter that does not exist
     * @throws ArithmeticException if a count leaves the int range
     */
    public void add(long value, int filterMask, long weight) {
        if ((filterMask >>> filters) != 0 || filterMask < 0) {
            throw new IllegalArgumentException("filter mask " + Integer.toBinaryString(filterMask) + " names filters beyond " + (filters - 1));
        }
        if (weight == 0 || filterMask == 0) {
            return;
        }
        int slot = slots.get(value);
        if (slot == NO_SLOT) {
            slot = newSlot(value);
        }
        int base = slot * filters;
        boolean allZero = true;
        for (int f = 0; f < filters; f++) {
            int old = counts[base + f];
            if ((filterMask & (1 << f)) != 0) {
                long n = old + weight;
                if (n != (int) n) {
                    throw new ArithmeticException("the count of value " + value + " in filter " + f + " overflows: " + n);
                }
                counts[base + f] = (int) n;
                if (old <= 0 && n > 0) {
                    if (++distinct[f] == 1 || (maxKnown[f] && value > max[f])) {
                        max[f] = value;
                        maxKnown[f] = true;
                    }
                } else if (old > 0 && n <= 0) {
                    distinct[f]--;
                    if (maxKnown[f] && value == max[f]) {
                        maxKnown[f] = false;
                    }
                }
                if (n != 0) {
                    allZero = false;
                }
            } else if (old != 0) {
                allZero = false;
            }
        }
        if (allZero) {
            slots.remove(value);
            free.add(slot);
        }
    }

    /** The number of values whose count in filter {@code f} is positive. */
    public long distinct(int f) {
        return distinct[checkFilter(f)];
    }

    /**
     * The greatest value whose count in filter {@code f} is positive (SQL {@code MAX(v) FILTER (...)}).
     * Kept up to date by insertions; after the greatest value is removed, the next call scans the values.
     *
     * @throws java.util.NoSuchElementException if filter {@code f} has no value
     */
    public long max(int f) {
        checkFilter(f);
        if (distinct[f] == 0) {
            throw new java.util.NoSuchElementException("filter " + f + " has no value");
        }
        if (!maxKnown[f]) {
            boolean found = false;
            long best = 0;
            for (int s = 0; s < used; s++) {
                if (counts[s * filters + f] > 0 && (!found || values[s] > best)) {
                    best = values[s];
                    found = true;
                }
            }
            max[f] = best;
            maxKnown[f] = true;
        }
        return max[f];
    }

    /**
     * Writes the content to a checkpoint (for {@link IncrementalAggregator#writeState}): the number of filters,
     * then every value with its count under each filter.
     */
    public void write(StateWriter out) {
        out.writeInt(filters);
        out.writeInt(slots.size());
        for (it.unimi.dsi.fastutil.longs.Long2IntMap.Entry e : slots.long2IntEntrySet()) {
            int base = e.getIntValue() * filters;
            out.writeLong(e.getLongKey());
            for (int f = 0; f < filters; f++) {
                out.writeInt(counts[base + f]);
            }
        }
    }

    /** A set holding what {@link #write} saved: the same values, counts and results. */
    public static FilteredDistinct read(StateReader in) {
        FilteredDistinct d = new FilteredDistinct(in.readInt());
        for (int n = in.readInt(); n > 0; n--) {
            long value = in.readLong();
            for (int f = 0; f < d.filters; f++) {
                int count = in.readInt();
                if (count != 0) {
                    d.add(value, 1 << f, count);
                }
            }
        }
        return d;
    }

    /** The number of values with a non-zero count in some filter. */
    public int size() {
        return slots.size();
    }

    /** True when no value has a non-zero count. */
    public boolean isEmpty() {
        return slots.isEmpty();
    }

    private int checkFilter(int f) {
        if (f < 0 || f >= filters) {
            throw new IndexOutOfBoundsException("filter " + f + " of " + filters);
        }
        return f;
    }

    private int newSlot(long value) {
        int slot;
        if (!free.isEmpty()) {
            slot = free.popInt();
        } else {
            if (used == values.length) {
                values = Arrays.copyOf(values, used * 2);
                counts = Arrays.copyOf(counts, used * 2 * filters);
            }
            slot = used++;
        }
        values[slot] = value;
        slots.put(value, slot);
        return slot;
    }
}
