package org.jdbsp.zset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.jdbsp.zset.spi.Merging;
import org.junit.jupiter.api.Test;

/**
 * Sorts and merges under an {@link Orders#byLong} order draw each key's prefix once and break ties among equal
 * prefixes with the tie-break alone: comparing two keys of equal prefixes through the whole order drew both prefixes
 * again, which is most of the comparisons when many keys share a prefix.
 */
class PrefixTieBreakTest {
    private static final AtomicLong PREFIXES = new AtomicLong();

    /** A key whose group (its prefix) follows from its id: the order is consistent with {@code equals}. */
    record Key(long id) {
        long group() {
            return id / 8;
        }
    }

    private static final Comparator<Key> ORDER = Orders.byLong((Key k) -> {
        PREFIXES.incrementAndGet();
        return k.group();
    }, Comparator.comparingLong(Key::id));

    private static final Layout LAYOUT = Layout.zset(ORDER);

    private static Batch consolidated(List<Key> keys) {
        BatchBuilder b = new BatchBuilder(LAYOUT);
        for (Key k : keys) {
            b.add(k, 1);
        }
        return b.build();
    }

    private static List<Key> shuffled(int n, int parity, long seed) {
        List<Key> keys = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            keys.add(new Key(2L * (i / 3) + parity)); // each key three times
        }
        Collections.shuffle(keys, new Random(seed));
        return keys;
    }

    @Test
    void aSortAndAMergeDrawEachPrefixOnce() {
        int n = 3_000;
        PREFIXES.set(0);
        Batch a = consolidated(shuffled(n, 0, 1));
        assertTrue(PREFIXES.get() <= n + 64L, PREFIXES.get() + " prefixes drawn to consolidate " + n + " keys");
        Batch b = consolidated(shuffled(n, 1, 2));
        assertEquals(n / 3, a.size);
        PREFIXES.set(0);
        Batch sum = Merging.plus(a, b);
        assertEquals(0, PREFIXES.get(), "prefixes drawn by a merge of batches that carry theirs");
        assertEquals(a.size + b.size, sum.size);
        for (int i = 0; i < sum.size; i++) {
            assertEquals(i, ((Key) sum.objKeys[i]).id(), "key " + i);
            assertEquals(3, sum.weights[i], "weight of key " + i);
        }
    }
}
