package org.jdbsp.zset.internal;

import java.util.Arrays;
import java.util.Comparator;

import org.jdbsp.zset.Orders;

/**
 * In-place sorting of parallel tuple arrays by (key, value): an introsort (median-of-three quicksort with
 * Hoare partitioning, insertion sort for short ranges, heapsort when recursion gets too deep).
 *
 * <p>The shapes that matter most (long keys alone, long keys with long values) have their own loops with
 * the comparison written inline; every other shape goes through {@link Columns}, whose comparison branches
 * on which arrays are present. Nothing is allocated per tuple.
 *
 * <p>Object columns whose order starts with a long (records in their natural order start with their hash
 * code; {@link LongPrefixOrder}s with their prefix), and long keys with object values, are sorted by those
 * longs as primitives first, so each is computed once (see {@link #sortByPrefixes}).
 *
 * <p>From {@link #RADIX_THRESHOLD} tuples up, those two shapes are sorted by a least-significant-digit radix
 * sort instead (see {@link #radixSort}): keys first, over only the bits in which they differ, then each run
 * of equal keys by value. It allocates one scratch set of arrays per call.
 */
public final class TupleSort {
    private TupleSort() {}

    private static final int INSERTION_THRESHOLD = 16;

    /** Runs of long-keyed tuples at least this long are radix sorted; shorter ones go to the quicksort. */
    static final int RADIX_THRESHOLD = 2_048;

    /** Bits per radix digit at most (2,048 buckets). */
    private static final int MAX_DIGIT_BITS = 11;

    /** The parallel arrays of an unsorted run of tuples, with their comparators. */
    public static final class Columns {
        public final long[] longKeys;
        public final Object[] objKeys;
        public final long[] longValues;
        public final Object[] objValues;
        public final long[] weights;
        public final Comparator<Object> keyOrder;
        public final Comparator<Object> valueOrder;
        /**
         * Set by a sort by prefixes ({@link #sortByPrefixes}): the primary and secondary (may be null) longs
         * of tuple {@code i}, in sorted order; tuples whose longs differ are different. Null otherwise.
         */
        public long[] primary;
        /** See {@link #primary}. */
        public long[] secondary;
        /**
         * How {@link #compare} compares object keys: {@link #keyOrder}, or once a sort by prefixes set
         * {@link #primary}, the order among keys of equal prefixes ({@link OrderPrefixes#amongEqualPrefixes}): from
         * then on tuples are compared only where their primary longs are equal.
         */
        private Comparator<Object> keyCompare;

        /** The columns of one run to sort (arrays sorted in place). */
        public Columns(long[] longKeys, Object[] objKeys, long[] longValues, Object[] objValues, long[] weights,
                Comparator<Object> keyOrder, Comparator<Object> valueOrder) {
            this.longKeys = longKeys;
            this.objKeys = objKeys;
            this.longValues = longValues;
            this.objValues = objValues;
            this.weights = weights;
            this.keyOrder = keyOrder;
            this.valueOrder = valueOrder;
            this.keyCompare = keyOrder;
        }

        /**
         * Compares tuples {@code i} and {@code j} by key then value; once {@link #primary} is set, only tuples whose
         * primary longs are equal.
         */
        public int compare(int i, int j) {
            int c = longKeys != null ? Long.compare(longKeys[i], longKeys[j]) : keyCompare.compare(objKeys[i], objKeys[j]);
            if (c != 0) {
                return c;
            }
            if (longValues != null) {
                return Long.compare(longValues[i], longValues[j]);
            }
            if (objValues != null) {
                return valueOrder.compare(objValues[i], objValues[j]);
            }
            return 0;
        }

