package org.jdbsp.nexmark.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SplitMix64Test {

    @Test
    void referenceSeedingDrawsExactlyAsSplittableRandom() {
        long seed = System.nanoTime();
        System.out.println("SplitMix64Test seed = " + seed);
        for (long s : new long[] {0, 1, 2, 3, -1, seed}) {
            SplittableRandom jdk = new SplittableRandom(s);
            SplitMix64 ours = new SplitMix64().seedReference(s);
            int[] bounds = {1, 2, 3, 10, 13, 26, 100, 10_000, 1 << 20, (1 << 20) - 77, Integer.MAX_VALUE};
            for (int i = 0; i < 20_000; i++) {
                switch (i % 5) {
                    case 0 -> assertEquals(jdk.nextLong(), ours.nextLong());
                    case 1 -> assertEquals(jdk.nextInt(), ours.nextInt());
                    case 2 -> assertEquals(jdk.nextDouble(), ours.nextDouble());
                    default -> {
                        int b = bounds[i % bounds.length];
                        assertEquals(jdk.nextInt(b), ours.nextInt(b), "bound " + b + ", seed " + s);
                    }
                }
            }
        }
    }

    @Test
    void perEventStreamsDependOnSeedAndEventNumber() {
        SplitMix64 a = new SplitMix64();
        SplitMix64 b = new SplitMix64();
        a.seedForEvent(SplitMix64.streamKey(3), 42);
        b.seedForEvent(SplitMix64.streamKey(3), 42);
        assertEquals(a.nextLong(), b.nextLong());
        b.seedForEvent(SplitMix64.streamKey(3), 43);
        assertNotEquals(a.nextLong(), b.nextLong());
        b.seedForEvent(SplitMix64.streamKey(4), 42);
        a.seedForEvent(SplitMix64.streamKey(3), 42);
        assertNotEquals(a.nextLong(), b.nextLong());
    }
}
