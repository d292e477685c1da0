package org.jdbsp.zset.internal;

import java.util.Arrays;

/**
 * The temporary arrays of one thread's sorts ({@link TupleSort}), kept from one sort to the next so that a step's
 * consolidations do not allocate (and the collector does not clear) a fresh set of arrays each time.
 *
 * <p>Only sorts of at most {@link #MAX_REUSED} tuples use them (a step's batch on a worker, typically); larger
 * sorts allocate as before, so a thread keeps at most about 2.5 MiB here. Object arrays are cleared after use
 * ({@link #releaseObjects}), so no record stays reachable from a thread's scratch. A sort holds the scratch only
 * while it runs no user code (comparators, prefix functions), so sorts never nest inside it.
 */
final class SortScratch {
    /** The largest number of tuples whose temporaries are kept. */
    static final int MAX_REUSED = 1 << 16;

    /** The slots of long arrays: a radix sort's three scratch columns, and the prefix sort's tuple order. */
    static final int RADIX_KEYS = 0;
    static final int RADIX_VALUES = 1;
    static final int RADIX_WEIGHTS = 2;
    static final int ORDER = 3;

    private static final ThreadLocal<SortScratch> PER_THREAD = ThreadLocal.withInitial(SortScratch::new);

    private final long[][] longs = new long[4][];
    private Object[] objects;

    private SortScratch() {}

    /** This thread's scratch. */
    static SortScratch get() {
        return PER_THREAD.get();
    }

    /** A long array of at least {@code n} entries for {@code slot} (its contents are undefined). */
    long[] longs(int slot, int n) {
        if (n > MAX_REUSED) {
            return new long[n];
        }
        long[] a = longs[slot];
        if (a == null || a.length < n) {
            a = new long[capacity(n)];
            longs[slot] = a;
        }
        return a;
    }

    /** An object array of at least {@code n} entries, all null; give it back with {@link #releaseObjects}. */
    Object[] objects(int n) {
        if (n > MAX_REUSED) {
            return new Object[n];
        }
        if (objects == null || objects.length < n) {
            objects = new Object[capacity(n)];
        }
        return objects;
    }

    /** Clears the first {@code n} entries of {@code a}, taken from {@link #objects}, if it is this scratch's. */
    void releaseObjects(Object[] a, int n) {
        if (a == objects) {
            Arrays.fill(a, 0, n, null);
        }
    }

    private static int capacity(int n) {
        return Math.min(MAX_REUSED, Math.max(n + (n >> 1), 1024));
    }
}
