package org.jdbsp.nexmark.generator;

/** The reference's random-string helpers, writing ASCII into a caller's byte buffer instead of building Strings. */
final class RandomText {

    /** The shortest random string before trimming. */
    static final int MIN_STRING_LENGTH = 3;

    private RandomText() {
    }

    /**
     * Appends the reference's {@code nextString(max, pad)} at {@code pos}: {@code 3 + nextInt(max - 3)} characters,
     * each {@code pad} with probability 1/13 and otherwise a random lower-case letter, then trimmed of leading and
     * trailing characters {@code <= ' '} (only a space pad is ever trimmed).
     *
     * @return the position after the appended, trimmed string
     */
    static int appendString(SplitMix64 rng, byte[] buf, int pos, int max, byte pad) {
        int len = MIN_STRING_LENGTH + rng.nextInt(max - MIN_STRING_LENGTH);
        int end = pos + len;
        for (int i = pos; i < end; i++) {
            buf[i] = rng.nextInt(13) == 0 ? pad : (byte) ('a' + rng.nextInt(26));
        }
        if (pad > ' ') {
            return end;
        }
        int lo = pos;
        while (lo < end && buf[lo] <= ' ') {
            lo++;
        }
        int hi = end;
        while (hi > lo && buf[hi - 1] <= ' ') {
            hi--;
        }
        if (lo > pos) {
            System.arraycopy(buf, lo, buf, pos, hi - lo);
        }
        return pos + (hi - lo);
    }

    /**
     * Appends {@code length} characters drawn as the reference's exact strings are: each {@code nextInt()} gives
     * up to six characters {@code 'a' + w % 26} (Java remainder, so {@code 'H'..'z'}), dividing {@code w} by 26
     * after each.
     */
    static void appendExact(SplitMix64 rng, char[] buf, int pos, int length) {
        int w = 0;
        int left = 0;
        for (int i = pos, end = pos + length; i < end; i++) {
            if (left == 0) {
                w = rng.nextInt();
                left = 6;
            }
            buf[i] = (char) ('a' + w % 26);
            w /= 26;
            left--;
        }
    }
}
