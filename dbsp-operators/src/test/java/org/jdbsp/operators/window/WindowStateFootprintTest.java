package org.jdbsp.operators.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The groups of all windows share one group index and one accumulator table, so a window with a single group
 * (a global aggregate per window such as q7's maximum, or sparse keys) costs that group, not the minimum of a
 * table of its own.
 */
class WindowStateFootprintTest {
    private static final int WINDOWS = 2_000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void openWindowsOfOneGroupEachCostAboutTheirGroups() {
        TimeWindowAggregateOperator op = new TimeWindowAggregateOperator(r -> 7L, r -> (Long) r,
                Windows.tumbling(10), WindowAggregate.count(), 0);
        BatchBuilder records = new BatchBuilder(Layout.OBJECTS);
        for (long w = 0; w < WINDOWS; w++) {
            records.add(w * 10, 1);
        }
        op.apply(records.build(), Batch.empty(Layout.LONGS));
        assertEquals(WINDOWS, op.stateTuples(), "one group per window");
        double perGroup = (double) op.stateBytes() / WINDOWS;
        assertTrue(perGroup < 256, "state bytes per group of a one-group window: " + perGroup);
    }
}
