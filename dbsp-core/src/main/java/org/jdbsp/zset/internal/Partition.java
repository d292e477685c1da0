package org.jdbsp.zset.internal;

import org.jdbsp.zset.spi.Batch;

/**
 * Cuts a batch into parts by a given part number per tuple. The parts of a consolidated batch are
 * consolidated (a subsequence of sorted distinct tuples is sorted and distinct), so nothing is sorted.
 */
public final class Partition {
    private Partition() {}

    /**
     * The parts of {@code batch}: part {@code p} holds, in order, the tuples {@code i} with
     * {@code parts[i] == p}. When every tuple goes to one part, that part is {@code batch} itself.
     *
     * @param parts one part number per tuple, each in {@code [0, count)}
     */
    public static Batch[] split(Batch batch, int[] parts, int count) {
        int n = batch.size;
        int[] sizes = new int[count];
        for (int i = 0; i < n; i++) {
            sizes[parts[i]]++;
        }
        Batch[] out = new Batch[count];
        Batch empty = Batch.empty(batch.layout);
        for (int p = 0; p < count; p++) {
            if (sizes[p] == n) {
                java.util.Arrays.fill(out, empty);
                out[p] = batch;
                return out;
            }
        }
        long[][] lk = batch.longKeys != null ? new long[count][] : null;
        Object[][] ok = batch.objKeys != null ? new Object[count][] : null;
        long[][] lv = batch.longValues != null ? new long[count][] : null;
        Object[][] ov = batch.objValues != null ? new Object[count][] : null;
        long[][] w = new long[count][];
        for (int p = 0; p < count; p++) {
            int m = sizes[p];
            if (lk != null) {
                lk[p] = new long[m];
            } else {
                ok[p] = new Object[m];
            }
            if (lv != null) {
                lv[p] = new long[m];
            } else if (ov != null) {
                ov[p] = new Object[m];
            }
            w[p] = new long[m];
        }
        int[] at = new int[count];
        if (lk != null) {
            for (int i = 0; i < n; i++) {
                int p = parts[i];
                lk[p][at[p]++] = batch.longKeys[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                int p = parts[i];
                ok[p][at[p]++] = batch.objKeys[i];
            }
        }
        if (lv != null) {
            java.util.Arrays.fill(at, 0);
            for (int i = 0; i < n; i++) {
                int p = parts[i];
                lv[p][at[p]++] = batch.longValues[i];
            }
        } else if (ov != null) {
            java.util.Arrays.fill(at, 0);
            for (int i = 0; i < n; i++) {
                int p = parts[i];
                ov[p][at[p]++] = batch.objValues[i];
            }
        }
        java.util.Arrays.fill(at, 0);
        for (int i = 0; i < n; i++) {
            int p = parts[i];
            w[p][at[p]++] = batch.weights[i];
        }
        for (int p = 0; p < count; p++) {
            out[p] = sizes[p] == 0 ? empty : new Batch(batch.layout, sizes[p], lk != null ? lk[p] : null,
                    ok != null ? ok[p] : null, lv != null ? lv[p] : null, ov != null ? ov[p] : null, w[p]);
        }
        return out;
    }
}