        void swap(int i, int j) {
            if (longKeys != null) {
                long t = longKeys[i];
                longKeys[i] = longKeys[j];
                longKeys[j] = t;
            } else {
                Object t = objKeys[i];
                objKeys[i] = objKeys[j];
                objKeys[j] = t;
            }
            if (longValues != null) {
                long t = longValues[i];
                longValues[i] = longValues[j];
                longValues[j] = t;
            } else if (objValues != null) {
                Object t = objValues[i];
                objValues[i] = objValues[j];
                objValues[j] = t;
            }
            long t = weights[i];
            weights[i] = weights[j];
            weights[j] = t;
        }
    }

    /** Sorts the first {@code n} tuples of {@code c} in place, by key then value. */
    public static void sort(Columns c, int n) {
        if (n < 2) {
            return;
        }
        int depth = 2 * (32 - Integer.numberOfLeadingZeros(n));
        if (c.longKeys != null && c.objValues == null) {
            if (n >= RADIX_THRESHOLD) {
                radixSort(c.longKeys, c.longValues, c.weights, n, c);
            } else if (c.longValues != null) {
                sortLongLong(c.longKeys, c.longValues, c.weights, 0, n, depth, c);
            } else {
                sortLong(c.longKeys, c.weights, 0, n, depth, c);
            }
        } else if (!isSorted(c, n) && (n < PREFIX_SORT_THRESHOLD || !sortByPrefixes(c, n, depth))) {
            sortGeneric(c, 0, n, depth);
        }
    }

    /**
     * True if the first {@code n} tuples are already in order (operators that emit per key in the order of
     * their input often append them so). Stops at the first inversion, so an unsorted run costs a few
     * comparisons and a sorted one {@code n - 1} instead of a sort.
     */
    private static boolean isSorted(Columns c, int n) {
        for (int i = 1; i < n; i++) {
            if (c.compare(i - 1, i) > 0) {
                return false;
            }
        }
        return true;
    }

    // ---- object columns sorted by primitive prefixes first ----

    /** Runs of tuples with object columns at least this long are sorted by primitive prefixes first. */
    static final int PREFIX_SORT_THRESHOLD = 64;

    /**
     * Sorts tuples with object columns by primitive prefixes of the order first: each tuple gets a
     * {@code primary} long (a long key itself; else the key's {@link LongPrefixOrder} prefix, or the hash
     * code of a record key in {@link Orders#natural()} order, whose first criterion it is) and, under a long
     * key, a {@code secondary} long from the value the same way. The longs are drawn once per tuple and sorted
     * as primitives (paired with the tuple's index), the columns are permuted accordingly, and only runs of
     * equal longs are then sorted by the full comparison. Comparing inside the comparator instead recomputed
     * record hash codes, or chased object fields, O(log n) times per tuple.
     *
     * @return false, having changed nothing, if the keys have no primitive prefix
     */
    private static boolean sortByPrefixes(Columns c, int n, int depth) {
        long[] primary;
        long[] secondary = null;
        if (c.longKeys != null) {
            primary = Arrays.copyOf(c.longKeys, n);
            secondary = OrderPrefixes.of(c.objValues, c.valueOrder, n);
        } else {
            primary = OrderPrefixes.of(c.objKeys, c.keyOrder, n);
            if (primary == null) {
                return false;
            }
        }
        SortScratch scratch = SortScratch.get();
        long[] order = scratch.longs(SortScratch.ORDER, n);
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Columns prefixColumns = new Columns(primary, null, secondary, null, order, null, null);
        if (n >= RADIX_THRESHOLD) {
            radixSort(primary, secondary, order, n, prefixColumns);
        } else if (secondary != null) {
            sortLongLong(primary, secondary, order, 0, n, depth, prefixColumns);
        } else {
            sortLong(primary, order, 0, n, depth, prefixColumns);
        }
        permute(c, primary, order, n, scratch);
        c.primary = primary;
        c.secondary = secondary;
        if (c.objKeys != null) {
            c.keyCompare = OrderPrefixes.amongEqualPrefixes(c.keyOrder);
        }
        int i = 0;
        while (i < n - 1) {
            long p = primary[i];
            int j = i + 1;
            if (secondary == null) {
                while (j < n && primary[j] == p) {
                    j++;
                }
            } else {
                long q = secondary[i];
                while (j < n && primary[j] == p && secondary[j] == q) {
                    j++;
                }
            }
            if (j - i > 1 && (secondary != null || j - i < EQUAL_KEYS_THRESHOLD || !sortEqualKeysByValues(c, i, j, depth))) {
                sortGeneric(c, i, j, depth);
            }
            i = j;
        }
        return true;
    }

