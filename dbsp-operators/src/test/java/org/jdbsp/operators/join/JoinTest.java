package org.jdbsp.operators.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.IndexedZSetInput;
import org.jdbsp.circuit.Placement;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.operators.join.Differential.Shape;
import org.jdbsp.operators.join.Differential.Table;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The inner join (plain, keyed, with a residual predicate) equals a nested-loop join of the input integrals. */
class JoinTest {
    record Pair(Object left, Object right) {}

    record Keyed(Object key, Object left, Object right) {}

    /** The nested-loop join of two tables, written without any of the operator's code. */
    static Map<Object, Long> nestedLoop(Table a, Table b, java.util.function.BiPredicate<Object, Object> p, boolean withKey) {
        Map<Object, Long> out = new HashMap<>();
        for (Map.Entry<Object, Map<Object, Long>> ka : a.rows.entrySet()) {
            Map<Object, Long> bs = b.rows.get(ka.getKey());
            if (bs == null) {
                continue;
            }
            for (Map.Entry<Object, Long> va : ka.getValue().entrySet()) {
                for (Map.Entry<Object, Long> vb : bs.entrySet()) {
                    if (p.test(va.getKey(), vb.getKey())) {
                        Object rec = withKey ? new Keyed(ka.getKey(), va.getKey(), vb.getKey()) : new Pair(va.getKey(), vb.getKey());
                        Differential.addTo(out, rec, va.getValue() * vb.getValue());
                    }
                }
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class)
    void innerJoinEqualsNestedLoopJoinOfTheIntegrals(Shape shape) {
        Differential.check("inner join", 12, shape, 2, 80, 6, 4, true,
                s -> Joins.join(s.get(0), s.get(1), Pair::new),
                t -> nestedLoop(t.get(0), t.get(1), (a, b) -> true, false));
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class, names = {"LONG_KEYS", "OBJECT_KEYS"})
    void joinWithResidualPredicateKeepsOnlyAcceptedPairs(Shape shape) {
        Differential.check("join with predicate", 12, shape, 2, 80, 6, 5, true,
                s -> Joins.joinWhere(s.get(0), s.get(1), (Object a, Object b) -> (Integer) a <= (Integer) b, Pair::new),
                t -> nestedLoop(t.get(0), t.get(1), (a, b) -> (Integer) a <= (Integer) b, false));
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class, names = {"LONG_KEYS", "OBJECT_KEYS"})
    void joinByKeyEqualsTheJoinIndexedByItsKey(Shape shape) {
        Differential.check("join by key", 12, shape, 2, 80, 6, 5, true,
                s -> Joins.joinWhereByKey(s.get(0), s.get(1), (Object a, Object b) -> (Integer) a <= (Integer) b, Pair::new, Orders.natural())
                        .map((k, pair) -> new Keyed(k, pair.left(), pair.right())),
                t -> nestedLoop(t.get(0), t.get(1), (a, b) -> (Integer) a <= (Integer) b, true));
    }

    @Test
    void joinByKeyIsShardedSoAKeyedOperatorAfterItNeedsNoExchange() {
        try (CircuitHandle<IndexedZSetStream<Long, Pair>> h = Circuit.build(CircuitConfig.defaults().withWorkers(2), b -> {
            IndexedZSetInput<Long, String> a = b.indexedInput("a", Layout.longToObjects());
            IndexedZSetInput<Long, String> c = b.indexedInput("b", Layout.longToObjects());
            IndexedZSetStream<Long, Pair> joined = Joins.joinWhereByKey(a.stream(), c.stream(), (String x, String y) -> true, Pair::new, Orders.natural());
            assertSame(joined, joined.shard());
            return joined;
        })) {
            assertEquals(Placement.SHARDED, h.io().placement());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class, names = {"LONG_KEYS", "OBJECT_KEYS"})
    void keyedJoinSeesTheKey(Shape shape) {
        Differential.check("keyed join", 8, shape, 2, 60, 6, 4, false,
                s -> Joins.joinWithKey(s.get(0), s.get(1), Keyed::new, org.jdbsp.zset.Orders.natural()),
                t -> nestedLoop(t.get(0), t.get(1), (a, b) -> true, true));
    }

    @Test
    void longKeyJoinSeesTheUnboxedKey() {
        Differential.check("long-key join", 8, Shape.LONG_KEYS, 2, 60, 6, 4, false,
                s -> Joins.joinWithLongKey(Differential.<Long, Object>cast(s.get(0)), Differential.<Long, Object>cast(s.get(1)),
                        (long k, Object a, Object b) -> new Keyed(k, a, b), org.jdbsp.zset.Orders.natural()),
                t -> nestedLoop(t.get(0), t.get(1), (a, b) -> true, true));
    }

    @Test
    void selfJoinSharesOneTrace() {
        Differential.check("self join", 8, Shape.LONG_KEYS, 1, 60, 5, 4, true,
                s -> Joins.join(s.get(0), s.get(0), Pair::new),
                t -> nestedLoop(t.get(0), t.get(0), (a, b) -> true, false));
    }

    @Test
    void aStepChangingOneSideJoinsItWithTheOtherSidesTrace() {
        record Io(IndexedZSetInput<Long, String> a, IndexedZSetInput<Long, String> b, ZSetOutput<String> out) {}
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            IndexedZSetInput<Long, String> a = b.indexedInput("a", Layout.longToObjects());
            IndexedZSetInput<Long, String> c = b.indexedInput("b", Layout.longToObjects());
            return new Io(a, c, Joins.join(a.stream(), c.stream(), (String x, String y) -> x + y).output());
        })) {
            h.io().b().push(1L, "b1", 1);
            h.io().b().push(2L, "b2", 1);
            h.step();
            assertEquals(0, h.io().out().delta().size());
            h.io().a().push(1L, "a1", 3);
            h.step();
            assertEquals(Map.of("a1b1", 3L), h.io().out().delta().toMap());
            h.io().b().push(1L, "b1", -1);
            h.step();
            assertEquals(Map.of("a1b1", -3L), h.io().out().delta().toMap());
            assertEquals(Map.of(), h.io().out().integral().toMap());
        }
    }

    @Test
    void keysStoredDifferentlyAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Circuit.build(b -> {
            IndexedZSetInput<Object, Object> a = b.indexedInput("a", Layout.longToObjects());
            IndexedZSetInput<Object, Object> c = b.indexedInput("b", Layout.objectsToObjects());
            return Joins.join(a.stream(), c.stream(), Pair::new);
        }));
        assertEquals(true, e.getMessage().contains("stored differently"), e.getMessage());
    }
}
