package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.circuit.spi.Wiring;
import org.jdbsp.zset.ZSet;
import org.jdbsp.zset.spi.Batch;
import org.junit.jupiter.api.Test;

/**
 * Chains of linear operators hand their batches on unconsolidated and consolidate once where a reader needs a
 * Z-set: the results are those of consolidating at every operator, with duplicates, cancellations and several
 * readers of one stream.
 */
class UnconsolidatedHandOffTest {
    sealed interface Shape permits Circle, Square {}

    record Circle(int r) implements Shape {}

    record Square(int side) implements Shape {}

    record Io(SplitInput<Shape> in, ZSetOutput<Integer> sizes, ZSetOutput<Integer> bigSizes, ZSetOutput<Integer> integral) {}

    @Test
    void aChainOfPartFilterAndMapsGivesConsolidatedChangesWithCancellationsAndMergedDuplicates() {
        List<ZSet<Integer>> inspected = new ArrayList<>();
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            SplitInput<Shape> in = b.splitInput("shapes");
            ZSetStream<Integer> sizes = in.part(Circle.class).map(c -> c.r() / 10);
            in.part(Square.class).output("squares");
            ZSetStream<Integer> big = sizes.filter(s -> s >= 5).map(s -> s * 100);
            sizes.inspect(inspected::add);
            return new Io(in, sizes.output("sizes"), big.output("big"), sizes.map(s -> -s).output("negated"));
        })) {
            Io io = h.io();
            io.in().push(new Circle(51), 1);
            io.in().push(new Circle(59), 1);     // the same size as 51: weight 2
            io.in().push(new Circle(3), 1);
            io.in().push(new Circle(3), -1);     // cancels within the step
            io.in().push(new Circle(70), 1);
            io.in().push(new Square(2), 1);
            h.step();
            assertEquals(Map.of(5, 2L, 7, 1L), io.sizes().delta().toMap());
            assertEquals(Map.of(500, 2L, 700, 1L), io.bigSizes().delta().toMap());
            assertEquals(Map.of(-5, 2L, -7, 1L), io.integral().integral().toMap());
            assertEquals(1, inspected.size());
            assertEquals(Map.of(5, 2L, 7, 1L), inspected.get(0).toMap(), "an inspector sees the consolidated change");
            assertEquals(2, inspected.get(0).size(), "no duplicate and no zero weight");

            io.in().push(new Circle(55), -1);
            io.in().push(new Circle(71), -1);
            io.in().push(new Circle(72), 1);      // size 7 leaves and comes back: no change for 7
            h.step();
            assertEquals(Map.of(5, -1L), io.sizes().delta().toMap());
            assertEquals(Map.of(-5, 1L, -7, 1L), io.integral().integral().toMap());
            assertTrue(io.bigSizes().delta().toMap().equals(Map.of(500, -1L)));
        }
    }

    record Keyed(SplitInput<Shape> in, ZSetOutput<Integer> out, ZSetOutput<Integer> distinctish) {}

    @Test
    void aStreamReadByALinearAndAStatefulOperatorGivesTheSameOnEveryWorkerCount() {
        for (int w : new int[] {1, 2, 4}) {
            try (CircuitHandle<Keyed> h = Circuit.build(CircuitConfig.defaults().withWorkers(w), b -> {
                SplitInput<Shape> in = b.splitInput("shapes");
                ZSetStream<Integer> sizes = in.part(Circle.class).map(c -> c.r() % 7);
                in.part(Square.class).output("squares");
                ZSetStream<Integer> summed = sizes.integrate();
                return new Keyed(in, sizes.output("sizes"), summed.output("summed"));
            })) {
                for (int step = 0; step < 3; step++) {
                    for (int r = 0; r < 50; r++) {
                        h.io().in().push(new Circle(r + step), r % 3 == 0 ? -1 : 1);
                    }
                    h.step();
                }
                Map<Integer, Long> expected = new java.util.HashMap<>();
                for (int step = 0; step < 3; step++) {
                    for (int r = 0; r < 50; r++) {
                        expected.merge((r + step) % 7, r % 3 == 0 ? -1L : 1L, Long::sum);
                    }
                }
                expected.values().removeIf(v -> v == 0);
                assertEquals(expected, h.io().out().integral().toMap(), "W = " + w);
                assertEquals(expected, h.io().distinctish().delta().toMap(), "the integral operator read consolidated batches, W = " + w);
            }
        }
    }

    record Exchanged(SplitInput<Shape> in, ZSetOutput<Circle> byRecord, ZSetOutput<Circle> byFunction) {}

    /** Reads tuple by tuple and notes whether it was ever given an unconsolidated batch; outputs nothing. */
    static final class Probe implements UnaryOperator {
        final AtomicBoolean sawUnconsolidated;

        Probe(AtomicBoolean sawUnconsolidated) {
            this.sawUnconsolidated = sawUnconsolidated;
        }

        @Override
        public Batch apply(Batch input) {
            if (!input.consolidated) {
                sawUnconsolidated.set(true);
            }
            return Batch.empty(input.layout);
        }

        @Override
        public boolean readsTupleByTuple() {
            return true;
        }

        @Override
        public boolean hasState() {
            return false;
        }

        @Override
        public Operator fork() {
            return new Probe(sawUnconsolidated);
        }
    }

    @Test
    void aPartReadByExchangesIsHandedOverRawAndEachWorkerConsolidatesWhatItReceives() {
        for (int w : new int[] {2, 3}) {
            AtomicBoolean raw = new AtomicBoolean();
            try (CircuitHandle<Exchanged> h = Circuit.build(CircuitConfig.defaults().withWorkers(w).withName("raw-" + w), b -> {
                SplitInput<Shape> in = b.splitInput("shapes");
                ZSetStream<Circle> circles = in.part(Circle.class);
                in.part(Square.class).output("squares");
                Wiring.addStream("probe", new Probe(raw), circles.layout(), circles);
                return new Exchanged(in, circles.shard().output("byRecord"), circles.shardBy(c -> c.r() % 5).output("byFunction"));
            })) {
                Map<Circle, Long> expected = new java.util.HashMap<>();
                for (int step = 0; step < 3; step++) {
                    Map<Circle, Long> delta = new java.util.HashMap<>();
                    // the pushes are cut into W slices by position: a record's duplicates and retractions land on
                    // several workers, and only the receiving worker can add them up
                    for (int i = 0; i < 60; i++) {
                        Circle c = new Circle((i * 7 + step) % 11);
                        long weight = i % 4 == 3 ? -1 : 1;
                        h.io().in().push(c, weight);
                        delta.merge(c, weight, Long::sum);
                    }
                    h.step();
                    delta.values().removeIf(v -> v == 0);
                    for (Map.Entry<Circle, Long> e : delta.entrySet()) {
                        expected.merge(e.getKey(), e.getValue(), Long::sum);
                    }
                    expected.values().removeIf(v -> v == 0);
                    assertEquals(delta, h.io().byRecord().delta().toMap(), "shard(), step " + step + ", W = " + w);
                    assertEquals(delta, h.io().byFunction().delta().toMap(), "shardBy, step " + step + ", W = " + w);
                }
                assertEquals(expected, h.io().byRecord().integral().toMap(), "W = " + w);
                assertEquals(expected, h.io().byFunction().integral().toMap(), "W = " + w);
                assertTrue(raw.get(), "the part was handed on unconsolidated to its readers, the exchanges among them, W = " + w);
            }
        }
    }

    record ReadRaw(SplitInput<Shape> in, ZSetOutput<Circle> out) {}

    @Test
    void anExchangeWhoseReadersReadTupleByTupleHandsOnWhatItReceivesUnconsolidated() {
        for (int w : new int[] {2, 3}) {
            AtomicBoolean raw = new AtomicBoolean();
            try (CircuitHandle<ReadRaw> h = Circuit.build(CircuitConfig.defaults().withWorkers(w).withName("raw-out-" + w), b -> {
                SplitInput<Shape> in = b.splitInput("shapes");
                in.part(Square.class).output("squares");
                ZSetStream<Circle> sharded = in.part(Circle.class).shardBy(c -> c.r() % 5);
                Wiring.addStream("probe", new Probe(raw), sharded.layout(), sharded);
                // a map reads tuple by tuple; the output's gather onto worker 0 would not (see the test below)
                return new ReadRaw(in, sharded.map(c -> c).output("sharded"));
            })) {
                Map<Circle, Long> expected = new java.util.HashMap<>();
                for (int i = 0; i < 90; i++) {
                    Circle c = new Circle(i % 13);
                    long weight = i % 3 == 2 ? -1 : 1;
                    h.io().in().push(c, weight);
                    expected.merge(c, weight, Long::sum);
                }
                h.step();
                expected.values().removeIf(v -> v == 0);
                assertEquals(expected, h.io().out().delta().toMap(), "the output consolidates once, W = " + w);
                assertTrue(raw.get(), "the exchange handed its readers what it received, unconsolidated, W = " + w);
            }
        }
    }

    @Test
    void aGatherOntoWorkerZeroFromSeveralWorkersIsGivenPartsConsolidatedWhereTheyAreMade() {
        for (int w : new int[] {1, 2, 3}) {
            AtomicBoolean raw = new AtomicBoolean();
            try (CircuitHandle<ReadRaw> h = Circuit.build(CircuitConfig.defaults().withWorkers(w).withName("gather-" + w), b -> {
                SplitInput<Shape> in = b.splitInput("shapes");
                in.part(Square.class).output("squares");
                ZSetStream<Circle> folded = in.part(Circle.class).map(c -> new Circle(c.r() % 7));
                Wiring.addStream("probe", new Probe(raw), folded.layout(), folded);
                return new ReadRaw(in, folded.output("folded"));
            })) {
                Map<Circle, Long> expected = new java.util.HashMap<>();
                for (int i = 0; i < 90; i++) {
                    long weight = i % 3 == 2 ? -1 : 1;
                    h.io().in().push(new Circle(i % 17), weight);
                    expected.merge(new Circle(i % 17 % 7), weight, Long::sum);
                }
                h.step();
                expected.values().removeIf(v -> v == 0);
                assertEquals(expected, h.io().out().delta().toMap(), "W = " + w);
                // one worker: the output sorts once; several: each sorts its own part before the gather, in parallel,
                // instead of worker 0 sorting every worker's tuples alone
                assertEquals(w == 1, raw.get(), "the map's output is unconsolidated only without a gather, W = " + w);
            }
        }
    }
}
