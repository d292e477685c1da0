package org.jdbsp.circuit;

import org.jdbsp.circuit.spi.Wiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

/** How circuits are wired: shared derivations, shared traces, wrong wiring, inspection and step work. */
class CircuitBuilderTest {
    @Test
    void derivingTheSameStreamTwiceBuildsOneOperator() {
        int[] counts = new int[2];
        try (CircuitHandle<Object> h = Circuit.build(b -> {
            ZSetStream<Long> s = b.<Long>zsetInput("in").stream();
            counts[0] = s.integrate().node.id();
            counts[1] = s.integrate().node.id();
            IndexedZSetStream<Long, Long> idx = s.indexByLong(x -> x, x -> x);
            assertSame(Wiring.integralTrace(idx), Wiring.integralTrace(idx), "one trace per indexed stream");
            assertSame(s.delay().node, s.delay().node);
            return null;
        })) {
            assertEquals(counts[0], counts[1]);
            assertEquals(5, h.operatorCount(), "input, integrate, index, trace, delay");
        }
    }

    @Test
    void indexingWithAValueOrderStoresTheValuesOfAKeyInThatOrder() {
        record Io(ZSetInput<String> in, IndexedZSetOutput<Long, String> out) {}
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            ZSetInput<String> in = b.zsetInput("in");
            var out = in.stream().indexByLong(String::length, x -> x, java.util.Comparator.<String>reverseOrder()).output();
            return new Io(in, out);
        })) {
            for (String s : List.of("ab", "zz", "mm", "q")) {
                h.io().in().push(s);
            }
            h.step();
            List<String> values = new ArrayList<>();
            h.io().out().integral().forEachValue(2L, (v, w) -> values.add(v));
            assertEquals(List.of("zz", "mm", "ab"), values);
        }
    }

    @Test
    void streamsOfAnotherCircuitAreRefused() {
        ZSetStream<?>[] foreign = new ZSetStream<?>[1];
        Circuit.build(b -> foreign[0] = b.zsetInput("a").stream()).close();
        @SuppressWarnings("unchecked")
        ZSetStream<Object> other = (ZSetStream<Object>) foreign[0];
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Circuit.build(b -> b.zsetInput("b").stream().plus(other)));
        assertTrue(e.getMessage().contains("another circuit"), e.getMessage());
    }

    @Test
    void inspectSeesEveryChangeAndStepReportsWork() {
        List<ZSet<String>> seen = new ArrayList<>();
        record Io(ZSetInput<String> in) {}
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            ZSetInput<String> in = b.zsetInput("in");
            in.stream().map(String::length).inspect(z -> seen.add(z.isEmpty() ? null : ZSet.of("len"))).outputDeltas();
            return new Io(in);
        })) {
            h.io().in().push("abc");
            h.io().in().push("de");
            assertEquals(4, h.step(), "2 input tuples + 2 mapped tuples");
            assertEquals(0, h.step());
            assertEquals(2, seen.size());
            assertEquals(2, h.steps());
        }
    }

    @Test
    void aTableIsEmittedInTheFirstStepOnly() {
        record Io(ZSetInput<String> in, ZSetOutput<String> table, ZSetOutput<String> both) {}
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            ZSetInput<String> in = b.zsetInput("in");
            ZSetStream<String> table = b.table("letters", ZSet.of("a", "b", "b"));
            return new Io(in, table.output(), table.plus(in.stream()).output());
        })) {
            assertEquals(2, h.stateTuples(), "the table's two distinct records wait for the first step");
            h.io().in().push("c");
            h.step();
            assertEquals(java.util.Map.of("a", 1L, "b", 2L), h.io().table().delta().toMap());
            assertEquals(java.util.Map.of("a", 1L, "b", 2L, "c", 1L), h.io().both().delta().toMap());
            h.io().in().push("a");
            h.step();
            assertEquals(ZSet.empty(), h.io().table().delta(), "not re-inserted in later steps");
            assertEquals(java.util.Map.of("a", 1L), h.io().both().delta().toMap());
            h.step();
            assertEquals(java.util.Map.of("a", 2L, "b", 2L, "c", 1L), h.io().both().integral().toMap());
            assertEquals(java.util.Map.of("a", 1L, "b", 2L), h.io().table().integral().toMap());
        }
    }

    @Test
    void anIndexedTableIntegratesToItsContents() {
        org.jdbsp.zset.IndexedZSet<Long, String> contents = org.jdbsp.zset.IndexedZSet.<Long, String>builder(
                org.jdbsp.zset.Layout.longToObjects()).add(1L, "one", 1).add(2L, "two", 1).build();
        try (CircuitHandle<IndexedZSetOutput<Long, String>> h = Circuit.build(b -> b.table("numbers", contents).output())) {
            h.step();
            assertEquals(contents, h.io().delta());
            h.step();
            assertEquals(0, h.io().delta().size());
            assertEquals(contents, h.io().integral());
        }
    }

    @Test
    void aTableInsideARecursiveBodyIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Circuit.build(b ->
                b.<String>recursive((scope, r) -> scope.table("t", ZSet.of("x")).plus(r))));
        assertTrue(e.getMessage().contains("table 't'"), e.getMessage());
    }
}
