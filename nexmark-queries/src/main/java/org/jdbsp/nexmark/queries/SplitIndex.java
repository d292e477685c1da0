package org.jdbsp.nexmark.queries;

/**
 * SQL {@code SPLIT_INDEX(s, separator, index)} as Flink defines it (q22): the {@code index}-th (0-based) piece
 * of {@code s} split on {@code separator}, keeping empty pieces (also leading and trailing ones); NULL when
 * {@code s} is NULL or empty, or {@code index} is negative or past the last piece.
 */
public final class SplitIndex {
    private SplitIndex() {}

    /** The {@code index}-th piece of {@code s} split on {@code separator}, or null (see the class comment). */
    public static String of(String s, char separator, int index) {
        if (s == null || s.isEmpty() || index < 0) {
            return null;
        }
        int start = startOf(s, separator, index);
        return start < 0 ? null : piece(s, separator, start);
    }

    /** Where the {@code index}-th (at least 0) piece of non-empty {@code s} starts, or -1 if there are fewer pieces. */
    static int startOf(String s, char separator, int index) {
        int start = 0;
        for (int piece = 0; piece < index; piece++) {
            int sep = s.indexOf(separator, start);
            if (sep < 0) {
                return -1;
            }
            start = sep + 1;
        }
        return start;
    }

    /** The piece of {@code s} that starts at {@code start}: up to the next {@code separator} or the end. */
    static String piece(String s, char separator, int start) {
        int end = s.indexOf(separator, start);
        return s.substring(start, end < 0 ? s.length() : end);
    }
}
