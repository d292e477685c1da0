package org.jdbsp.operators.topk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.IndexedZSetInput;
import org.jdbsp.circuit.IndexedZSetOutput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.IndexedZSet;
import org.jdbsp.zset.Layout;
import org.junit.jupiter.api.Test;
import org.jdbsp.testkit.Steps;
import org.jdbsp.testkit.Trials;

/** Top-k, row numbers and last-N against a naive sort of each group of the integral. */
class TopKTest {
    /** A row; its natural order (the tie-break) is by id. */
    record Item(long id, long price, long time) implements Comparable<Item> {
        @Override
        public int compareTo(Item o) {
            return Long.compare(id, o.id);
        }
    }

    record Op(long key, Item item, long weight) {}

    static final Comparator<Item> BY_PRICE_DESC = (a, b) -> Long.compare(b.price, a.price);

    /** Insertions and retractions of earlier insertions, with many equal prices and times. */
    static List<Op> randomOps(SplittableRandom r, int n) {
        List<Op> ops = new ArrayList<>();
        List<Op> live = new ArrayList<>();
        int keys = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            if (!live.isEmpty() && r.nextInt(4) == 0) {
                Op ins = live.remove(r.nextInt(live.size()));
                ops.add(new Op(ins.key, ins.item, -ins.weight));
            } else {
                Op op = new Op(r.nextInt(keys), new Item(i, r.nextInt(6), r.nextInt(8)), r.nextInt(5) == 0 ? 2 : 1);
                ops.add(op);
                live.add(op);
            }
        }
        return ops;
    }

    /** The naive meaning: per key, sort the rows (copies expanded) by order then id and keep k. */
    static List<Item> naiveTop(Map<Item, Long> group, int k, Comparator<Item> order) {
        List<Item> rows = new ArrayList<>();
        group.forEach((item, w) -> {
            for (long i = 0; i < w; i++) {
                rows.add(item);
            }
        });
        rows.sort(order.thenComparing(Item::id));
        return rows.subList(0, Math.min(k, rows.size()));
    }

    static Map<List<Object>, Long> asMap(IndexedZSet<Long, ?> z) {
        Map<List<Object>, Long> m = new HashMap<>();
        z.forEach((k, v, w) -> m.put(List.of(k, v), w));
        return m;
    }

    interface Wiring {
        IndexedZSetStream<Long, ?> wire(IndexedZSetStream<Long, Item> in, int k);
    }

    interface Naive {
        Map<List<Object>, Long> of(Map<Long, Map<Item, Long>> integral, int k);
    }

    void differential(String name, Wiring wiring, Naive naive) {
        differential(name, Layout.longToObjects(), wiring, naive);
    }

    void differential(String name, Layout inputLayout, Wiring wiring, Naive naive) {
        Trials.run(name, 25, r -> {
            int k = 1 + r.nextInt(4);
            List<Op> ops = randomOps(r, 10 + r.nextInt(50));
            for (int stepSize : Steps.SIZES) {
                record Io(IndexedZSetInput<Long, Item> in, IndexedZSetOutput<Long, ?> out) {}
                try (CircuitHandle<Io> h = Circuit.build(b -> {
                    IndexedZSetInput<Long, Item> in = b.indexedInput("items", inputLayout);
                    return new Io(in, wiring.wire(in.stream(), k).output());
                })) {
                    Map<Long, Map<Item, Long>> integral = new TreeMap<>();
                    for (List<Op> step : Steps.split(ops, stepSize)) {
                        for (Op op : step) {
                            h.io().in().push(op.key, op.item, op.weight);
                            Map<Item, Long> g = integral.computeIfAbsent(op.key, x -> new HashMap<>());
                            g.merge(op.item, op.weight, Long::sum);
                            g.values().removeIf(w -> w == 0);
                        }
                        h.step();
                        assertEquals(naive.of(integral, k), asMap(h.io().out().integral()), "k " + k + ", steps of " + stepSize);
                    }
                }
            }
        });
    }

    static Naive naiveTopK(Comparator<Item> order) {
        return (integral, k) -> {
            Map<List<Object>, Long> m = new HashMap<>();
            integral.forEach((key, g) -> naiveTop(g, k, order).forEach(item -> m.merge(List.of(key, item), 1L, Long::sum)));
            return m;
        };
    }

    static Naive naiveRowNumbers(Comparator<Item> order) {
        return (integral, k) -> {
            Map<List<Object>, Long> m = new HashMap<>();
            integral.forEach((key, g) -> {
                List<Item> top = naiveTop(g, k, order);
                for (int i = 0; i < top.size(); i++) {
                    m.merge(List.of(key, new Ranked<>(i + 1, top.get(i))), 1L, Long::sum);
                }
            });
            return m;
        };
    }

    @Test
    void topKEqualsTheFirstKRowsOfEachGroupInOrderThenValueOrder() {
        differential("topK", (in, k) -> TopK.topK(in, k, BY_PRICE_DESC), naiveTopK(BY_PRICE_DESC));
    }

    @Test
    void rowNumbersNumberTheFirstKRowsFromOne() {
        differential("rowNumbers", (in, k) -> TopK.rowNumbers(in, k, BY_PRICE_DESC), naiveRowNumbers(BY_PRICE_DESC));
    }

    /** Input values ordered by price descending, then id: the ranking order is the value order. */
    static final Layout BY_PRICE_LAYOUT = Layout.indexed(ColumnKind.LONG, null, ColumnKind.OBJECT,
            BY_PRICE_DESC.thenComparing(Item::id));

    @Test
    void topKInValueOrderEqualsTheFirstKRowsOfEachGroup() {
        differential("topKInValueOrder", BY_PRICE_LAYOUT, TopK::topKInValueOrder, naiveTopK(BY_PRICE_DESC));
    }

    @Test
    void rowNumbersInValueOrderNumberTheFirstKRowsFromOne() {
        differential("rowNumbersInValueOrder", BY_PRICE_LAYOUT, TopK::rowNumbersInValueOrder, naiveRowNumbers(BY_PRICE_DESC));
    }

    @Test
    void rowNumbersInValueOrderChangeOnlyTheRanksThatMove() {
        record Io(IndexedZSetInput<Long, Long> in, IndexedZSetOutput<Long, Ranked<Long>> out) {}
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            IndexedZSetInput<Long, Long> in = b.indexedInput("numbers", Layout.longToLongs());
            return new Io(in, TopK.rowNumbersInValueOrder(in.stream(), 3).output());
        })) {
            h.io().in().push(1L, 10L, 1);
            h.io().in().push(1L, 30L, 1);
            h.io().in().push(1L, 40L, 1);
            h.io().in().push(1L, 50L, 1);
            h.step();
            assertEquals(Map.of(List.of(1L, new Ranked<>(1, 10L)), 1L, List.of(1L, new Ranked<>(2, 30L)), 1L,
                    List.of(1L, new Ranked<>(3, 40L)), 1L), asMap(h.io().out().delta()));
            h.io().in().push(1L, 20L, 2);
            h.step();
            assertEquals(Map.of(List.of(1L, new Ranked<>(2, 30L)), -1L, List.of(1L, new Ranked<>(3, 40L)), -1L,
                    List.of(1L, new Ranked<>(2, 20L)), 1L, List.of(1L, new Ranked<>(3, 20L)), 1L), asMap(h.io().out().delta()),
                    "a value of weight 2 takes two ranks");
            h.io().in().push(1L, 10L, -1);
            h.step();
            assertEquals(Map.of(List.of(1L, new Ranked<>(1, 10L)), -1L, List.of(1L, new Ranked<>(1, 20L)), 1L,
                    List.of(1L, new Ranked<>(3, 20L)), -1L, List.of(1L, new Ranked<>(3, 30L)), 1L), asMap(h.io().out().delta()),
                    "rank 2 keeps value 20, so it is neither retracted nor inserted");
            h.io().in().push(1L, 60L, 1);
            h.step();
            assertEquals(Map.of(), asMap(h.io().out().delta()), "a value below the top k changes nothing");
        }
    }

    @Test
    void topKInValueOrderReadsOnlyTheHeadOfAHotGroup() {
        long[] comparisons = new long[1];
        Comparator<Object> counting = (a, b) -> {
            comparisons[0]++;
            return Long.compare((Long) b, (Long) a);
        };
        int n = 3_000;
        for (boolean sorted : new boolean[] {true, false}) {
            comparisons[0] = 0;
            record Io(IndexedZSetInput<Long, Long> in, IndexedZSetOutput<Long, Long> out) {}
            try (CircuitHandle<Io> h = Circuit.build(b -> {
                IndexedZSetInput<Long, Long> in = b.indexedInput("boxed", Layout.indexed(ColumnKind.LONG, null, ColumnKind.OBJECT, counting));
                IndexedZSetStream<Long, Long> top = sorted ? TopK.topKInValueOrder(in.stream(), 5)
                        : TopK.topK(in.stream(), 5, counting); // the ranking order is counted too: it sorts whole groups
                return new Io(in, top.outputDeltas());
            })) {
                for (long v = 0; v < n; v++) {
                    h.io().in().push(7L, v, 1);
                    h.step();
                }
            }
            if (sorted) {
                // per value read, a comparison per batch of the input's trace (up to two per level while merges are in progress)
                assertTrue(comparisons[0] < 50L * n, "sorted top-k over one group of " + n + " values made " + comparisons[0]
                        + " comparisons; reading whole groups needs at least " + (long) n * n / 2);
            } else {
                assertTrue(comparisons[0] > (long) n * n / 2, "the baseline reads whole groups: " + comparisons[0]);
            }
        }
    }

    @Test
    void lastNKeepsTheLatestRowsOfEachGroup() {
        Comparator<Item> latestFirst = (a, b) -> Long.compare(b.time, a.time);
        differential("lastN", (in, k) -> TopK.lastN(in, k, Item::time), naiveTopK(latestFirst));
    }

    @Test
    void topKOverLongValuesBreaksTiesNumerically() {
        Trials.run("topK over long values", 25, r -> {
            List<long[]> ops = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                ops.add(new long[] {r.nextInt(3), r.nextInt(10), r.nextInt(3) == 0 ? -1 : 1});
            }
            for (int stepSize : Steps.SIZES) {
                record Io(IndexedZSetInput<Long, Long> in, IndexedZSetOutput<Long, Long> out) {}
                try (CircuitHandle<Io> h = Circuit.build(b -> {
                    IndexedZSetInput<Long, Long> in = b.indexedInput("numbers", Layout.longToLongs());
                    return new Io(in, TopK.topK(in.stream(), 3, (Long a, Long c) -> Long.compare(a % 2, c % 2)).output());
                })) {
                    Map<Long, Map<Long, Long>> integral = new TreeMap<>();
                    for (List<long[]> step : Steps.split(ops, stepSize)) {
                        for (long[] op : step) {
                            h.io().in().push(op[0], op[1], op[2]);
                            integral.computeIfAbsent(op[0], x -> new TreeMap<>()).merge(op[1], op[2], Long::sum);
                        }
                        h.step();
                        Map<List<Object>, Long> expected = new HashMap<>();
                        integral.forEach((key, g) -> {
                            List<Long> rows = new ArrayList<>();
                            g.forEach((v, w) -> {
                                for (long i = 0; i < w; i++) {
                                    rows.add(v);
                                }
                            });
                            rows.sort(Comparator.<Long>comparingLong(v -> v % 2).thenComparing(Comparator.naturalOrder()));
                            rows.subList(0, Math.min(3, rows.size())).forEach(v -> expected.merge(List.of(key, v), 1L, Long::sum));
                        });
                        assertEquals(expected, asMap(h.io().out().integral()), "steps of " + stepSize);
                    }
                }
            }
        });
    }

    @Test
    void topKRunsInsideARecursiveCircuit() {
        runsInsideARecursiveCircuit(Layout.longToObjects(), in -> TopK.topK(in, 2, BY_PRICE_DESC));
    }

    @Test
    void topKInValueOrderRunsInsideARecursiveCircuit() {
        runsInsideARecursiveCircuit(BY_PRICE_LAYOUT, in -> TopK.topKInValueOrder(in, 2));
    }

    private static void runsInsideARecursiveCircuit(Layout layout, java.util.function.Function<IndexedZSetStream<Long, Item>, IndexedZSetStream<Long, Item>> top) {
        record Io(IndexedZSetInput<Long, Item> in, ZSetOutput<Item> recursive, ZSetOutput<Item> plain) {}
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            IndexedZSetInput<Long, Item> in = b.indexedInput("items", layout);
            ZSetOutput<Item> rec = b.<Item>recursive((scope, r) -> top.apply(scope.importStream(in.stream())).values()).output();
            return new Io(in, rec, top.apply(in.stream()).values().output());
        })) {
            SplittableRandom r = new SplittableRandom(7);
            for (int step = 0; step < 20; step++) {
                for (int i = 0; i < 5; i++) {
                    h.io().in().push((long) r.nextInt(3), new Item(step * 10L + i, r.nextInt(9), 0), 1);
                }
                h.step();
                assertEquals(h.io().plain().integral(), h.io().recursive().integral(), "step " + step);
            }
        }
    }
}
