package org.jdbsp.storage.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.jdbsp.codec.ByteSink;
import org.jdbsp.testing.Seeded;
import org.junit.jupiter.api.Test;

/**
 * A string table gives a string object it has met before (found by identity) the same index as an equal string it
 * never met (found by its chars), whether it has room left or is full.
 */
class StringDictionaryTest {
    /** The indices a table gives {@code lookups}, each string itself or, with {@code copies}, a fresh equal copy. */
    private static int[] indices(String[] lookups, boolean copies) {
        StringDictionary table = new StringDictionary();
        int[] out = new int[lookups.length];
        for (int i = 0; i < lookups.length; i++) {
            out[i] = table.applyAsInt(copies ? new String(lookups[i].toCharArray()) : lookups[i]);
        }
        return out;
    }

    /** {@code n} lookups over {@code pool}: a few hot strings most of the time, the others at random. */
    private static String[] lookups(SplittableRandom r, String[] pool, int n) {
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = pool[r.nextInt(2) == 0 ? r.nextInt(Math.min(4, pool.length)) : r.nextInt(pool.length)];
        }
        return out;
    }

    @Test
    void stringObjectsMetAgainGetTheIndicesOfEqualCopies() {
        Seeded.trials("identity shortcut", 40, r -> {
            String[] pool = new String[1 + r.nextInt(200)];
            for (int i = 0; i < pool.length; i++) {
                pool[i] = "s" + i + "-" + "x".repeat(r.nextInt(30));
            }
            String[] lookups = lookups(r, pool, 3000);
            int[] byIdentity = indices(lookups, false);
            assertArrayEquals(indices(lookups, true), byIdentity);
            assertTrue(java.util.Arrays.stream(byIdentity).anyMatch(i -> i >= 0), "some strings became entries");
        });
    }

    @Test
    void aFullTableGivesItsEntriesToStringObjectsMetAgainAsToCopies() {
        SplittableRandom r = new SplittableRandom(15);
        // Strings of MAX_LENGTH chars fill the table's chars long before its entry count: more than fit are offered.
        int fit = StringDictionary.MAX_CHARS / StringDictionary.MAX_LENGTH;
        String[] pool = new String[fit + 40];
        for (int i = 0; i < pool.length; i++) {
            char[] chars = new char[StringDictionary.MAX_LENGTH];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = (char) ('a' + r.nextInt(26)); // distinct wherever the table samples a string
            }
            pool[i] = new String(chars);
        }
        String[] lookups = new String[3 * pool.length + 20_000];
        for (int i = 0; i < 3 * pool.length; i++) {
            lookups[i] = pool[i / 3]; // each met three times: enters at the second until the table is full
        }
        String[] after = lookups(r, pool, 20_000);
        System.arraycopy(after, 0, lookups, 3 * pool.length, after.length);
        int[] byIdentity = indices(lookups, false);
        assertArrayEquals(indices(lookups, true), byIdentity);
        assertTrue(java.util.Arrays.stream(byIdentity, 0, 3 * pool.length).filter(i -> i < 0).count() > pool.length,
                "the table filled up and declined strings");
    }

    @Test
    void aTableWrittenFromStringObjectsMetAgainHasTheBytesOfOneWrittenFromCopies() {
        SplittableRandom r = new SplittableRandom(16);
        String[] pool = new String[300];
        for (int i = 0; i < pool.length; i++) {
            pool[i] = "https://example.org/" + i;
        }
        String[] lookups = lookups(r, pool, 5000);
        ByteSink[] bytes = new ByteSink[2];
        for (int k = 0; k < 2; k++) {
            StringDictionary table = new StringDictionary();
            ByteSink sink = new ByteSink();
            sink.stringTable(table);
            for (String s : lookups) {
                sink.writeString(k == 0 ? s : new String(s.toCharArray()));
            }
            table.writeTo(sink);
            bytes[k] = sink;
        }
        assertArrayEquals(java.util.Arrays.copyOf(bytes[1].contents().array(), bytes[1].size()),
                java.util.Arrays.copyOf(bytes[0].contents().array(), bytes[0].size()));
    }

    /** The sampled hash as first defined (one char at a time): it decides which strings collide, so it is format. */
    private static int sampledHash(String s, int n) {
        int step = Math.max(1, n / 16);
        int h = n;
        for (int i = n - 1; i >= 0; i -= step) {
            h = 31 * h + s.charAt(i);
        }
        return h ^ (h >>> 15) * 0x2C1B3C6D;
    }

    @Test
    void theQuickHashIsTheSampledHashOfEveryLength() {
        SplittableRandom r = new SplittableRandom(5);
        for (int n = 0; n <= 700; n++) {
            char[] c = new char[n];
            for (int k = 0; k < n; k++) {
                c[k] = (char) r.nextInt(0x10000);
            }
            String s = new String(c);
            assertEquals(sampledHash(s, n), StringDictionary.quickHash(s, n), "length " + n);
        }
    }
}
