package org.jdbsp.operators.window;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import org.jdbsp.operators.aggregate.internal.KeyedAggregateOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The per-record path of the fixed-size window aggregate allocates nothing once a record's groups exist: no
 * boxed window start per window, no map entry per probe. Measured with the thread's allocation counter (bytes,
 * not time), so it holds on a loaded machine; the bound is generous (a quarter of one boxed long per record),
 * the old path allocated several boxed starts per record.
 */
class WindowHotPathAllocationTest {
    /** A record with its key already boxed, so that the key function allocates nothing either. */
    private record Ev(Long key, long time) {}

    private static final int RECORDS = 20_000;
    private static final int KEYS = 500;
    private static final long BASE = 1_700_000_000_000L;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void countingRecordsIntoExistingHoppingWindowsAllocatesNothingPerRecord() {
        KeyedAggregateOperator op = WindowedAggregates.operator(r -> ((Ev) r).key(), null, r -> ((Ev) r).time(),
                Windows.hopping(10_000, 2_000), WindowAggregate.count(), 0);
        double perRecord = leastBytesPerRecordOfAStep(op, batch());
        assertTrue(perRecord < 4, "bytes allocated per record in a step into existing windows: " + perRecord);
    }

    /** A record with a primitive long key. */
    private record LongEv(long key, long time) {}

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void countingRecordsByAPrimitiveLongKeyBoxesNoKeyPerRecord() {
        KeyedAggregateOperator op = WindowedAggregates.operator(r -> ((LongEv) r).key(), r -> ((LongEv) r).key(),
                r -> ((LongEv) r).time(), Windows.hopping(10_000, 2_000), WindowAggregate.count(), 0);
        BatchBuilder b = new BatchBuilder(Layout.OBJECTS);
        for (int i = 0; i < RECORDS; i++) {
            // keys far above the cached boxed longs, as auction ids are
            b.add(new LongEv(1_000_000L + i % KEYS, BASE + i % 7_000), 1);
        }
        double perRecord = leastBytesPerRecordOfAStep(op, b.build());
        assertTrue(perRecord < 4, "bytes allocated per record in a step into existing windows: " + perRecord);
    }

    /** The least bytes per record allocated by a step of {@code batch} into the groups it created when warming up. */
    private static double leastBytesPerRecordOfAStep(KeyedAggregateOperator op, Batch batch) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Batch[] inputs = {batch, Batch.empty(Layout.LONGS)}; // the records, no watermark change
        for (int i = 0; i < 20; i++) {
            op.apply(inputs); // creates the groups, warms up
        }
        long least = Long.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long before = threads.getCurrentThreadAllocatedBytes();
            op.apply(inputs);
            least = Math.min(least, threads.getCurrentThreadAllocatedBytes() - before);
        }
        return (double) least / batch.size;
    }

    /** Records of {@value #KEYS} keys at large times (whose window starts are not among the cached boxed longs). */
    private static Batch batch() {
        BatchBuilder b = new BatchBuilder(Layout.OBJECTS);
        for (int i = 0; i < RECORDS; i++) {
            b.add(new Ev((long) (i % KEYS), BASE + i % 7_000), 1);
        }
        return b.build();
    }
}
