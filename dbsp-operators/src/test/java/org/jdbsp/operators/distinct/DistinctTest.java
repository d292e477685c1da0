package org.jdbsp.operators.distinct;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitBuilder;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.operators.join.Differential;
import org.jdbsp.operators.join.Differential.Shape;
import org.jdbsp.operators.join.Differential.Table;
import org.jdbsp.operators.join.Joins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.jdbsp.testkit.Trials;

/** Distinct keeps, with weight 1, exactly the tuples of positive total weight; inside recursion it computes a transitive closure. */
class DistinctTest {
    static Map<Object, Long> positive(Table t, boolean indexed) {
        Map<Object, Long> out = new HashMap<>();
        t.rows.forEach((k, vs) -> vs.forEach((v, w) -> {
            if (w > 0) {
                out.put(indexed ? List.of(k, v) : v, 1L);
            }
        }));
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class)
    void indexedDistinctKeepsTuplesOfPositiveWeight(Shape shape) {
        Differential.check("indexed distinct", 12, shape, 1, 80, 5, 4, true,
                s -> Distinct.distinct(s.get(0)), t -> positive(t.get(0), true));
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class, names = {"LONG_KEYS", "LONG_KEYS_LONG_VALUES"})
    void plainDistinctKeepsRecordsOfPositiveWeight(Shape shape) {
        // records are the values; a record's weight is the sum over its keys (so the reference sums them first)
        Differential.check("plain distinct", 12, shape, 1, 80, 3, 6, true,
                s -> Distinct.distinct(s.get(0).values()),
                t -> {
                    Table byValue = new Table();
                    Map<Object, Long> sums = new HashMap<>();
                    t.get(0).rows.values().forEach(vs -> vs.forEach((v, w) -> Differential.addTo(sums, v, w)));
                    sums.forEach((v, w) -> byValue.rows.computeIfAbsent("all", x -> new HashMap<>()).put(v, w));
                    return positive(byValue, false);
                });
    }

    record Edge(long src, long dst) {}

    static final Comparator<Edge> ORDER = Comparator.comparingLong(Edge::src).thenComparingLong(Edge::dst);

    record Io(ZSetInput<Edge> edges, ZSetOutput<Edge> closure) {}

    static ZSetStream<Edge> closure(CircuitBuilder b, ZSetStream<Edge> edges) {
        return b.recursive(ORDER, (scope, reach) -> {
            ZSetStream<Edge> e = scope.importStream(edges);
            IndexedZSetStream<Long, Edge> byDst = reach.indexByLong(Edge::dst, x -> x);
            IndexedZSetStream<Long, Edge> bySrc = e.indexByLong(Edge::src, x -> x);
            ZSetStream<Edge> extended = Joins.join(byDst, bySrc, (Edge l, Edge r) -> new Edge(l.src(), r.dst()), ORDER);
            return Distinct.distinct(e.plus(extended));
        });
    }

    /** The transitive closure by Warshall's algorithm on a boolean matrix (shares nothing with the circuit). */
    static Set<Edge> warshall(Set<Edge> edges, int nodes) {
        boolean[][] path = new boolean[nodes][nodes];
        edges.forEach(e -> path[(int) e.src()][(int) e.dst()] = true);
        for (int via = 0; via < nodes; via++) {
            for (int from = 0; from < nodes; from++) {
                if (path[from][via]) {
                    for (int to = 0; to < nodes; to++) {
                        path[from][to] |= path[via][to];
                    }
                }
            }
        }
        Set<Edge> out = new HashSet<>();
        for (int from = 0; from < nodes; from++) {
            for (int to = 0; to < nodes; to++) {
                if (path[from][to]) {
                    out.add(new Edge(from, to));
                }
            }
        }
        return out;
    }

    @Test
    void joinAndDistinctInsideRecursionComputeTheTransitiveClosure() {
        Trials.run("transitive closure", 15, r -> {
            int nodes = 3 + r.nextInt(8);
            try (CircuitHandle<Io> h = Circuit.build(b -> {
                ZSetInput<Edge> edges = b.zsetInput("edges", ORDER);
                return new Io(edges, closure(b, edges.stream()).output());
            })) {
                Set<Edge> graph = new HashSet<>();
                for (int step = 0; step < 20; step++) {
                    for (int i = r.nextInt(4); i >= 0; i--) {
                        if (r.nextInt(3) == 0 && !graph.isEmpty()) {
                            Edge victim = new ArrayList<>(graph).get(r.nextInt(graph.size()));
                            graph.remove(victim);
                            h.io().edges().push(victim, -1);
                        } else {
                            Edge e = new Edge(r.nextInt(nodes), r.nextInt(nodes));
                            if (graph.add(e)) {
                                h.io().edges().push(e, 1);
                            }
                        }
                    }
                    h.step();
                    Map<Edge, Long> expected = new HashMap<>();
                    warshall(graph, nodes).forEach(e -> expected.put(e, 1L));
                    assertEquals(expected, new HashMap<>(h.io().closure().integral().toMap()), "closure after step " + step);
                }
            }
        });
    }
}
