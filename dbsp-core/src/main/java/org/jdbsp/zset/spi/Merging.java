package org.jdbsp.zset.spi;

import org.jdbsp.zset.internal.ContractChecks;
import org.jdbsp.zset.internal.OrderPrefixes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Weights;

/**
 * Linear merges of consolidated batches: {@code a + b}, {@code a - b}, negation, and sums of many batches,
 * each producing a consolidated batch without allocating per tuple.
 */
public final class Merging {
    private Merging() {}

    /** Returns {@code a + b}. */
    public static Batch plus(Batch a, Batch b) {
        return merge(a, b, false, null);
    }

    /** Returns {@code a - b}. */
    public static Batch minus(Batch a, Batch b) {
        return merge(a, b, true, null);
    }

    /** Returns {@code -a}. */
    public static Batch negate(Batch a) {
        int n = a.size;
        long[] w = new long[n];
        for (int i = 0; i < n; i++) {
            w[i] = Weights.negate(a.weights[i]);
        }
        return new Batch(a.layout, n, a.longKeys, a.objKeys, a.longValues, a.objValues, w);
    }

    /** Returns the sum of all batches, merging the smallest first. */
    public static Batch sum(List<Batch> batches, TupleFilter filter) {
        if (batches.isEmpty()) {
            throw new IllegalArgumentException("sum of no batches has no layout");
        }
        List<Batch> work = new ArrayList<>(batches);
        work.removeIf(b -> b.size == 0);
        if (work.isEmpty()) {
            return batches.get(0);
        }
        if (work.size() == 1) {
            return filter == null ? work.get(0) : merge(work.get(0), Batch.empty(work.get(0).layout), false, filter);
        }
        while (work.size() > 1) {
            work.sort((x, y) -> Integer.compare(x.size, y.size));
            Batch merged = merge(work.get(0), work.get(1), false, filter);
            work.remove(1);
            work.set(0, merged);
        }
        return work.get(0);
    }

    /**
     * Merges two batches of the same layout, subtracting {@code b} when {@code negateB}, and leaving out
     * every tuple whose key {@code filter} rejects (when it is not null).
     */
    public static Batch merge(Batch a, Batch b, boolean negateB, TupleFilter filter) {
        checkSameLayout(a, b);
        if (filter == null) {
            if (b.size == 0) {
                return a;
            }
            if (a.size == 0) {
                return negateB ? negate(b) : b;
            }
        }
        if (filter == null && a.longKeys != null && a.objValues == null) {
            int cap = a.size + b.size;
            long[] lk = new long[cap];
            long[] lv = a.longValues != null ? new long[cap] : null;
            long[] w = new long[cap];
            int out = lv != null
                    ? mergeLongLong(a, b, negateB, lk, lv, w)
                    : mergeLong(a, b, negateB, lk, w);
            return new Batch(a.layout, out, lk, null, lv, null, w);
        }
        return mergeGeneric(a, b, negateB, filter, null);
    }

    /**
     * Returns {@code a + b} where each tuple carries a time, given by {@code aTimes} and {@code bTimes}
     * (parallel to the batches; equal tuples have equal times): tuples whose time is below {@code timeBound},
     * or whose key {@code keyFilter} rejects (when it is not null), are left out, and the times of the tuples
     * kept are written to {@code timesOut} (of length at least {@code a.size + b.size}) in the result's order.
     * For traces that forget values by a time derived from each value: the time is computed once per tuple,
     * not at every merge.
     */
    public static Batch mergeTimed(Batch a, long[] aTimes, Batch b, long[] bTimes, long timeBound, TupleFilter keyFilter,
                                   long[] timesOut) {
        checkSameLayout(a, b);
        return mergeGeneric(a, b, false, keyFilter, new Times(aTimes, bTimes, timeBound, timesOut));
    }

    /** The times carried by a {@link #mergeTimed} merge: those of both inputs, the bound, and where the kept ones go. */
    private record Times(long[] a, long[] b, long bound, long[] out) {}

    private static void checkSameLayout(Batch a, Batch b) {
        if (!a.layout.equals(b.layout)) {
            throw new IllegalArgumentException("cannot merge batches of different layouts: " + a.layout + " and " + b.layout);
        }
    }

