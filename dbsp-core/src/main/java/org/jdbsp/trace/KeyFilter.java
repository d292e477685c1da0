package org.jdbsp.trace;

/**
 * A Bloom filter of the keys of one batch file, kept on the heap beside it (8 bits a key, about 3% false positives;
 * a key's 4 bits lie in one block of 8 words, 64 bytes, chosen by its hash, so adding or testing a key costs one
 * cache miss at most and no division), so that a cursor seeking a key the file does not hold skips the file instead of reading keys
 * of its index group. Built by the trace as it writes the file (a file opened from a checkpoint has none and is
 * always sought). Long keys are hashed by {@link #hashLong}, a 64-bit mix of the key itself (no boxing). Object
 * keys are hashed by {@code hashCode}, which agrees with the key order because an order must be consistent with
 * {@code equals} (merges check it); a key that is an array, or a record with an array component (whose
 * {@code hashCode} is its identity while an order may compare contents), turns the filter off: it then holds every
 * key.
 */
final class KeyFilter {
    private static final int BITS_PER_KEY = 8;
    /** Words of a block: 64 bytes, a cache line. */
    private static final int BLOCK_WORDS = 8;
    /** Whether the {@code hashCode} of a key class follows its content (not an array, no array component). */
    private static final ClassValue<Boolean> HASHED_BY_CONTENT = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return hashedByContent(type, 4);
        }
    };

    /** Whether {@code type} is no array and has no array component, down to {@code depth} levels of nested records. */
    private static boolean hashedByContent(Class<?> type, int depth) {
        if (type.isArray()) {
            return false;
        }
        if (type.isRecord() && depth > 0) {
            for (java.lang.reflect.RecordComponent c : type.getRecordComponents()) {
                if (!hashedByContent(c.getType(), depth - 1)) {
                    return false;
                }
            }
        }
        return true;
    }

    private final long[] words;
    private final long blocks;
    private boolean off;

    /** An empty filter for at most {@code keys} distinct keys. */
    KeyFilter(long keys) {
        long bits = Math.max(1, keys) * BITS_PER_KEY;
        this.blocks = (bits + 64 * BLOCK_WORDS - 1) / (64 * BLOCK_WORDS);
        this.words = new long[Math.toIntExact(blocks * BLOCK_WORDS)];
    }

    /** The hash the filter uses for {@code key}. */
    static long hash(Object key) {
        long h = key.hashCode() * 0x9E37_79B9_7F4A_7C15L;
        return h ^ (h >>> 29) ^ (h << 17);
    }

    /**
     * The hash the filter uses for the long key {@code key}: a bijective mix in which every bit of the key moves
     * about half the bits of the hash, high and low (the probes use both halves), so that nearby or strided keys
     * set unrelated bits.
     */
    static long hashLong(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        h = (h ^ (h >>> 31)) * 0xD6E8_FEB8_6659_FD93L;
        h = (h ^ (h >>> 28)) * 0xBF58_476D_1CE4_E5B9L;
        return h ^ (h >>> 32);
    }

    /** Adds the object key {@code key}. */
    void add(Object key) {
        if (off) {
            return;
        }
        if (!HASHED_BY_CONTENT.get(key.getClass())) {
            off = true;
            return;
        }
        set(hash(key));
    }

    /** Adds the long key {@code key}. */
    void addLong(long key) {
        set(hashLong(key));
    }

    /** Sets the bits of {@code hash}. */
    private void set(long hash) {
        if (off) {
            return;
        }
        int block = block(hash);
        long probes = probes(hash);
        for (int i = 0; i < 4; i++, probes >>>= 9) {
            words[block + (int) (probes & 7)] |= 1L << (probes >>> 3);
        }
    }

    /** The first word of the block of {@code hash}: its high 32 bits scaled to the number of blocks (no division). */
    private int block(long hash) {
        return (int) (((hash >>> 32) * blocks) >>> 32) * BLOCK_WORDS;
    }

    /**
     * The 4 probes of {@code hash} in its block, 9 bits each (a word of the block, then a bit of the word), from the
     * high bits of a product with the hash, which follow all of its bits.
     */
    private static long probes(long hash) {
        return (hash * 0xC2B2_AE3D_27D4_EB4FL) >>> 28;
    }

    /** False only when no key of this hash ({@link #hash} or {@link #hashLong}, as the keys added) was added. */
    boolean mayHold(long hash) {
        if (off) {
            return true;
        }
        int block = block(hash);
        long probes = probes(hash);
        for (int i = 0; i < 4; i++, probes >>>= 9) {
            if ((words[block + (int) (probes & 7)] & (1L << (probes >>> 3))) == 0) {
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
