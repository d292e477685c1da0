package org.jdbsp.circuit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The owner of a key is well spread, the same for a key however it is stored, and never an identity hash. */
class KeyHashTest {
    enum Color { RED, GREEN }

    record Plain(long id, String name) {}

    record WithEnum(Color color, long id) {}

    static final class NoHashCode {}

    @Test
    void sequentialKeysSpreadEvenlyOverTheWorkers() {
        for (int w : new int[] {2, 3, 4, 7}) {
            int[] counts = new int[w];
            int n = 120_000;
            for (long k = 0; k < n; k++) {
                counts[KeyHash.ownerOfLong(k, w)]++;
            }
            for (int c : counts) {
                assertTrue(Math.abs(c - n / w) < n / w / 20, "worker counts within 5% of even for " + w + " workers: "
                        + java.util.Arrays.toString(counts));
            }
        }
    }

    @Test
    void aKeyHasOneOwnerWhetherStoredAsLongOrBoxed() {
        for (long k = -50; k < 50; k++) {
            assertEquals(KeyHash.ownerOfLong(k, 4), KeyHash.ownerOf(k, 4));
            assertEquals(KeyHash.ownerOfLong(k, 4), KeyHash.ownerOf((int) k, 4));
        }
    }

    @Test
    void hashesAreStableDefinitionsNotIdentityHashes() {
        assertEquals("auction".hashCode(), KeyHash.stableHash("auction"));
        assertEquals(1, KeyHash.stableHash(Color.GREEN), "enums hash by ordinal");
        assertEquals(31L * 1 + 42, KeyHash.stableHash(new WithEnum(Color.GREEN, 42)), "records with enums hash by components");
        assertEquals(new Plain(3, "x").hashCode(), KeyHash.stableHash(new Plain(3, "x")), "records of stable types use their own hash");
        assertEquals(KeyHash.stableHash(List.of(1L, "a")), KeyHash.stableHash(java.util.Arrays.asList(1L, "a")));
        assertNotEquals(KeyHash.stableHash(List.of(1L, 2L)), KeyHash.stableHash(List.of(2L, 1L)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KeyHash.ownerOf(new NoHashCode(), 2));
        assertTrue(e.getMessage().contains("hashCode") && e.getMessage().contains("NoHashCode"), e.getMessage());
    }
}
