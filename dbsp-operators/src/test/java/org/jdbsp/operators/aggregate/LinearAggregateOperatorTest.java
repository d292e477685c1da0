package org.jdbsp.operators.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetOutput;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.spi.Replicas;
import org.jdbsp.circuit.spi.Wiring;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.time.internal.StateGcOperator;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

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
                        + (((WindowKey) k).start() + 1000) + ")", null);
        Batch fits = byWindow(new WindowKey(0, 6), Long.MAX_VALUE, 1L);
        assertEquals(Long.MAX_VALUE, sum.apply(fits).longValues[0]);
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> sum.apply(byWindow(new WindowKey(0, 6), 2L, 1L)));
        assertTrue(e.getMessage().startsWith("the sum of key 6 in the window [0, 1000) is 9223372036854775809,"), e.getMessage());
        assertEquals(1, sum.stateTuples(), "the failing step changed no state");
    }

    private static Batch longs(long... keyValueWeight) {
        BatchBuilder b = new BatchBuilder(Layout.longToLongs());
        for (int i = 0; i < keyValueWeight.length; i += 3) {
            b.addLongLong(keyValueWeight[i], keyValueWeight[i + 1], keyValueWeight[i + 2]);
        }
        return b.build();
    }

    private static Map<List<Long>, Long> rows(Batch b) {
        Map<List<Long>, Long> m = new HashMap<>();
        for (int i = 0; i < b.size; i++) {
            m.put(List.of(b.longKeys[i], b.longValues[i]), b.weights[i]);
        }
        return m;
    }

    @Test
    void longKeysAreTheirOwnTimeAndGroupsBelowTheBoundAreForgotten() {
        LinearAggregateOperator count = new LinearAggregateOperator(LinearAggregateOperator.Result.COUNT, null, false,
                Layout.longToLongs(), Layout.longToLongs());
        count.apply(longs(1, 0, 1, 1, 0, 1, 2, 0, 1, 3, 0, 1, 4, 0, 1, 5, 0, 1));
        assertEquals(5, count.stateTuples());
        count.forgetBelow(3);
        assertEquals(3, count.stateTuples(), "groups 1 and 2 are forgotten");
        count.forgetBelow(2);
        assertEquals(3, count.stateTuples());
        // group 4 kept its count; group 1 starts afresh: its old row is not retracted
        assertEquals(Map.of(List.of(4L, 1L), -1L, List.of(4L, 2L), 1L, List.of(1L, 1L), 1L),
                rows(count.apply(longs(1, 0, 1, 4, 0, 1))));
        LinearAggregateOperator copy = (LinearAggregateOperator) count.fork();
        copy.forgetBelow(Long.MAX_VALUE);
        assertEquals(0, copy.stateTuples());
        assertEquals(4, count.stateTuples(), "a fork forgets on its own");
    }

    @Test
    void objectKeysForgetByTheirKeyTimeAndRefuseWithoutOne() {
        LinearAggregateOperator sum = new LinearAggregateOperator(LinearAggregateOperator.Result.SUM, null, false, BY_WINDOW, OUT,
                Object::toString, k -> ((WindowKey) k).start());
        sum.apply(byWindow(new WindowKey(0, 1), 5L, 1L, new WindowKey(0, 2), 6L, 1L, new WindowKey(1_000, 1), 7L, 1L));
        sum.forgetBelow(1_000);
        assertEquals(1, sum.stateTuples());
        Batch out = sum.apply(byWindow(new WindowKey(1_000, 1), 1L, 1L));
        assertEquals(2, out.size, "the kept window's row is replaced");
        LinearAggregateOperator untimed = new LinearAggregateOperator(LinearAggregateOperator.Result.SUM, null, false, BY_WINDOW, OUT);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> untimed.forgetBelow(0));
        assertTrue(e.getMessage().contains("no time"), e.getMessage());
    }

    record Ev(long key, long time) {}

    record Io(ZSetInput<Ev> in, IndexedZSetOutput<Long, Long> out, Replicas<LinearAggregateOperator> counts) {}

    private static Io countsForgettingBelowTheWatermark(org.jdbsp.circuit.CircuitBuilder b) {
        ZSetInput<Ev> in = b.zsetInput("events");
        Watermark wm = Watermarks.watermark(in.stream(), Ev::time, 0);
        IndexedZSetStream<Long, Ev> byKey = in.stream().indexByLong(Ev::key, e -> e);
        Layout out = Layout.longToLongs();
        LinearAggregateOperator op = new LinearAggregateOperator(LinearAggregateOperator.Result.COUNT, null, false, byKey.layout(), out);
        IndexedZSetStream<Long, Long> counts = Wiring.addKeyedIndexedStream("count", out, keyed -> op, byKey);
        Wiring.addSink("forgetCounts", new StateGcOperator(op, 5), wm.stream());
        return new Io(in, counts.output(), b.workers().replicas(op));
    }

    @Test
    @Timeout(30)
    void theWatermarkForgetsGroupsOnlyAfterTheStepThatPassesThemOnEveryWorkerCount() {
        for (int workers : new int[] {1, 2}) {
            try (CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults().withWorkers(workers),
                    LinearAggregateOperatorTest::countsForgettingBelowTheWatermark)) {
                for (long k : new long[] {0, 0, 10, 20}) {
                    h.io().in().push(new Ev(k, k), 1);
                }
                h.step();
                assertEquals(3, h.io().out().delta().size(), "every group has its row in the step");
                assertEquals(1, h.io().counts().sum(LinearAggregateOperator::stateTuples),
                        "below 20 - 5 the groups are forgotten after the step");
                h.io().in().push(new Ev(20, 40), 1);
                h.step();
                assertEquals(Map.of(List.of(20L, 1L), -1L, List.of(20L, 2L), 1L), rows(h.io().out().delta().batch()),
                        "the step moving the watermark to 40 still updates group 20");
                assertEquals(0, h.io().counts().sum(LinearAggregateOperator::stateTuples));
                h.io().in().push(new Ev(20, 41), 1);
                h.step();
                assertEquals(Map.of(List.of(20L, 1L), 1L), rows(h.io().out().delta().batch()), workers + " workers");
            }
        }
    }
}
