package org.jdbsp.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The hash of inline strings' bytes is the sampled hash as first defined, at any position and length; the filter in
 * front of the entered hashes answers as they do.
 */
class InlineSightingsTest {
    /** One byte at a time, as first defined: it decides which strings collide, so it is part of the format. */
    private static int sampledHash(int form, byte[] from, int position, int length) {
        int step = Math.max(1, length / 16);
        int h = 31 * form + length;
        for (int i = length - 1; i >= 0; i -= step) {
            h = 31 * h + from[position + i];
        }
        return h ^ (h >>> 15) * 0x2C1B3C6D;
    }

    @Test
    void theHashIsTheSampledHashOfEveryLength() {
        SplittableRandom r = new SplittableRandom(6);
        byte[] bytes = new byte[1000];
        r.nextBytes(bytes);
        for (int length = 0; length <= 700; length++) {
            int position = r.nextInt(bytes.length - length + 1);
            int form = r.nextInt(1 << 20);
            assertEquals(sampledHash(form, bytes, position, length), InlineSightings.hash(form, bytes, position, length),
                    "length " + length + " at " + position);
        }
    }

    /**
     * The table of entries stores a hash of 0 as 1, so to it hashes 0 and 1 are one entry; its bit filter must answer
     * as it does (a false negative there would copy inline a string the sink's table holds, changing the bytes).
     */
    @Test
    void theFilterAnswersAsTheTableForTheHashesItStoresAlike() {
        for (int entered = 0; entered <= 1; entered++) {
            InlineSightings s = new InlineSightings();
            s.entered(entered);
            assertTrue(s.isEntry(0), "entered " + entered + ", asked 0");
            assertTrue(s.isEntry(1), "entered " + entered + ", asked 1");
        }
    }
}
