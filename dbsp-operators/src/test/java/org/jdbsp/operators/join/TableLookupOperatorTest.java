package org.jdbsp.operators.join;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;

/**
 * The hash lookup of a replicated right side: each step's left tuples (unconsolidated, repeated) joined with the
 * right integral including the step's right change; the index follows right changes of later steps.
 */
class TableLookupOperatorTest {
    record Pair(Object left, Object right) {}

    private final IntegralTrace right = new IntegralTrace(Layout.longToObjects());
    private final TableLookupOperator op = new TableLookupOperator(right, Layout.zset(Orders.natural()),
            (keys, k, a, b, w, out) -> out.add(new Pair(a, b), w));

    private static Batch tuples(boolean consolidate, Object... keyValueWeight) {
        BatchBuilder b = new BatchBuilder(Layout.longToObjects());
        for (int i = 0; i < keyValueWeight.length; i += 3) {
            b.addLong((Long) keyValueWeight[i], keyValueWeight[i + 1], (Long) keyValueWeight[i + 2]);
        }
        return consolidate ? b.build() : b.buildUnconsolidated();
    }

    /** One step: the output for left {@code da} and right change {@code db}; then the trace takes {@code db}. */
    private Map<Object, Long> step(Batch da, Batch db) {
        Batch outBatch = op.apply(da, db);
        right.input(db);
        Map<Object, Long> out = new HashMap<>();
        for (int i = 0; i < outBatch.size; i++) {
            out.merge(outBatch.objKeys[i], outBatch.weights[i], Long::sum);
        }
        out.values().removeIf(w -> w == 0);
        return out;
    }

    @Test
    void joinsEachLeftTupleWithTheRightIntegralOfItsStep() {
        assertEquals(Map.of(new Pair("x", "a"), 1L), step(tuples(false, 1L, "x", 1L, 3L, "n", 1L), tuples(true, 1L, "a", 1L)));
        assertEquals(Map.of(new Pair("y", "a"), 1L, new Pair("y", "b"), 1L, new Pair("z", "c"), 1L),
                step(tuples(false, 1L, "y", 1L, 2L, "z", 1L, 3L, "w", 1L), tuples(true, 1L, "b", 1L, 2L, "c", 1L)));
        assertEquals(Map.of(new Pair("u", "a"), 3L, new Pair("u", "b"), 3L),
                step(tuples(false, 1L, "u", 1L, 1L, "u", 2L, 2L, "q", 1L, 2L, "q", -1L), tuples(true)), "no right change");
        assertEquals(Map.of(new Pair("v", "b"), -2L, new Pair("v", "d"), -2L, new Pair("v", "a"), -6L),
                step(tuples(false, 1L, "v", -2L), tuples(true, 1L, "a", 2L, 1L, "d", 1L)), "weights multiply");
        assertEquals(Map.of(new Pair("t", "d"), 1L, new Pair("t", "b"), 1L),
                step(tuples(false, 1L, "t", 1L), tuples(true, 1L, "a", -3L)), "a right row deleted");
        assertEquals(Map.of(), step(tuples(false), tuples(true, 2L, "c", -1L)));
        assertEquals(Map.of(), step(tuples(false, 2L, "s", 1L), tuples(true)), "key 2 has no right row left");
    }

    @Test
    void aCopyBuildsItsIndexFromTheTrace() {
        step(tuples(false), tuples(true, 7L, "seven", 1L));
        TableLookupOperator copy = new TableLookupOperator(right, Layout.zset(Orders.natural()),
                (keys, k, a, b, w, out) -> out.add(new Pair(a, b), w));
        Batch out = copy.apply(tuples(false, 7L, "l", 1L), tuples(true));
        assertEquals(1, out.size);
        assertEquals(new Pair("l", "seven"), out.objKeys[0]);
    }
}
