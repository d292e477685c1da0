package org.jdbsp.zset.internal;

import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.Merging;

/**
 * Keeps the tuples of a batch that a {@link Merging.TupleFilter} accepts. A subset of a consolidated batch
 * is consolidated, so nothing is sorted again; a subset of an unconsolidated one stays unconsolidated.
 */
public final class Selection {
    private Selection() {}

    /** The batch of the tuples of {@code batch} that {@code filter} keeps; {@code batch} itself when it keeps all. */
    public static Batch select(Batch batch, Merging.TupleFilter filter) {
        int n = batch.size;
        int first = 0;
        while (first < n && filter.keep(batch, first)) {
            first++;
        }
        if (first == n) {
            return batch;
        }
        long[] lk = batch.longKeys != null ? new long[n] : null;
        Object[] ok = batch.objKeys != null ? new Object[n] : null;
        long[] lv = batch.longValues != null ? new long[n] : null;
        Object[] ov = batch.objValues != null ? new Object[n] : null;
        long[] w = new long[n];
        int out = 0;
        for (int i = 0; i < n; i++) {
            if (i < first || (i > first && filter.keep(batch, i))) {
                if (lk != null) {
                    lk[out] = batch.longKeys[i];
                } else {
                    ok[out] = batch.objKeys[i];
                }
                if (lv != null) {
                    lv[out] = batch.longValues[i];
                } else if (ov != null) {
                    ov[out] = batch.objValues[i];
                }
                w[out++] = batch.weights[i];
            }
        }
        return batch.consolidated ? new Batch(batch.layout, out, lk, ok, lv, ov, w)
                : Batch.unconsolidated(batch.layout, out, lk, ok, lv, ov, w);
    }
}
