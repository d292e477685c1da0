package org.jdbsp.operators.join;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.OperatorDescription;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.IndexedZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.operators.join.Differential.Change;
import org.jdbsp.operators.join.Differential.Shape;
import org.jdbsp.operators.join.Differential.Table;
import org.jdbsp.zset.IndexedZSet;
import org.jdbsp.zset.IndexedZSetBuilder;
import org.jdbsp.zset.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.jdbsp.testkit.Steps;
import org.jdbsp.testkit.Trials;

/** The lookup join joins each left change with the right side as it is in that change's step, and stores only the right side. */
class LookupJoinTest {
    record Pair(Object left, Object right) {}

    record Io(IndexedZSetInput<Object, Object> left, IndexedZSetInput<Object, Object> right, ZSetOutput<Pair> out) {}

    /** The expected change of one step: the step's left changes joined with the right integral after the step. */
    private static Map<Object, Long> expected(List<Change> leftChanges, Table right) {
        Map<Object, Long> out = new HashMap<>();
        for (Change c : leftChanges) {
            for (Map.Entry<Object, Long> r : right.rows.getOrDefault(c.key(), Map.of()).entrySet()) {
                Differential.addTo(out, new Pair(c.value(), r.getKey()), c.weight() * r.getValue());
            }
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class)
    void everyStepJoinsTheLeftChangeWithTheCurrentRightSide(Shape shape) {
        Trials.run("lookup join [" + shape + "]", 12, r -> {
            List<Change> changes = Differential.randomChanges(r, shape, 2, 80, 6, 4, true);
            for (int size : Steps.SIZES) {
                try (CircuitHandle<Io> h = Circuit.build(b -> {
                    IndexedZSetInput<Object, Object> left = b.indexedInput("left", shape.layout);
                    IndexedZSetInput<Object, Object> right = b.indexedInput("right", shape.layout);
                    return new Io(left, right, Joins.lookupJoin(left.stream(), right.stream(), Pair::new).output());
                })) {
                    Table right = new Table();
                    for (int from = 0; from < changes.size(); from += size) {
                        int to = (int) Math.min(changes.size(), (long) from + size);
                        List<Change> leftChanges = new ArrayList<>();
                        for (Change c : changes.subList(from, to)) {
                            if (c.input() == 0) {
                                h.io().left().push(c.key(), c.value(), c.weight());
                                leftChanges.add(c);
                            } else {
                                h.io().right().push(c.key(), c.value(), c.weight());
                                right.add(c.key(), c.value(), c.weight());
                            }
                        }
                        h.step();
                        assertEquals(expected(leftChanges, right), new HashMap<>(h.io().out().delta().toMap()),
                                "output change of the step ending at change " + to + " (steps of " + size + ")");
                    }
                }
            }
        });
    }

    @Test
    void laterRightChangesDoNotRevisitEarlierLeftRows() {
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            IndexedZSetInput<Object, Object> left = b.indexedInput("left", Layout.longToObjects());
            IndexedZSetInput<Object, Object> right = b.indexedInput("right", Layout.longToObjects());
            return new Io(left, right, Joins.lookupJoin(left.stream(), right.stream(), Pair::new).outputDeltas());
        })) {
            h.io().left().push(1L, "early", 1);
            h.step();
            assertEquals(0, h.io().out().delta().size(), "no right row yet");
            h.io().right().push(1L, "r1", 1);
            h.step();
            assertEquals(0, h.io().out().delta().size(), "the early left row is not looked up again");
            h.io().left().push(1L, "late", 1);
            h.io().right().push(1L, "r2", 1);
            h.step();
            assertEquals(Map.of(new Pair("late", "r1"), 1L, new Pair("late", "r2"), 1L), h.io().out().delta().toMap());
            h.io().right().push(1L, "r1", -1);
            h.step();
            assertEquals(0, h.io().out().delta().size(), "deleting a right row retracts nothing");
            // r1 and its retraction cancel when the trace merges them, which may be a later step (merges go in slices)
            assertTrue(h.stateTuples() <= 3, "only the right side (r1, r2, -r1) is stored: " + h.stateTuples());
        }
    }

    @Test
    void overAStaticTableItEqualsTheInnerJoin() {
        IndexedZSet<Long, String> table = IndexedZSet.<Long, String>builder(Layout.longToObjects())
                .add(1L, "one", 1).add(2L, "two", 1).build();
        record Both(IndexedZSetInput<Long, String> in, ZSetOutput<Pair> lookup, ZSetOutput<Pair> inner) {}
        try (CircuitHandle<Both> h = Circuit.build(b -> {
            IndexedZSetInput<Long, String> in = b.indexedInput("in", Layout.longToObjects());
            IndexedZSetStream<Long, String> t = b.table("numbers", table);
            return new Both(in, Joins.lookupJoin(in.stream(), t, Pair::new).output(),
                    Joins.join(in.stream(), t, Pair::new).output());
        })) {
            long[] keys = {1, 2, 3, 1, 2, 2};
            for (int i = 0; i < keys.length; i++) {
                h.io().in().push(keys[i], "x" + i, 1);
                if (i % 2 == 1) {
                    h.io().in().push(keys[i - 1], "x" + (i - 1), -1);
                }
                h.step();
                assertEquals(h.io().inner().delta(), h.io().lookup().delta(), "step " + i);
            }
            assertEquals(Map.of(new Pair("x5", "two"), 1L, new Pair("x3", "one"), 1L, new Pair("x1", "two"), 1L),
                    h.io().lookup().integral().toMap());
        }
    }

    /**
     * Over a table (replicated on every worker), each worker joins its own left changes with its copy of the
     * table: nothing is exchanged but the output's gather, and every step's change is the one-worker change.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    @Timeout(60)
    void overATableTheLeftSideIsNotExchanged(int workers) {
        IndexedZSetBuilder<Long, String> tb = IndexedZSet.builder(Layout.longToObjects());
        for (long k = 0; k < 4; k++) {
            tb.add(k, "v" + k, 1);
        }
        tb.add(2L, "w2", 2);
        IndexedZSet<Long, String> table = tb.build();
        record Io(ZSetInput<Long> in, ZSetOutput<Pair> out, ZSetOutput<Pair> both) {}
        try (CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults().withWorkers(workers), b -> {
            ZSetInput<Long> in = b.zsetInput("in");
            IndexedZSetStream<Long, String> t = b.table("t", table);
            IndexedZSetStream<Long, Long> byKey = in.stream().indexByLong(x -> Math.floorMod(x, 5), x -> x);
            ZSetOutput<Pair> both = Joins.lookupJoin(t, t, Pair::new).output();
            return new Io(in, Joins.lookupJoin(byKey, t, Pair::new).output(), both);
        })) {
            if (workers > 1) {
                String text = h.describe().toString();
                for (OperatorDescription op : h.describe().operators()) {
                    assertTrue(op.exchange() == null || op.exchange().startsWith("gather to worker 0"), text);
                }
            }
            Random r = new Random(18 + workers);
            for (int step = 0; step < 20; step++) {
                Map<Object, Long> expected = new HashMap<>();
                for (int i = 0; i < 50; i++) {
                    long x = r.nextInt(40) - 5;
                    long w = r.nextInt(3) - 1;
                    h.io().in().push(x, w);
                    for (Map.Entry<String, Long> e : rowsOf(table, Math.floorMod(x, 5)).entrySet()) {
                        Differential.addTo(expected, new Pair(x, e.getKey()), w * e.getValue());
                    }
                }
                h.step();
                assertEquals(expected, new HashMap<>(h.io().out().delta().toMap()), "step " + step);
            }
            Map<Object, Long> self = new HashMap<>();
            for (long k = 0; k < 4; k++) {
                for (Map.Entry<String, Long> a : rowsOf(table, k).entrySet()) {
                    for (Map.Entry<String, Long> c : rowsOf(table, k).entrySet()) {
                        Differential.addTo(self, new Pair(a.getKey(), c.getKey()), a.getValue() * c.getValue());
                    }
                }
            }
            assertEquals(self, new HashMap<>(h.io().both().integral().toMap()), "a table looked up in a table counts once");
        }
    }

    private static Map<String, Long> rowsOf(IndexedZSet<Long, String> table, long key) {
        Map<String, Long> out = new HashMap<>();
        table.forEach((k, v, w) -> {
            if (k == key) {
                out.merge(v, w, Long::sum);
            }
        });
        return out;
    }
}
