package org.jdbsp.circuit;

import org.jdbsp.circuit.spi.Wiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbsp.testing.Seeded;
import org.jdbsp.zset.Layout;
import org.junit.jupiter.api.Test;

/** Incremental graph reachability with a recursive circuit equals a BFS recomputation after every step. */
class RecursionTest {
    record Edge(long src, long dst) {}

    static final Comparator<Edge> ORDER = Comparator.comparingLong(Edge::src).thenComparingLong(Edge::dst);

    record Io(ZSetInput<Edge> edges, ZSetOutput<Edge> reach) {}

    static ZSetStream<Edge> distinct(CircuitBuilder b, ZSetStream<Edge> s) {
        return Wiring.addStream("distinct", new TestOperators.Distinct(Wiring.integralTrace(s)), s.layout(), s);
    }

    static ZSetStream<Edge> reachability(CircuitBuilder b, ZSetStream<Edge> edges) {
        return b.recursive(ORDER, (scope, reach) -> {
            ZSetStream<Edge> e = scope.importStream(edges);
            IndexedZSetStream<Long, Edge> byDst = reach.indexByLong(Edge::dst, x -> x);
            IndexedZSetStream<Long, Edge> bySrc = e.indexByLong(Edge::src, x -> x);
            ZSetStream<Edge> extended = Wiring.addStream("join", new TestOperators.Join(Wiring.integralTrace(byDst), Wiring.integralTrace(bySrc), Layout.zset(ORDER),
                    (l, r) -> new Edge(((Edge) l).src(), ((Edge) r).dst())), Layout.zset(ORDER), byDst, bySrc);
            return distinct(scope, e.plus(extended));
        });
    }

    static Set<Edge> bfs(Set<Edge> edges, int nodes) {
        Map<Long, List<Long>> next = new HashMap<>();
        for (Edge e : edges) {
            next.computeIfAbsent(e.src(), k -> new ArrayList<>()).add(e.dst());
        }
        Set<Edge> out = new HashSet<>();
        for (long start = 0; start < nodes; start++) {
            Set<Long> seen = new HashSet<>();
            ArrayDeque<Long> queue = new ArrayDeque<>(next.getOrDefault(start, List.of()));
            while (!queue.isEmpty()) {
                long n = queue.poll();
                if (seen.add(n)) {
                    out.add(new Edge(start, n));
                    queue.addAll(next.getOrDefault(n, List.of()));
                }
            }
        }
        return out;
    }

    @Test
    void reachabilityFollowsEdgeInsertionsAndDeletions() {
        Seeded.trials("incremental reachability", 25, r -> {
            int nodes = 4 + r.nextInt(9);
            try (CircuitHandle<Io> h = Circuit.build(b -> {
                ZSetInput<Edge> edges = b.zsetInput("edges", ORDER);
                return new Io(edges, reachability(b, edges.stream()).output());
            })) {
                Set<Edge> graph = new HashSet<>();
                for (int step = 0; step < 25; step++) {
                    for (int i = r.nextInt(5); i >= 0; i--) {
                        Edge e = new Edge(r.nextInt(nodes), r.nextInt(nodes));
                        boolean delete = r.nextInt(3) == 0 && !graph.isEmpty();
                        if (delete) {
                            Edge victim = new ArrayList<>(graph).get(r.nextInt(graph.size()));
                            graph.remove(victim);
                            h.io().edges().push(victim, -1);
                        } else if (graph.add(e)) {
                            h.io().edges().push(e, 1);
                        }
                    }
                    h.step();
                    Map<Edge, Long> expected = new HashMap<>();
                    for (Edge e : bfs(graph, nodes)) {
                        expected.put(e, 1L);
                    }
                    assertEquals(expected, new HashMap<>(h.io().reach().integral().toMap()), "reachable pairs after step " + step);
                }
            }
        });
    }

    @Test
    void longChainConvergesAndShrinksWhenCut() {
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            ZSetInput<Edge> edges = b.zsetInput("edges", ORDER);
            return new Io(edges, reachability(b, edges.stream()).output());
        })) {
            int n = 40;
            for (int i = 0; i < n - 1; i++) {
                h.io().edges().push(new Edge(i, i + 1));
            }
            h.step();
            assertEquals(n * (n - 1) / 2, h.io().reach().integral().size());
            h.io().edges().push(new Edge(19, 20), -1);
            h.step();
            assertEquals(2 * (20 * 19 / 2), h.io().reach().integral().size());
            assertTrue(h.io().reach().delta().size() > 0);
            h.step();
            assertTrue(h.io().reach().delta().isEmpty(), "no change in, no change out");
        }
    }

    @Test
    void divergingRecursionFailsWithAClearMessage() {
        record Io1(ZSetInput<Long> in, ZSetOutput<Long> out) {}
        try (CircuitHandle<Io1> h = Circuit.build(CircuitConfig.defaults().withMaxRecursionIterations(50), b -> {
            ZSetInput<Long> in = b.zsetInput("numbers");
            ZSetStream<Long> counting = b.<Long>recursive((scope, r) -> scope.importStream(in.stream()).plus(r.map(x -> x + 1)));
            return new Io1(in, counting.output());
        })) {
            h.io().in().push(1L);
            CircuitException e = assertThrows(CircuitException.class, h::step);
            assertTrue(e.getMessage().contains("fixed point"), e.getMessage());
        }
    }

    @Test
    void timeOperatorsAndInputsAreRefusedInsideTheBody() {
        assertThrows(IllegalStateException.class, () -> Circuit.build(b -> b.<Long>recursive((scope, r) -> r.delay())));
        assertThrows(IllegalStateException.class, () -> Circuit.build(b -> b.<Long>recursive((scope, r) -> {
            scope.zsetInput("nope");
            return r;
        })));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Circuit.build(b -> {
            ZSetInput<Long> in = b.zsetInput("outer");
            return b.<Long>recursive((scope, r) -> r.plus(in.stream()));
        }));
        assertTrue(e.getMessage().contains("importStream"), e.getMessage());
    }
}
