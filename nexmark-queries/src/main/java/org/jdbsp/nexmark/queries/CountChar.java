package org.jdbsp.nexmark.queries;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The suite's {@code count_char(s, c)} user-defined function (q14): how many bytes of the UTF-8 encoding of
 * {@code s} equal the first byte of the UTF-8 encoding of {@code c}; 0 when {@code s} is NULL.
 */
public final class CountChar {
    private CountChar() {}

    /**
     * {@code count_char(s, character)}.
     *
     * @throws IllegalArgumentException if {@code character} is empty (it has no first byte)
     */
    public static long count(String s, String character) {
        Objects.requireNonNull(character, "character");
        if (character.isEmpty()) {
            throw new IllegalArgumentException("count_char needs a non-empty second argument");
        }
        if (s == null) {
            return 0;
        }
        char first = character.charAt(0);
        if (first < 0x80) {
            // An ASCII byte occurs in UTF-8 only as the encoding of that very character.
            return countAscii(s, first);
        }
        byte wanted = character.getBytes(StandardCharsets.UTF_8)[0];
        long n = 0;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            if (b == wanted) {
                n++;
            }
        }
        return n;
    }

    private static long countAscii(String s, char c) {
        long n = 0;
        for (int i = 0, len = s.length(); i < len; i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
