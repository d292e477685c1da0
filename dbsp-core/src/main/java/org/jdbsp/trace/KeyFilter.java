package org.jdbsp.trace;

/**
 * A Bloom filter of the object keys of one batch file, kept on the heap beside it (8 bits and 3 probes a key,
 * about 3% false positives), so that a cursor seeking a key the file does not hold skips the file instead of
 * decoding keys of its index group. Built by the trace as it writes the file (a file opened from a checkpoint has
 * none and is always sought). Keys are hashed by {@code hashCode}, which agrees with the key order because an
 * order must be consistent with {@code equals} (merges check it).
 */
final class KeyFilter {
    private static final int BITS_PER_KEY = 8;
    private final long[] words;
    private final long bits;

    /** An empty filter for at most {@code keys} distinct keys. */
    KeyFilter(long keys) {
        this.words = new long[(int) Math.max(1, (Math.max(1, keys) * BITS_PER_KEY + 63) >>> 6)];
        this.bits = (long) words.length << 6;
    }

    /** The hash the filter uses for {@code key}. */
    static long hash(Object key) {
        long h = key.hashCode() * 0x9E37_79B9_7F4A_7C15L;
        return h ^ (h >>> 29) ^ (h << 17);
    }

    /** Adds a key given by its {@link #hash}. */
    void add(long hash) {
        long step = (hash >>> 32) | 1;
        for (int i = 0; i < 3; i++) {
            long bit = Long.remainderUnsigned(hash + i * step, bits);
            words[(int) (bit >>> 6)] |= 1L << bit;
        }
    }

    /** False only when no key of this hash was added. */
    boolean mayHold(long hash) {
        long step = (hash >>> 32) | 1;
        for (int i = 0; i < 3; i++) {
            long bit = Long.remainderUnsigned(hash + i * step, bits);
            if ((words[(int) (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }

    /** Heap bytes of the filter. */
    long bytes() {
        return 16L + 8L * words.length;
    }
}
