package org.jdbsp.nexmark.queries;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class SplitIndexTest {
    @Test
    void keepsEmptyPiecesAndCountsFromZero() {
        String url = "https://www.nexmark.com/abc/de_/fgh/item.htm?query=1";
        assertEquals("https:", SplitIndex.of(url, '/', 0));
        assertEquals("", SplitIndex.of(url, '/', 1));
        assertEquals("www.nexmark.com", SplitIndex.of(url, '/', 2));
        assertEquals("abc", SplitIndex.of(url, '/', 3));
        assertEquals("de_", SplitIndex.of(url, '/', 4));
        assertEquals("fgh", SplitIndex.of(url, '/', 5));
        assertEquals("item.htm?query=1", SplitIndex.of(url, '/', 6));
        assertNull(SplitIndex.of(url, '/', 7));
    }

    @Test
    void keepsTrailingEmptyPieces() {
        assertEquals("", SplitIndex.of("a/b/", '/', 2));
        assertNull(SplitIndex.of("a/b/", '/', 3));
        assertEquals("", SplitIndex.of("////", '/', 4));
        assertNull(SplitIndex.of("////", '/', 5));
        assertEquals("", SplitIndex.of("/", '/', 0));
        assertEquals("", SplitIndex.of("/", '/', 1));
    }

    @Test
    void nullForNullOrEmptyInputOrNegativeIndex() {
        assertNull(SplitIndex.of(null, '/', 0));
        assertNull(SplitIndex.of("", '/', 0));
        assertNull(SplitIndex.of("a/b", '/', -1));
        assertEquals("abc", SplitIndex.of("abc", '/', 0));
        assertNull(SplitIndex.of("abc", '/', 1));
    }
}