    /**
     * The merge of any layout, with comparators; with {@code times}, also carries and filters the tuples' times.
     * Object keys whose order has long prefixes ({@link OrderPrefixes}: records' hash codes, {@code byLong}
     * orders) are compared by their prefixes, drawn once per tuple, and by the comparator only when these are
     * equal (a {@code byLong} order by its tie-break alone, {@link OrderPrefixes#amongEqualPrefixes}): a comparison
     * of two records otherwise computes both hash codes again.
     */
    private static Batch mergeGeneric(Batch a, Batch b, boolean negateB, TupleFilter filter, Times times) {
        boolean validating = ContractChecks.active();
        int cap = a.size + b.size;
        long[] lk = a.longKeys != null ? new long[cap] : null;
        Object[] ok = a.objKeys != null ? new Object[cap] : null;
        long[] lv = a.longValues != null ? new long[cap] : null;
        Object[] ov = a.objValues != null ? new Object[cap] : null;
        long[] w = new long[cap];
        int i = 0;
        int j = 0;
        int out = 0;
        int na = a.size;
        int nb = b.size;
        long[] pa = null;
        long[] pb = null;
        if (a.objKeys != null && na > 0 && nb > 0
                && OrderPrefixes.comparable(a.objKeys, b.objKeys, a.layout.keyOrder())) {
            pa = a.keyPrefixes != null ? a.keyPrefixes : OrderPrefixes.of(a.objKeys, a.layout.keyOrder(), na);
            pb = pa == null ? null : b.keyPrefixes != null ? b.keyPrefixes : OrderPrefixes.of(b.objKeys, a.layout.keyOrder(), nb);
        }
        long[] po = pb != null ? new long[cap] : null;
        Comparator<Object> equalPrefixes = pb != null ? OrderPrefixes.amongEqualPrefixes(a.layout.keyOrder()) : null;
        while (i < na || j < nb) {
            int c;
            if (i == na) {
                c = 1;
            } else if (j == nb) {
                c = -1;
            } else if (pb != null && pa[i] != pb[j]) {
                c = pa[i] < pb[j] ? -1 : 1;
            } else if (pb != null) {
                c = equalPrefixes.compare(a.objKeys[i], b.objKeys[j]);
                c = c != 0 ? c : a.compareValues(i, b, j);
            } else {
                c = a.compareTuples(i, b, j);
            }
            Batch src;
            int at;
            long weight;
            long[] srcTimes = null;
            if (c < 0) {
                src = a;
                at = i++;
                weight = a.weights[at];
                srcTimes = times == null ? null : times.a;
            } else if (c > 0) {
                src = b;
                at = j++;
                weight = negateB ? Weights.negate(b.weights[at]) : b.weights[at];
                srcTimes = times == null ? null : times.b;
            } else {
                a.checkSameTuple(i, b, j);
                if (validating) {
                    checkSameHash(a, i, b, j);
                }
                src = a;
                at = i++;
                long wb = b.weights[j++];
                weight = negateB ? Weights.add(a.weights[at], Weights.negate(wb)) : Weights.add(a.weights[at], wb);
                if (weight == 0) {
                    continue;
                }
                srcTimes = times == null ? null : times.a;
            }
            if (srcTimes != null && srcTimes[at] < times.bound) {
                continue;
            }
            if (filter != null && !filter.keep(src, at)) {
                continue;
            }
            if (lk != null) {
                lk[out] = src.longKeys[at];
            } else {
                ok[out] = src.objKeys[at];
                if (po != null) {
                    po[out] = src == a ? pa[at] : pb[at];
                }
            }
            if (lv != null) {
                lv[out] = src.longValues[at];
            } else if (ov != null) {
                ov[out] = src.objValues[at];
            }
            if (srcTimes != null) {
                times.out[out] = srcTimes[at];
            }
            w[out++] = weight;
        }
        Batch merged = po != null ? Batch.withKeyPrefixes(a.layout, out, ok, lv, ov, w, po) : new Batch(a.layout, out, lk, ok, lv, ov, w);
        if (validating) {
            ContractChecks.checkBatch(merged, false);
        }
        return merged;
    }

