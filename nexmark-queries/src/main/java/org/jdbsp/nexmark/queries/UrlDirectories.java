package org.jdbsp.nexmark.queries;

/**
 * q22's three URL directories ({@code SPLIT_INDEX(url, '/', 3..5)}), remembered per URL in a small
 * direct-mapped table, so that the bids of one URL share one split and its three strings instead of
 * allocating three substrings each. The generator draws every bid's URL from about 10,000 strings.
 *
 * <p>A slot holds an immutable {@link Split} (final fields), so threads sharing a table read either an
 * older or a newer split, each complete; a URL found in its slot is checked by identity, then by
 * {@code equals}, so the result never depends on what the table holds.
 */
final class UrlDirectories {
    /** The three directories of {@code url}, each null when the URL has too few pieces. */
    record Split(String url, String dir1, String dir2, String dir3) {}

    private static final Split NONE = new Split(null, null, null, null);

    private final Split[] slots;
    private final int mask;

    /** A table of {@code 2^bits} slots. */
    UrlDirectories(int bits) {
        if (bits < 0 || bits > 24) {
            throw new IllegalArgumentException("bits must be in 0..24, not " + bits);
        }
        slots = new Split[1 << bits];
        mask = slots.length - 1;
    }

    /** The directories of {@code url} (null or empty: all null). */
    Split of(String url) {
        if (url == null || url.isEmpty()) {
            return NONE;
        }
        int h = url.hashCode();
        int slot = (h ^ (h >>> 15)) & mask;
        Split s = slots[slot];
        if (s != null && (s.url == url || s.url.equals(url))) {
            return s;
        }
        s = split(url);
        slots[slot] = s;
        return s;
    }

    /** Splits non-empty {@code url} in one pass: each piece starts after the previous one's separator. */
    static Split split(String url) {
        String dir1 = null;
        String dir2 = null;
        String dir3 = null;
        int start = SplitIndex.startOf(url, '/', 3);
        if (start >= 0) {
            dir1 = SplitIndex.piece(url, '/', start);
            start += dir1.length() + 1;
            if (start <= url.length() && url.charAt(start - 1) == '/') {
                dir2 = SplitIndex.piece(url, '/', start);
                start += dir2.length() + 1;
                if (start <= url.length() && url.charAt(start - 1) == '/') {
                    dir3 = SplitIndex.piece(url, '/', start);
                }
            }
        }
        return new Split(url, dir1, dir2, dir3);
    }
}
