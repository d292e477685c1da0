package org.jdbsp.zset.internal;

import org.jdbsp.zset.spi.Batch;

/**
 * Cuts a batch into parts by a given part number per tuple, making only the parts that get a tuple. The parts
 * of a consolidated batch are consolidated (a subsequence of sorted distinct tuples is sorted and distinct),
 * so nothing is sorted; those of an unconsolidated batch are unconsolidated.
 */
public final class Partition {
    private Partition() {}

    /**
     * The parts of {@code batch} that get a tuple: part {@code k} of the result holds, in order, the tuples
     * {@code i} with {@code partOf[i] == counts.part(k)} (each {@code partOf[i]} in {@code [0, parts)}). When
     * every tuple goes to one part, that part is {@code batch} itself; an empty batch has no parts. Costs the
     * batch and the parts it fills, not {@code parts}.
     */
    public static Batch[] split(Batch batch, int[] partOf, int parts, PartCounts counts) {
        int n = batch.size;
        int used = counts.count(partOf, n, parts);
        if (used <= 1) {
            return used == 0 ? new Batch[0] : new Batch[] {batch};
        }
        int[] slot = counts.tupleSlots();
        long[][] lk = batch.longKeys != null ? new long[used][] : null;
        Object[][] ok = batch.objKeys != null ? new Object[used][] : null;
        long[][] lv = batch.longValues != null ? new long[used][] : null;
        Object[][] ov = batch.objValues != null ? new Object[used][] : null;
        long[][] w = new long[used][];
        for (int p = 0; p < used; p++) {
            int m = counts.size(p);
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
        int[] at = new int[used];
        if (lk != null) {
            for (int i = 0; i < n; i++) {
                int p = slot[i];
                lk[p][at[p]++] = batch.longKeys[i];
            }
        } else {
            for (int i = 0; i < n; i++) {
                int p = slot[i];
                ok[p][at[p]++] = batch.objKeys[i];
            }
        }
        if (lv != null) {
            java.util.Arrays.fill(at, 0);
            for (int i = 0; i < n; i++) {
                int p = slot[i];
                lv[p][at[p]++] = batch.longValues[i];
            }
        } else if (ov != null) {
            java.util.Arrays.fill(at, 0);
            for (int i = 0; i < n; i++) {
                int p = slot[i];
                ov[p][at[p]++] = batch.objValues[i];
            }
        }
        java.util.Arrays.fill(at, 0);
        for (int i = 0; i < n; i++) {
            int p = slot[i];
            w[p][at[p]++] = batch.weights[i];
        }
        Batch[] out = new Batch[used];
        for (int p = 0; p < used; p++) {
            if (batch.consolidated) {
                out[p] = new Batch(batch.layout, counts.size(p), lk != null ? lk[p] : null,
                        ok != null ? ok[p] : null, lv != null ? lv[p] : null, ov != null ? ov[p] : null, w[p]);
            } else {
                out[p] = Batch.unconsolidated(batch.layout, counts.size(p), lk != null ? lk[p] : null,
                        ok != null ? ok[p] : null, lv != null ? lv[p] : null, ov != null ? ov[p] : null, w[p]);
            }
        }
        return out;
    }
}
