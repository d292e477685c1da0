package org.jdbsp.nexmark.generator;

/**
 * A SplitMix64 random stream with the exact output of {@code java.util.SplittableRandom} (a state advanced by a
 * fixed odd "gamma" and a mixing function per draw), reseedable in place so one instance serves every event of a
 * thread without allocation.
 *
 * <p>{@link #seedReference(long)} gives the stream of {@code new SplittableRandom(seed)};
 * {@link #seedForEvent(long, long)} gives an independent stream per (seed, event number) pair. The bounded
 * draws follow the JDK's algorithms bit for bit, which the reference's output depends on.
 */
final class SplitMix64 {

    static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double DOUBLE_UNIT = 0x1.0p-53;

    private long state;
    private long gamma = GOLDEN_GAMMA;

    /** Restarts as {@code new java.util.SplittableRandom(seed)}. */
    SplitMix64 seedReference(long seed) {
        state = seed;
        gamma = GOLDEN_GAMMA;
        return this;
    }

    /**
     * Restarts on the stream of event {@code eventNumber} under {@code streamKey} (a premixed seed, see
     * {@link #streamKey(long)}). The start state is the {@code eventNumber}-th output of a SplitMix64 stream
     * keyed by the seed, and the gamma is derived from the same point with a different finaliser, so two events
     * walk different sequences rather than shifted windows of one sequence.
     */
    void seedForEvent(long streamKey, long eventNumber) {
        long z = streamKey + eventNumber * GOLDEN_GAMMA;
        state = mix64(z);
        gamma = mixGamma(z);
    }

    /** Premixes an event seed for {@link #seedForEvent(long, long)}. */
    static long streamKey(long seed) {
        return mix64(seed ^ 0x6a09e667f3bcc909L);
    }

    long nextLong() {
        return mix64(state += gamma);
    }

    int nextInt() {
        return mix32(state += gamma);
    }

    /** A uniform int in {@code [0, bound)}, {@code bound > 0}, as {@code SplittableRandom.nextInt(int)}. */
    int nextInt(int bound) {
        int r = nextInt();
        int m = bound - 1;
        if ((bound & m) == 0) {
            return r & m;
        }
        int u = r >>> 1;
        while (u + m - (r = u % bound) < 0) {
            u = nextInt() >>> 1;
        }
        return r;
    }

    double nextDouble() {
        return (nextLong() >>> 11) * DOUBLE_UNIT;
    }

    /** The reference's bounded long: {@code nextInt((int) n)} when it fits, else {@code abs(nextLong() % n)}. */
    long nextLong(long n) {
        if (n < Integer.MAX_VALUE) {
            return nextInt((int) n);
        }
        return Math.abs(nextLong() % n);
    }

    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static int mix32(long z) {
        z = (z ^ (z >>> 33)) * 0x62a9d9ed799705f5L;
        return (int) (((z ^ (z >>> 28)) * 0xcb24d0a5c88c35b3L) >>> 32);
    }

    /** An odd gamma with enough bit transitions (MurmurHash3's finaliser, as SplittableRandom splits do). */
    static long mixGamma(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        z = (z ^ (z >>> 33)) | 1L;
        int transitions = Long.bitCount(z ^ (z >>> 1));
        return transitions < 24 ? z ^ 0xaaaaaaaaaaaaaaaaL : z;
    }
}