    /** Runs of equal key prefixes at least this long are checked for one key and then sorted by value prefixes. */
    static final int EQUAL_KEYS_THRESHOLD = 8;

    /**
     * Sorts the run {@code [lo, hi)} of tuples with object keys by value alone, if all of its keys are equal
     * (a run of equal key prefixes is usually one key with many values: the bids of one auction): long values
     * as primitives, object values by their order's prefixes first. The full comparison then only ranks values
     * whose prefixes are equal; before, every comparison of the run compared the keys and drew the values'
     * prefixes again. The values' longs become the run's {@link Columns#secondary} (zero elsewhere: tuples of
     * other runs differ in their primary), so consolidation compares whole tuples only where they are equal.
     *
     * @return false, having changed nothing, if the keys differ or the values have no prefix
     */
    private static boolean sortEqualKeysByValues(Columns c, int lo, int hi, int depth) {
        if (c.objKeys == null || (c.longValues == null && c.objValues == null)) {
            return false;
        }
        Object key = c.objKeys[lo];
        for (int i = lo + 1; i < hi; i++) {
            if (c.keyCompare.compare(key, c.objKeys[i]) != 0) {
                return false;
            }
        }
        if (c.secondary == null) {
            c.secondary = new long[c.primary.length];
        }
        if (c.longValues != null) {
            sortLong(c.longValues, c.weights, lo, hi, depth, c);
            System.arraycopy(c.longValues, lo, c.secondary, lo, hi - lo);
            return true;
        }
        int n = hi - lo;
        long[] prefixes = OrderPrefixes.of(c.objValues, c.valueOrder, lo, hi);
        if (prefixes == null) {
            return false;
        }
        long[] order = new long[n];
        for (int i = 0; i < n; i++) {
            order[i] = lo + i;
        }
        Columns prefixColumns = new Columns(prefixes, null, null, null, order, null, null);
        sortLong(prefixes, order, 0, n, depth, prefixColumns);
        Object[] values = new Object[n];
        long[] weights = new long[n];
        for (int i = 0; i < n; i++) {
            values[i] = c.objValues[(int) order[i]];
            weights[i] = c.weights[(int) order[i]];
        }
        System.arraycopy(values, 0, c.objValues, lo, n);
        System.arraycopy(weights, 0, c.weights, lo, n);
        System.arraycopy(prefixes, 0, c.secondary, lo, n);
        int i = 0;
        while (i < n - 1) {
            int j = i + 1;
            while (j < n && prefixes[j] == prefixes[i]) {
                j++;
            }
            if (j - i > 1) {
                sortGeneric(c, lo + i, lo + j, depth);
            }
            i = j;
        }
        return true;
    }

    /**
     * Reorders the first {@code n} tuples so that tuple {@code i} is the old tuple {@code (int) order[i]};
     * long keys are taken from {@code sortedKeys}, which holds them already in that order.
     */
    private static void permute(Columns c, long[] sortedKeys, long[] order, int n, SortScratch scratch) {
        if (c.longKeys != null) {
            System.arraycopy(sortedKeys, 0, c.longKeys, 0, n);
        } else {
            permute(c.objKeys, order, n, scratch);
        }
        permute(c.weights, order, n, scratch);
        if (c.longValues != null) {
            permute(c.longValues, order, n, scratch);
        } else if (c.objValues != null) {
            permute(c.objValues, order, n, scratch);
        }
    }

