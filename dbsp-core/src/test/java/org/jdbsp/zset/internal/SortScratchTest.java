package org.jdbsp.zset.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.Random;
import org.jdbsp.zset.Orders;
import org.junit.jupiter.api.Test;

class SortScratchTest {
    private record Key(long id) {}

    @SuppressWarnings("unchecked")
    private static final Comparator<Object> ORDER = (Comparator<Object>) (Comparator<?>) Orders.byLong(Key::id,
            Comparator.comparingLong(Key::id));

    private static final int N = 20_000;

    private final Object[] template = new Object[N];
    private final Object[] keys = new Object[N];
    private final long[] weights = new long[N];

    SortScratchTest() {
        Random r = new Random(7);
        for (int i = 0; i < N; i++) {
            template[i] = new Key(r.nextLong());
        }
    }

    /** Sorts a fresh copy of the template's keys (copied into arrays allocated once). */
    private void sortOnce() {
        System.arraycopy(template, 0, keys, 0, N);
        java.util.Arrays.fill(weights, 1);
        TupleSort.sort(new TupleSort.Columns(null, keys, null, null, weights, ORDER, null), N);
    }

    @Test
    void aSortOfAStepSizedBatchAllocatesOnlyTheKeysPrefixesThatGoWithTheBatch() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < 20; i++) {
            sortOnce();
        }
        int sorts = 50;
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < sorts; i++) {
            sortOnce();
        }
        long perTuple = (threads.getThreadAllocatedBytes(thread) - before) / sorts / N;
        for (int i = 1; i < N; i++) {
            assertTrue(((Key) keys[i - 1]).id() <= ((Key) keys[i]).id(), "sorted at " + i);
        }
        // the prefixes (8 bytes a tuple) stay with the batch; the order, the radix sort's columns and the permuted
        // copies (36 bytes a tuple more) come from the thread's scratch
        assertTrue(perTuple < 16, perTuple + " bytes allocated per tuple sorted");
    }

    @Test
    void theScratchHoldsNoRecordAfterASortAndLargeSortsStillWork() {
        sortOnce();
        Object[] objects = SortScratch.get().objects(1);
        for (Object o : objects) {
            assertNull(o, "a record left in the scratch");
        }
        int big = SortScratch.MAX_REUSED + 10;
        Object[] k = new Object[big];
        long[] w = new long[big];
        for (int i = 0; i < big; i++) {
            k[i] = new Key(big - i);
            w[i] = 1;
        }
        TupleSort.sort(new TupleSort.Columns(null, k, null, null, w, ORDER, null), big);
        for (int i = 0; i < big; i++) {
            assertEquals(i + 1, ((Key) k[i]).id());
        }
    }
}
