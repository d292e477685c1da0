package org.jdbsp.codec.internal;

/**
 * A set of 32-bit hashes that answers "certainly absent" or "maybe present": 32 KiB, one bit per value of 18 bits of
 * a hash (multiplied by the golden ratio, the high bits kept). No false negative, so a table that consults it before
 * probing gives the same answers while skipping the probe for most hashes it never held.
 */
public final class HashFilter {
    private final long[] bits = new long[1 << 12];

    /** Adds {@code h}. */
    public void add(int h) {
        int bit = bitOf(h);
        bits[bit >>> 6] |= 1L << bit;
    }

    /** False when {@code h} was never {@linkplain #add added}; true when it may have been. */
    public boolean mayContain(int h) {
        int bit = bitOf(h);
        return (bits[bit >>> 6] & 1L << bit) != 0;
    }

    private static int bitOf(int h) {
        return (h * 0x9E3779B9) >>> 14;
    }
}