    private static void permute(long[] column, long[] order, int n, SortScratch scratch) {
        long[] moved = scratch.longs(SortScratch.RADIX_KEYS, n);
        for (int i = 0; i < n; i++) {
            moved[i] = column[(int) order[i]];
        }
        System.arraycopy(moved, 0, column, 0, n);
    }

    private static void permute(Object[] column, long[] order, int n, SortScratch scratch) {
        Object[] moved = scratch.objects(n);
        for (int i = 0; i < n; i++) {
            moved[i] = column[(int) order[i]];
        }
        System.arraycopy(moved, 0, column, 0, n);
        scratch.releaseObjects(moved, n);
    }

    // ---- generic shape ----

    private static void sortGeneric(Columns c, int lo, int hi, int depth) {
        while (hi - lo > INSERTION_THRESHOLD) {
            if (depth-- == 0) {
                heapSort(c, lo, hi);
                return;
            }
            int mid = (lo + hi) >>> 1;
            int m = median3(c, lo, mid, hi - 1);
            c.swap(lo, m);
            int i = lo;
            int j = hi;
            while (true) {
                do {
                    i++;
                } while (i < hi && c.compare(i, lo) < 0);
                do {
                    j--;
                } while (c.compare(j, lo) > 0);
                if (i >= j) {
                    break;
                }
                c.swap(i, j);
            }
            c.swap(lo, j);
            if (j - lo < hi - j - 1) {
                sortGeneric(c, lo, j, depth);
                lo = j + 1;
            } else {
                sortGeneric(c, j + 1, hi, depth);
                hi = j;
            }
        }
        for (int i = lo + 1; i < hi; i++) {
            for (int j = i; j > lo && c.compare(j - 1, j) > 0; j--) {
                c.swap(j - 1, j);
            }
        }
    }

    private static int median3(Columns c, int a, int b, int d) {
        if (c.compare(a, b) < 0) {
            if (c.compare(b, d) < 0) {
                return b;
            }
            return c.compare(a, d) < 0 ? d : a;
        }
        if (c.compare(a, d) < 0) {
            return a;
        }
        return c.compare(b, d) < 0 ? d : b;
    }

    static void heapSort(Columns c, int lo, int hi) {
        int n = hi - lo;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(c, lo, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            c.swap(lo, lo + end);
            siftDown(c, lo, 0, end);
        }
    }

