package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbsp.circuit.spi.KeyedInputs;
import org.jdbsp.circuit.spi.Wiring;
import org.jdbsp.testing.Seeded;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.junit.jupiter.api.Test;

/**
 * Keyed operators declared with {@code Wiring.addKeyed*} read their inputs sharded by key and the traces of the
 * sharded streams, whatever the caller passes: a join and a distinct over unsharded streams give the same
 * results on 1, 2 and 4 workers; outputs are placed by key; inputs or outputs that do not keep one key are refused.
 */
class KeyedWiringTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    record Io(ZSetInput<Long> in, ZSetOutput<String> joined, ZSetOutput<String> distinct, List<Placement> seen, Placement placement) {}

    private static CircuitHandle<Io> build(int workers) {
        CircuitConfig config = CircuitConfig.defaults().withWorkers(workers).withValidation(true).withName("keyed" + NAMES.incrementAndGet());
        return Circuit.build(config, b -> {
            ZSetInput<Long> in = b.longZSetInput("numbers");
            ZSetStream<Long> s = in.stream();
            List<Placement> seen = new ArrayList<>();
            IndexedZSetStream<Long, Long> byMod5 = s.indexByLong(x -> x % 5, x -> x);
            IndexedZSetStream<Long, Long> byMod3 = s.indexByLong(x -> x % 3, x -> x * 10);
            ZSetStream<String> joined = Wiring.addKeyedStream("join", Layout.OBJECTS, keyed -> {
                for (int i = 0; i < keyed.count(); i++) {
                    seen.add(keyed.stream(i).placement());
                }
                return new TestOperators.Join(keyed.trace(0), keyed.trace(1), Layout.OBJECTS, (l, r) -> l + ":" + r);
            }, byMod5, byMod3);
            ZSetStream<String> distinct = Wiring.addKeyedStream("distinct", keyed -> {
                seen.add(keyed.stream(0).placement());
                return new TestOperators.Distinct(keyed.trace(0));
            }, s.map(x -> "v" + x / 2));
            return new Io(in, joined.output(), distinct.output(), seen, distinct.placement());
        });
    }

    @Test
    void joinAndDistinctOverUnshardedInputsAreTheSameOnEveryWorkerCount() {
        Seeded.trials("keyed wiring on 1, 2, 4 workers", 5, r -> {
            List<CircuitHandle<Io>> handles = List.of(build(1), build(2), build(4));
            try {
                for (CircuitHandle<Io> h : handles.subList(1, 3)) {
                    assertTrue(h.io().seen().stream().allMatch(p -> p == Placement.SHARDED), "inputs handed over: " + h.io().seen());
                    assertEquals(Placement.SHARDED, h.io().placement());
                }
                for (int step = 0; step < 6; step++) {
                    List<long[]> pushes = new ArrayList<>();
                    for (int i = r.nextInt(15); i > 0; i--) {
                        pushes.add(new long[] {r.nextInt(40), r.nextInt(5) == 0 ? -1 : 1});
                    }
                    for (CircuitHandle<Io> h : handles) {
                        pushes.forEach(p -> h.io().in().push(p[0], p[1]));
                        h.step();
                    }
                    for (CircuitHandle<Io> h : handles.subList(1, 3)) {
                        assertEquals(handles.get(0).io().joined().integral(), h.io().joined().integral(), "join, step " + step);
                        assertEquals(handles.get(0).io().distinct().integral(), h.io().distinct().integral(), "distinct, step " + step);
                    }
                }
            } finally {
                handles.forEach(CircuitHandle::close);
            }
        });
    }

    @Test
    void refusesInputsOrOutputsThatDoNotKeepOneKey() {
        try (CircuitHandle<Object> h = Circuit.build(CircuitConfig.defaults().withName("keyed" + NAMES.incrementAndGet()), b -> {
            ZSetStream<Long> s = b.longZSetInput("numbers").stream();
            IndexedZSetStream<Long, Long> byLong = s.indexByLong(x -> x, x -> x);
            IndexedZSetStream<Object, Long> byObject = s.index(x -> "k" + x, x -> x);
            KeyedInputs.Factory none = keyed -> new TestOperators.Distinct(keyed.trace(0));
            Layout rekeyed = Layout.indexed(ColumnKind.OBJECT, Orders.natural(), ColumnKind.LONG, null);
            IllegalArgumentException out = assertThrows(IllegalArgumentException.class,
                    () -> Wiring.addKeyedIndexedStream("rekey", rekeyed, none, byLong));
            assertTrue(out.getMessage().contains("rekey") && out.getMessage().contains("keep the key"), out.getMessage());
            IllegalArgumentException in = assertThrows(IllegalArgumentException.class,
                    () -> Wiring.addKeyedStream("mixed", Layout.OBJECTS, none, byLong, byObject));
            assertTrue(in.getMessage().contains("mixed") && in.getMessage().contains("stored differently"), in.getMessage());
            assertThrows(IllegalArgumentException.class, () -> Wiring.addKeyedIndexedStream("nothing", byLong.layout(), none));
            return null;
        })) {
            assertEquals(null, h.io());
        }
    }
}
