package org.jdbsp.zset.spi;

import org.jdbsp.zset.internal.ContractChecks;
import org.jdbsp.zset.internal.TupleSort;
import java.util.Arrays;
import java.util.Comparator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.Weights;

/**
 * Consolidation, the one primitive every batch comes from: sort parallel tuple arrays by (key, value), add
 * the weights of equal tuples, and drop the tuples whose weight is zero.
 *
 * <p>It works in place on the arrays it is given and hands them to the resulting {@link Batch}: callers
 * must not touch them afterwards. Weight sums are overflow-checked ({@link Weights#add}). Records in the
 * {@linkplain Orders#natural() natural order} are checked to have one ({@link Orders#requireNatural}) by the
 * class of the first, once per batch: a type that cannot be ordered fails its first batch, not the first
 * time two of its hash codes happen to collide.
 */
public final class Consolidation {
    private Consolidation() {}

    /**
     * Consolidates the first {@code n} tuples of the given arrays (the array of each absent column is null)
     * into a batch that takes ownership of the arrays.
     */
    public static Batch consolidate(Layout layout, int n, long[] longKeys, Object[] objKeys,
                                    long[] longValues, Object[] objValues, long[] weights) {
        if (n > 0) {
            requireOrder(layout.keyOrder(), objKeys);
            requireOrder(layout.valueOrder(), objValues);
        }
        TupleSort.Columns c = new TupleSort.Columns(longKeys, objKeys, longValues, objValues, weights,
                layout.keyOrder(), layout.valueOrder());
        TupleSort.sort(c, n);
        boolean validating = ContractChecks.active();
        int m = compact(c, n, validating);
        if (objKeys != null) {
            Arrays.fill(objKeys, m, n, null);
        }
        if (objValues != null) {
            Arrays.fill(objValues, m, n, null);
        }
        // the keys' prefixes, when the sort drew them, go with the batch for later merges (objects keys only: under
        // a long key, the primary longs are the keys themselves)
        Batch b = objKeys != null && c.primary != null
                ? Batch.withKeyPrefixes(layout, m, objKeys, longValues, objValues, weights, c.primary)
                : new Batch(layout, m, longKeys, objKeys, longValues, objValues, weights);
        if (validating) {
            ContractChecks.checkBatch(b, true);
        }
        return b;
    }

    private static void requireOrder(Comparator<Object> order, Object[] column) {
        if (column != null && order == Orders.natural()) {
            Orders.requireNatural(column[0].getClass());
        }
    }

    /**
     * Adds the weights of adjacent equal tuples of sorted arrays and drops zeros; returns the new length. When
     * {@code validating}, equal tuples must also hash alike ({@link ContractChecks}).
     */
    private static int compact(TupleSort.Columns c, int n, boolean validating) {
        long[] w = c.weights;
        if (c.longKeys != null && c.objValues == null) {
            return c.longValues != null ? compactLongLong(c.longKeys, c.longValues, w, n) : compactLong(c.longKeys, w, n);
        }
        long[] primary = c.primary;
        long[] secondary = c.secondary;
        int out = 0;
        int i = 0;
        while (i < n) {
            long sum = w[i];
            int j = i + 1;
            while (j < n && (primary == null || primary[i] == primary[j])
                    && (secondary == null || secondary[i] == secondary[j]) && c.compare(i, j) == 0) {
                checkSame(c, i, j, validating);
                sum = Weights.add(sum, w[j]);
                j++;
            }
            if (sum != 0) {
                if (out != i) {
                    move(c, i, out);
                    if (primary != null) {
                        primary[out] = primary[i];
                        if (secondary != null) {
                            secondary[out] = secondary[i];
                        }
                    }
                }
                w[out++] = sum;
            }
            i = j;
        }
        return out;
    }

    private static void checkSame(TupleSort.Columns c, int i, int j, boolean validating) {
        if (c.objKeys != null) {
            Batch.checkSame(c.objKeys[i], c.objKeys[j], "key");
            if (validating) {
                ContractChecks.checkSameHash(c.objKeys[i], c.objKeys[j], "key");
            }
        }
        if (c.objValues != null) {
            Batch.checkSame(c.objValues[i], c.objValues[j], "value");
            if (validating) {
                ContractChecks.checkSameHash(c.objValues[i], c.objValues[j], "value");
            }
        }
    }

    private static void move(TupleSort.Columns c, int from, int to) {
        if (c.longKeys != null) {
            c.longKeys[to] = c.longKeys[from];
        } else {
            c.objKeys[to] = c.objKeys[from];
        }
        if (c.longValues != null) {
            c.longValues[to] = c.longValues[from];
        } else if (c.objValues != null) {
            c.objValues[to] = c.objValues[from];
        }
    }

    private static int compactLong(long[] k, long[] w, int n) {
        int out = 0;
        int i = 0;
        while (i < n) {
            long key = k[i];
            long sum = w[i];
            int j = i + 1;
            while (j < n && k[j] == key) {
                sum = Weights.add(sum, w[j]);
                j++;
            }
            if (sum != 0) {
                k[out] = key;
                w[out++] = sum;
            }
            i = j;
        }
        return out;
    }

    private static int compactLongLong(long[] k, long[] v, long[] w, int n) {
        int out = 0;
        int i = 0;
        while (i < n) {
            long key = k[i];
            long val = v[i];
            long sum = w[i];
            int j = i + 1;
            while (j < n && k[j] == key && v[j] == val) {
                sum = Weights.add(sum, w[j]);
                j++;
            }
            if (sum != 0) {
                k[out] = key;
                v[out] = val;
                w[out++] = sum;
            }
            i = j;
        }
        return out;
    }
}