    private static void siftDown(Columns c, int lo, int i, int n) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && c.compare(lo + child, lo + child + 1) < 0) {
                child++;
            }
            if (c.compare(lo + i, lo + child) >= 0) {
                return;
            }
            c.swap(lo + i, lo + child);
            i = child;
        }
    }

    // ---- long keys, no values ----

    private static void sortLong(long[] k, long[] w, int lo, int hi, int depth, Columns c) {
        while (hi - lo > INSERTION_THRESHOLD) {
            if (depth-- == 0) {
                heapSort(c, lo, hi);
                return;
            }
            int mid = (lo + hi) >>> 1;
            int a = lo;
            int b = mid;
            int d = hi - 1;
            int m = k[a] < k[b] ? (k[b] < k[d] ? b : (k[a] < k[d] ? d : a)) : (k[a] < k[d] ? a : (k[b] < k[d] ? d : b));
            swapLong(k, w, lo, m);
            long pivot = k[lo];
            int i = lo;
            int j = hi;
            while (true) {
                do {
                    i++;
                } while (i < hi && k[i] < pivot);
                do {
                    j--;
                } while (k[j] > pivot);
                if (i >= j) {
                    break;
                }
                swapLong(k, w, i, j);
            }
            swapLong(k, w, lo, j);
            if (j - lo < hi - j - 1) {
                sortLong(k, w, lo, j, depth, c);
                lo = j + 1;
            } else {
                sortLong(k, w, j + 1, hi, depth, c);
                hi = j;
            }
        }
        for (int i = lo + 1; i < hi; i++) {
            long key = k[i];
            long wt = w[i];
            int j = i - 1;
            while (j >= lo && k[j] > key) {
                k[j + 1] = k[j];
                w[j + 1] = w[j];
                j--;
            }
            k[j + 1] = key;
            w[j + 1] = wt;
        }
    }

    private static void swapLong(long[] k, long[] w, int i, int j) {
        long t = k[i];
        k[i] = k[j];
        k[j] = t;
        t = w[i];
        w[i] = w[j];
        w[j] = t;
    }

    // ---- long keys, long values ----

    private static boolean less(long[] k, long[] v, int i, int j) {
        return k[i] < k[j] || (k[i] == k[j] && v[i] < v[j]);
    }

    private static void sortLongLong(long[] k, long[] v, long[] w, int lo, int hi, int depth, Columns c) {
        while (hi - lo > INSERTION_THRESHOLD) {
            if (depth-- == 0) {
                heapSort(c, lo, hi);
                return;
            }
            int mid = (lo + hi) >>> 1;
            int a = lo;
            int b = mid;
            int d = hi - 1;
            int m = less(k, v, a, b)
                    ? (less(k, v, b, d) ? b : (less(k, v, a, d) ? d : a))
                    : (less(k, v, a, d) ? a : (less(k, v, b, d) ? d : b));
            swapLongLong(k, v, w, lo, m);
            long pk = k[lo];
            long pv = v[lo];
            int i = lo;
            int j = hi;
            while (true) {
                do {
                    i++;
                } while (i < hi && (k[i] < pk || (k[i] == pk && v[i] < pv)));
                do {
                    j--;
                } while (k[j] > pk || (k[j] == pk && v[j] > pv));
                if (i >= j) {
                    break;
                }
                swapLongLong(k, v, w, i, j);
            }
            swapLongLong(k, v, w, lo, j);
            if (j - lo < hi - j - 1) {
                sortLongLong(k, v, w, lo, j, depth, c);
                lo = j + 1;
            } else {
                sortLongLong(k, v, w, j + 1, hi, depth, c);
                hi = j;
            }
        }
        for (int i = lo + 1; i < hi; i++) {
            long key = k[i];
            long val = v[i];
            long wt = w[i];
            int j = i - 1;
            while (j >= lo && (k[j] > key || (k[j] == key && v[j] > val))) {
                k[j + 1] = k[j];
                v[j + 1] = v[j];
                w[j + 1] = w[j];
                j--;
            }
            k[j + 1] = key;
            v[j + 1] = val;
            w[j + 1] = wt;
        }
    }

    private static void swapLongLong(long[] k, long[] v, long[] w, int i, int j) {
        long t = k[i];
        k[i] = k[j];
        k[j] = t;
        t = v[i];
        v[i] = v[j];
        v[j] = t;
        t = w[i];
        w[i] = w[j];
        w[j] = t;
    }

    // ---- radix sort of the long shapes ----

    /**
     * Sorts the first {@code n} tuples of long keys {@code k}, long values {@code v} (null for a Z-set of
     * longs) and weights {@code w} by (key, value), signed order, with an LSD radix sort.
     *
     * <p>The keys are sorted as unsigned offsets from their minimum, which orders them as signed longs and
     * leaves out every leading bit they share; digits are balanced over the remaining bits (11 at most), and a
     * pass whose digit is the same for every key is skipped. The sort is stable, so the weights of equal
     * tuples keep their input order. Then, when there are values, every run of equal keys is sorted by value:
     * pairs by one compare, short runs by the quicksort, long runs by the same radix sort on values.
     */
    static void radixSort(long[] k, long[] v, long[] w, int n, Columns c) {
        SortScratch scratch = SortScratch.get();
        long[] sk = scratch.longs(SortScratch.RADIX_KEYS, n);
        long[] sv = v != null ? scratch.longs(SortScratch.RADIX_VALUES, n) : null;
        long[] sw = scratch.longs(SortScratch.RADIX_WEIGHTS, n);
        radixRange(k, v, w, 0, n, sk, sv, sw);
        if (v == null) {
            return;
        }
        int depth = 2 * (32 - Integer.numberOfLeadingZeros(n));
        int i = 0;
        int last = n - 1;
        while (i < last) {
            long key = k[i];
            if (k[i + 1] != key) {
                i++;
                continue;
            }
            int j = i + 2;
            while (j < n && k[j] == key) {
                j++;
            }
            int len = j - i;
            if (len == 2) {
                if (v[i] > v[i + 1]) {
                    swapLongLong(k, v, w, i, i + 1);
                }
            } else if (len < RADIX_THRESHOLD) {
                sortLongLong(k, v, w, i, j, depth, c);
            } else {
                // Keys are equal over the run: sort it by value, carrying the weights only.
                radixRange(v, null, w, i, j, sv, null, sw);
            }
            i = j;
        }
    }

    /**
     * Stable LSD radix sort of {@code col[lo, hi)} (signed order), carrying {@code a} (may be null) and
     * {@code b} along; {@code scol}, {@code sa}, {@code sb} are scratch arrays of at least {@code hi - lo}
     * slots, indexed from zero.
     */
    private static void radixRange(long[] col, long[] a, long[] b, int lo, int hi,
                                   long[] scol, long[] sa, long[] sb) {
        long min = col[lo];
        long max = min;
        for (int i = lo + 1; i < hi; i++) {
            long x = col[i];
            if (x < min) {
                min = x;
            } else if (x > max) {
                max = x;
            }
        }
        int bits = 64 - Long.numberOfLeadingZeros(max - min);
        if (bits == 0) {
            return;
        }
        int passes = (bits + MAX_DIGIT_BITS - 1) / MAX_DIGIT_BITS;
        int digitBits = (bits + passes - 1) / passes;
        int buckets = 1 << digitBits;
        int mask = buckets - 1;
        int[] counts = new int[passes * buckets];
        for (int i = lo; i < hi; i++) {
            long x = col[i] - min;
            for (int p = 0, base = 0; p < passes; p++, base += buckets) {
                counts[base + ((int) (x >>> (p * digitBits)) & mask)]++;
            }
        }
        int len = hi - lo;
        // Source and destination alternate between (col, a, b) at lo and the scratch arrays at 0.
        long[] fc = col;
        long[] fa = a;
        long[] fb = b;
        int from = lo;
        long[] tc = scol;
        long[] ta = sa;
        long[] tb = sb;
        int to = 0;
        for (int p = 0; p < passes; p++) {
            int base = p * buckets;
            if (counts[base + ((int) ((col[lo] - min) >>> (p * digitBits)) & mask)] == len) {
                continue; // every key has the same digit here
            }
            int sum = to;
            for (int d = base, end = base + buckets; d < end; d++) {
                int cnt = counts[d];
                counts[d] = sum;
                sum += cnt;
            }
            int shift = p * digitBits;
            int fromEnd = from + len;
            if (fa != null) {
                for (int i = from; i < fromEnd; i++) {
                    long x = fc[i];
                    int dst = counts[base + ((int) ((x - min) >>> shift) & mask)]++;
                    tc[dst] = x;
                    ta[dst] = fa[i];
                    tb[dst] = fb[i];
                }
            } else {
                for (int i = from; i < fromEnd; i++) {
                    long x = fc[i];
                    int dst = counts[base + ((int) ((x - min) >>> shift) & mask)]++;
                    tc[dst] = x;
                    tb[dst] = fb[i];
                }
            }
            long[] t = fc;
            fc = tc;
            tc = t;
            t = fa;
            fa = ta;
            ta = t;
            t = fb;
            fb = tb;
            tb = t;
            int ti = from;
            from = to;
            to = ti;
        }
        if (fc != col) {
            System.arraycopy(fc, from, col, lo, len);
            if (a != null) {
                System.arraycopy(fa, from, a, lo, len);
            }
            System.arraycopy(fb, from, b, lo, len);
        }
    }
}