    /** Checks that the object columns of tuple {@code i} of {@code a} and tuple {@code j} of {@code b}, which are equal, hash alike. */
    private static void checkSameHash(Batch a, int i, Batch b, int j) {
        if (a.objKeys != null) {
            ContractChecks.checkSameHash(a.objKeys[i], b.objKeys[j], "key");
        }
        if (a.objValues != null) {
            ContractChecks.checkSameHash(a.objValues[i], b.objValues[j], "value");
        }
    }

    private static int mergeLong(Batch a, Batch b, boolean negateB, long[] k, long[] w) {
        long[] ak = a.longKeys;
        long[] bk = b.longKeys;
        long[] aw = a.weights;
        long[] bw = b.weights;
        int na = a.size;
        int nb = b.size;
        int i = 0;
        int j = 0;
        int out = 0;
        while (i < na && j < nb) {
            long x = ak[i];
            long y = bk[j];
            if (x < y) {
                k[out] = x;
                w[out++] = aw[i++];
            } else if (x > y) {
                k[out] = y;
                w[out++] = negateB ? Weights.negate(bw[j++]) : bw[j++];
            } else {
                long s = Weights.add(aw[i++], negateB ? Weights.negate(bw[j++]) : bw[j++]);
                if (s != 0) {
                    k[out] = x;
                    w[out++] = s;
                }
            }
        }
        while (i < na) {
            k[out] = ak[i];
            w[out++] = aw[i++];
        }
        while (j < nb) {
            k[out] = bk[j];
            w[out++] = negateB ? Weights.negate(bw[j++]) : bw[j++];
        }
        return out;
    }

    private static int mergeLongLong(Batch a, Batch b, boolean negateB, long[] k, long[] v, long[] w) {
        long[] ak = a.longKeys;
        long[] av = a.longValues;
        long[] bk = b.longKeys;
        long[] bv = b.longValues;
        long[] aw = a.weights;
        long[] bw = b.weights;
        int na = a.size;
        int nb = b.size;
        int i = 0;
        int j = 0;
        int out = 0;
        while (i < na && j < nb) {
            long xk = ak[i];
            long yk = bk[j];
            long xv = av[i];
            long yv = bv[j];
            if (xk < yk || (xk == yk && xv < yv)) {
                k[out] = xk;
                v[out] = xv;
                w[out++] = aw[i++];
            } else if (xk != yk || xv != yv) {
                k[out] = yk;
                v[out] = yv;
                w[out++] = negateB ? Weights.negate(bw[j++]) : bw[j++];
            } else {
                long s = Weights.add(aw[i++], negateB ? Weights.negate(bw[j++]) : bw[j++]);
                if (s != 0) {
                    k[out] = xk;
                    v[out] = xv;
                    w[out++] = s;
                }
            }
        }
        while (i < na) {
            k[out] = ak[i];
            v[out] = av[i];
            w[out++] = aw[i++];
        }
        while (j < nb) {
            k[out] = bk[j];
            v[out] = bv[j];
            w[out++] = negateB ? Weights.negate(bw[j++]) : bw[j++];
        }
        return out;
    }

    /** Decides whether the tuple at an index of a batch is kept (while merging: to drop keys below a bound). */
    @FunctionalInterface
    public interface TupleFilter {
        /** True to keep tuple {@code i} of {@code batch}. */
        boolean keep(Batch batch, int i);
    }

    /** A filter keeping tuples whose long key is {@code >= bound}. */
    public static TupleFilter longKeysFrom(long bound) {
        return (batch, i) -> batch.longKeys[i] >= bound;
    }

    /** A filter keeping tuples whose object key is not below {@code bound} in the layout's key order. */
    public static TupleFilter keysFrom(Object bound) {
        return (batch, i) -> batch.layout.keyKind() == ColumnKind.LONG
                ? batch.longKeys[i] >= ((Number) bound).longValue()
                : batch.layout.keyOrder().compare(batch.objKeys[i], bound) >= 0;
    }
}
