package org.jdbsp.operators.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;

/** Count and sum by key: how an overflow names its group, and forgetting groups below a time. */
class LinearAggregateOperatorTest {
    /** A group key made of a window start and a key, as a windowed aggregate would index by. */
    record WindowKey(long start, long key) implements Comparable<WindowKey> {
        @Override
        public int compareTo(WindowKey o) {
            int c = Long.compare(start, o.start);
            return c != 0 ? c : Long.compare(key, o.key);
        }
    }

    private static final Layout BY_WINDOW = Layout.indexed(ColumnKind.OBJECT, Orders.natural(), ColumnKind.LONG, null);
    private static final Layout OUT = Layout.indexed(ColumnKind.OBJECT, Orders.natural(), ColumnKind.LONG, null);

    private static Batch byWindow(Object... keyValueWeight) {
        BatchBuilder b = new BatchBuilder(BY_WINDOW);
        for (int i = 0; i < keyValueWeight.length; i += 3) {
            b.addObjectLong(keyValueWeight[i], (Long) keyValueWeight[i + 1], (Long) keyValueWeight[i + 2]);
        }
        return b.build();
    }

    @Test
    void anOverflowNamesTheGroupAsTheKeyDescriptionSays() {
        LinearAggregateOperator sum = new LinearAggregateOperator(LinearAggregateOperator.Result.SUM, null, false, BY_WINDOW, OUT,
                k -> "key " + ((WindowKey) k).key() + " in the window [" + ((WindowKey) k).start() + ", "
                        + (((WindowKey) k).start() + 1000) + ")");
        Batch fits = byWindow(new WindowKey(0, 6), Long.MAX_VALUE, 1L);
        assertEquals(Long.MAX_VALUE, sum.apply(fits).longValues[0]);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> sum.apply(byWindow(new WindowKey(0, 6), 2L, 1L)));
        assertTrue(e.getMessage().startsWith("the sum of key 6 in the window [0, 1000) is 9223372036854775809,"), e.getMessage());
        assertEquals(1, sum.stateTuples(), "the failing step changed no state");
    }
}
