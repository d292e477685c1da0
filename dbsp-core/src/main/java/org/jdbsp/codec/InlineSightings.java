package org.jdbsp.codec;

import org.jdbsp.codec.internal.HashFilter;

/**
 * What a {@link ByteSink} with a table of repeated strings knows about inline strings by their encoded form and
 * bytes alone, so that {@link ByteSource#copyString} need not build a string to decide: a fixed, lossy array of
 * the inline strings met (a string met twice is offered to the table), and the hashes of the strings the table
 * entered through this sink (a string met inline that the table already holds is written as a reference). Both
 * are hints: a false positive only costs building the string and one more lookup in the table.
 */
final class InlineSightings {
    private final int[] sightings = new int[1 << 16];
    /** Open addressing over the hashes of entered strings (0 empty, a hash of 0 stored as 1). */
    private int[] entries = new int[1 << 8];
    private int entryCount;

    /**
     * The entered hashes as {@link #entries} stores them (0 as 1): a string it does not hold was not entered, found
     * without probing {@link #entries}.
     */
    private final HashFilter entryFilter = new HashFilter();

    /**
     * A hash of an inline string of form {@code 8n + b} whose {@code length} bytes after its header are those of
     * {@code from} at {@code position} (a sink's own array): the form, the length and up to 16 bytes sampled over them,
     * from the last, {@code h = 31 * h + b} per byte, taken two bytes at a time ({@code h = 961 * h + 31 * b + b'}, the
     * same value) so that the chain of multiplications is half as long.
     */
    static int hash(int form, byte[] from, int position, int length) {
        int step = Math.max(1, length / 16);
        int h = 31 * form + length;
        int i = position + length - 1;
        for (; i - step >= position; i -= 2 * step) {
            h = 961 * h + (31 * from[i] + from[i - step]);
        }
        if (i >= position) {
            h = 31 * h + from[i];
        }
        return h ^ (h >>> 15) * 0x2C1B3C6D;
    }

    /** Whether an inline string of hash {@code h} was met before; remembers it. */
    boolean sighted(int h) {
        int slot = (h ^ (h >>> 16)) & (sightings.length - 1);
        if (sightings[slot] == h) {
            return true;
        }
        sightings[slot] = h;
        return false;
    }

    /** Notes that the table entered a string whose inline encoding has hash {@code h}. */
    void entered(int h) {
        if (isEntry(h)) {
            return;
        }
        if (2 * (entryCount + 1) > entries.length) {
            int[] old = entries;
            entries = new int[old.length * 2];
            for (int e : old) {
                if (e != 0) {
                    place(e);
                }
            }
        }
        int key = h == 0 ? 1 : h;
        place(key);
        entryCount++;
        entryFilter.add(key);
    }

    /** Whether a string whose inline encoding has hash {@code h} was {@linkplain #entered entered}. */
    boolean isEntry(int h) {
        int key = h == 0 ? 1 : h;
        if (!entryFilter.mayContain(key)) { // the key the table stores, so that the filter answers as the table
            return false;
        }
        int mask = entries.length - 1;
        for (int p = (key ^ (key >>> 16)) & mask; entries[p] != 0; p = (p + 1) & mask) {
            if (entries[p] == key) {
                return true;
            }
        }
        return false;
    }

    private void place(int key) {
        int mask = entries.length - 1;
        int p = (key ^ (key >>> 16)) & mask;
        while (entries[p] != 0) {
            p = (p + 1) & mask;
        }
        entries[p] = key;
    }
}
