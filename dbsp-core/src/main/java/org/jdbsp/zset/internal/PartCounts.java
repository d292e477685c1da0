package org.jdbsp.zset.internal;

/**
 * Counts how many tuples go to each part when tuples are cut into parts by a part number each, touching only
 * the parts that get a tuple: counting n tuples for W parts costs O(n + parts used), not O(W), so that a small
 * batch cut for many workers costs the batch. Numbers the parts used from 0 in order of first appearance (a
 * part's slot) and writes each tuple's slot. Reusable: each {@link #count} forgets the previous one.
 */
public final class PartCounts {
    private int[] slotOfPart = new int[0];
    private int[] partOfSlot = new int[0];
    private int[] sizes = new int[0];
    private int[] tupleSlots = new int[16];
    private int used;

    /**
     * Counts the tuples of parts {@code partOf[0..n)}, each in {@code [0, parts)}; returns the number of parts
     * used. The slots, sizes and part numbers below are valid until the next call.
     */
    public int count(int[] partOf, int n, int parts) {
        if (slotOfPart.length < parts) {
            slotOfPart = new int[parts];
            partOfSlot = new int[parts];
            sizes = new int[parts];
        } else {
            for (int k = 0; k < used; k++) {
                slotOfPart[partOfSlot[k]] = 0;
            }
        }
        if (tupleSlots.length < n) {
            tupleSlots = new int[Math.max(n, tupleSlots.length + (tupleSlots.length >> 1))];
        }
        int u = 0;
        for (int i = 0; i < n; i++) {
            int p = partOf[i];
            int s = slotOfPart[p] - 1;
            if (s < 0) {
                s = u++;
                slotOfPart[p] = u;
                partOfSlot[s] = p;
                sizes[s] = 0;
            }
            sizes[s]++;
            tupleSlots[i] = s;
        }
        used = u;
        return u;
    }

    /** The number of parts used by the last count. */
    public int used() {
        return used;
    }

    /** The part number of slot {@code k}. */
    public int part(int k) {
        return partOfSlot[k];
    }

    /** The number of tuples in slot {@code k}. */
    public int size(int k) {
        return sizes[k];
    }

    /** The slot of each tuple counted, in positions {@code [0, n)}; read only. */
    public int[] tupleSlots() {
        return tupleSlots;
    }
}
