package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CountCharTest {
    @Test
    void countsAsciiCharacters() {
        assertEquals(3, CountChar.count("abcXcYc", "c"));
        assertEquals(0, CountChar.count("", "c"));
        assertEquals(0, CountChar.count("CCC", "c"));
        assertEquals(2, CountChar.count("c\u00e9c", "cat"), "only the first byte of the second argument counts");
    }

    @Test
    void nullStringCountsZero() {
        assertEquals(0, CountChar.count(null, "c"));
    }

    @Test
    void countsUtf8BytesForNonAsciiCharacters() {
        // e-acute is C3 A9 and e-grave C3 A8 in UTF-8: both start with C3.
        assertEquals(2, CountChar.count("\u00e9a\u00e8", "\u00e9"));
        assertEquals(0, CountChar.count("abc", "\u00e9"));
    }

    @Test
    void emptyCharacterIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CountChar.count("abc", ""));
        assertTrue(e.getMessage().contains("count_char"), e.getMessage());
    }
}
