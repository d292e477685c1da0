package org.jdbsp.operators.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.operators.aggregate.internal.KeyedAggregateOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;
import org.jdbsp.testkit.Trials;

/** Window assignment (the window table-valued function) and forking a windowed aggregate. */
class TimeWindowsTest {
    @Test
    void assignPairsEveryRecordWithEachWindowContainingIt() {
        Trials.run("assign", 20, r -> {
            long size = 1 + r.nextInt(50);
            long slide = 1 + r.nextInt((int) size);
            TimeWindows windows = Windows.hopping(size, slide);
            record Io(ZSetInput<Long> in, ZSetOutput<Windowed<Long>> out) {}
            try (CircuitHandle<Io> h = Circuit.build(b -> {
                ZSetInput<Long> in = b.zsetInput("times");
                return new Io(in, windows.assign(in.stream(), t -> t).output());
            })) {
                Map<Windowed<Long>, Long> expected = new HashMap<>();
                for (int i = 0; i < 30; i++) {
                    long t = r.nextInt(400) - 200;
                    h.io().in().push(t);
                    for (long s = Math.floorDiv(-1_000, slide) * slide; s < 1_000; s += slide) {
                        if (s <= t && t < s + size) {
                            expected.merge(new Windowed<>(s, s + size, t), 1L, Long::sum);
                        }
                    }
                }
                h.step();
                assertEquals(expected, h.io().out().integral().toMap(), windows.toString());
            }
        });
    }

    @Test
    void invalidWindowsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Windows.tumbling(0));
        assertThrows(IllegalArgumentException.class, () -> Windows.hopping(10, 20));
        assertThrows(IllegalArgumentException.class, () -> Windows.session(0));
    }

    @Test
    void aForkedWindowAggregateContinuesIndependentlyFromTheSameState() {
        ToLongFunction<Object> time = x -> (Long) x;
        Function<Object, Object> key = x -> (Long) x % 3;
        KeyedAggregateOperator fixed = WindowedAggregates.operator(key, null, time, Windows.hopping(100, 50), WindowAggregate.count(), 0);
        forkContinuesIndependently(fixed, (op, in) -> ((KeyedAggregateOperator) op).apply(in),
                op -> ((KeyedAggregateOperator) op).watermark());
        SessionAggregateOperator sessions = new SessionAggregateOperator(key, time, 30, WindowAggregate.count(), 0);
        forkContinuesIndependently(sessions, (op, in) -> ((SessionAggregateOperator) op).apply(in[0], in[1]),
                op -> ((SessionAggregateOperator) op).watermark());
    }

    private static void forkContinuesIndependently(Operator a, BiFunction<Operator, Batch[], Batch> apply,
                                                   ToLongFunction<Operator> watermarkOf) {
        apply.apply(a, new Batch[] {longs(10, 20, 40, 95), watermark(Long.MIN_VALUE, 50)});
        Operator b = a.fork();
        Batch inA = longs(120, 130);
        Batch outA = apply.apply(a, new Batch[] {inA, watermark(50, 300)});
        Batch outB = apply.apply(b, new Batch[] {inA, watermark(50, 300)});
        assertEquals(outA.toString(), outB.toString(), "same state, same output");
        assertEquals(a.stateTuples(), b.stateTuples());
        apply.apply(b, new Batch[] {longs(400), watermark(300, 1_000)});
        assertEquals(300, watermarkOf.applyAsLong(a), "the original is unaffected by its fork");
    }

    private static Batch longs(long... xs) {
        BatchBuilder b = new BatchBuilder(Layout.OBJECTS);
        for (long x : xs) {
            b.add(x, 1);
        }
        return b.build();
    }

    private static Batch watermark(long from, long to) {
        BatchBuilder b = new BatchBuilder(Layout.LONGS);
        if (from != Long.MIN_VALUE) {
            b.addLong(from, -1);
        }
        b.addLong(to, 1);
        return b.build();
    }
}
