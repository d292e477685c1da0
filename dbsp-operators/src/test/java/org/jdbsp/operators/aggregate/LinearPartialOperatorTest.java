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

/** The local half of count/sum/average on several workers sends one partial per touched group. */
class LinearPartialOperatorTest {
    private static final Layout IN = Layout.longToLongs();
    private static final Layout PARTIALS = Layout.indexed(ColumnKind.LONG, null, ColumnKind.OBJECT, Orders.natural());

    private static Batch batch(long[][] keyValueWeight) {
        BatchBuilder b = new BatchBuilder(IN);
        for (long[] t : keyValueWeight) {
            b.addLongLong(t[0], t[1], t[2]);
        }
        return b.build();
    }

    @Test
    void oneWeightOnePartialPerGroupWithItsCountAndSumChange() {
        Batch delta = batch(new long[][] {{1, 10, 1}, {1, 20, 2}, {1, 5, -1}, {2, 7, 3}, {3, 4, 1}, {3, 4, -1}});
        Batch out = new LinearPartialOperator(true, null, PARTIALS).apply(delta);
        // key 3 changes nothing (its tuples cancel out before the operator sees them)
        assertEquals(2, out.size);
        assertEquals(1L, out.longKeys[0]);
        assertEquals(new LinearPartial(0, 2, 0, 45), out.objValues[0]);
        assertEquals(2L, out.longKeys[1]);
        assertEquals(new LinearPartial(0, 3, 0, 21), out.objValues[1]);
        assertEquals(1L, out.weights[0]);
    }

    @Test
    void theOwnerAddsPartialsTimesTheirWeights() {
        Layout out = Layout.longToLongs();
        LinearAggregateOperator avg = new LinearAggregateOperator(LinearAggregateOperator.Result.LONG_AVERAGE, null, true, PARTIALS, out);
        BatchBuilder b = new BatchBuilder(PARTIALS);
        b.addLong(1, new LinearPartial(0, 2, 0, 45), 1);
        b.addLong(1, new LinearPartial(0, 1, 0, 5), 2); // two workers sent the same partial: weight 2
        Batch result = avg.apply(b.build());
        assertEquals(1, result.size);
        assertEquals(1L, result.longKeys[0]);
        assertEquals(55L / 4, result.longValues[0]);
    }

    @Test
    void partialsAreExactAndOnlyTheOwnersResultFailsWhenItDoesNotFit() {
        Batch delta = batch(new long[][] {{1, Long.MAX_VALUE, 1}, {1, 1, 1}});
        Batch partials = new LinearPartialOperator(true, null, PARTIALS).apply(delta);
        // 2^63: high word 0, low word 2^63 read as unsigned
        assertEquals(new LinearPartial(0, 2, 0, Long.MIN_VALUE), partials.objValues[0]);
        LinearAggregateOperator sum = new LinearAggregateOperator(LinearAggregateOperator.Result.SUM, null, true, PARTIALS, Layout.longToLongs());
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> sum.apply(partials));
        assertTrue(e.getMessage().contains("sum of group 1 is 9223372036854775808"), e.getMessage());
        LinearAggregateOperator avg = new LinearAggregateOperator(LinearAggregateOperator.Result.LONG_AVERAGE, null, true, PARTIALS, Layout.longToLongs());
        assertEquals(1L << 62, avg.apply(partials).longValues[0], "the average of MAX and 1 fits");
    }
}
