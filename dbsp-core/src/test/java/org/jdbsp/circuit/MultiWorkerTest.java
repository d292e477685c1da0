package org.jdbsp.circuit;

import org.jdbsp.circuit.spi.Wiring;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jdbsp.circuit.internal.KeyHash;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.circuit.spi.Workers;
import org.jdbsp.testing.Seeded;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.WeightOverflowException;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.junit.jupiter.api.Test;

/** A circuit run by several workers gives exactly the results of one worker, fails cleanly, and ends its threads. */
class MultiWorkerTest {
    private static final int[] WORKERS = {1, 2, 4};
    private static final AtomicInteger NAMES = new AtomicInteger();

    private static CircuitConfig workers(int w) {
        return CircuitConfig.defaults().withWorkers(w).withValidation(true).withName("mwtest" + NAMES.incrementAndGet());
    }

    record Io(ZSetInput<Long> in, List<Object> outputs) {}

    /** The same circuit built for 1, 2 and 4 workers (or for the configurations given) and driven in lockstep. */
    static final class Lockstep implements AutoCloseable {
        final List<CircuitHandle<Io>> handles = new ArrayList<>();
        final List<CircuitConfig> configs;

        Lockstep(boolean longStorage, Function<CircuitBuilder, Function<ZSetStream<Long>, List<Object>>> wiring) {
            this(java.util.Arrays.stream(WORKERS).mapToObj(MultiWorkerTest::workers).toList(), longStorage, wiring);
        }

        Lockstep(List<CircuitConfig> configs, boolean longStorage, Function<CircuitBuilder, Function<ZSetStream<Long>, List<Object>>> wiring) {
            this.configs = configs;
            for (CircuitConfig config : configs) {
                handles.add(Circuit.build(config, b -> {
                    ZSetInput<Long> in = longStorage ? b.longZSetInput("numbers") : b.zsetInput("numbers");
                    return new Io(in, wiring.apply(b).apply(in.stream()));
                }));
            }
        }

        void push(long x, long w) {
            for (CircuitHandle<Io> h : handles) {
                h.io().in().push(x, w);
            }
        }

        /** Steps every circuit and checks that each output's change and integral are the one-worker circuit's. */
        void stepAndCompare(String when) {
            for (CircuitHandle<Io> h : handles) {
                h.step();
            }
            List<Object> reference = handles.get(0).io().outputs();
            for (int c = 1; c < handles.size(); c++) {
                List<Object> outs = handles.get(c).io().outputs();
                for (int o = 0; o < reference.size(); o++) {
                    CircuitConfig config = configs.get(c);
                    String what = "output " + o + " with " + config.workers() + " workers"
                            + (config.storage() != null ? " and storage" : "") + " " + when;
                    assertEquals(content(reference.get(o), false), content(outs.get(o), false), "change of " + what);
                    assertEquals(content(reference.get(o), true), content(outs.get(o), true), "integral of " + what);
                }
            }
        }

        @Override
        public void close() {
            handles.forEach(CircuitHandle::close);
        }
    }

    /** The change (or the integral) an output holds: Z-sets compare by content, in the layout's order. */
    static Object content(Object output, boolean integral) {
        if (output instanceof ZSetOutput<?> o) {
            return integral ? o.integral() : o.delta();
        }
        IndexedZSetOutput<?, ?> o = (IndexedZSetOutput<?, ?>) output;
        return integral ? o.integral() : o.delta();
    }

    static ZSetStream<String> distinct(ZSetStream<String> s) {
        ZSetStream<String> in = s.shard();
        return Wiring.addStream("distinct", new TestOperators.Distinct(Wiring.integralTrace(in)), in.layout(), Placement.SHARDED, in);
    }

    static ZSetStream<String> join(IndexedZSetStream<Long, Long> a, IndexedZSetStream<Long, Long> b) {
        IndexedZSetStream<Long, Long> l = a.shard();
        IndexedZSetStream<Long, Long> r = b.shard();
        assertSame(r, r.shard(), "a sharded stream is not sharded again");
        return Wiring.addStream("join", new TestOperators.Join(Wiring.integralTrace(l), Wiring.integralTrace(r), Layout.OBJECTS,
                (x, y) -> x + ":" + y), Layout.OBJECTS, l, r);
    }

    @Test
    void configurationValidatesTheWorkerCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CircuitConfig.defaults().withWorkers(0));
        assertTrue(e.getMessage().contains("workers = 0") && e.getMessage().contains(">= 1") || e.getMessage().contains("between 1"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CircuitConfig.defaults().withWorkers(-3));
        assertThrows(IllegalArgumentException.class, () -> CircuitConfig.defaults().withName(" "));
        assertEquals(1, CircuitConfig.defaults().workers());
        assertEquals(4, CircuitConfig.defaults().withWorkers(4).workers());
    }

    @Test
    void oneWorkerAddsNoExchangeAndStartsNoThread() {
        int before = workerThreads("").size();
        record Io1(ZSetStream<Long> raw, ZSetStream<Long> sharded, int operators) {}
        try (CircuitHandle<Io1> h = Circuit.build(workers(1), b -> {
            ZSetStream<Long> s = b.<Long>zsetInput("n").stream();
            ZSetStream<Long> sharded = s.shard();
            sharded.output();
            return new Io1(s, sharded, 0);
        })) {
            assertSame(h.io().raw(), h.io().sharded(), "shard() is the identity with one worker");
            assertEquals(2, h.operatorCount(), "the input and the output: no exchange, no gather");
            assertEquals(before, workerThreads("").size());
        }
    }

    @Test
    void linearAndKeyedOperatorsGiveTheSameChangesOnEveryWorkerCount() {
        Seeded.trials("linear and keyed operators on 1, 2 and 4 workers", 12, r -> linearAndKeyed(r, null));
    }

    /** The circuit of the test above, on {@code configs} (1, 2 and 4 workers when null). */
    static void linearAndKeyed(java.util.SplittableRandom r, List<CircuitConfig> configs) {
        boolean longStorage = r.nextBoolean();
        Function<CircuitBuilder, Function<ZSetStream<Long>, List<Object>>> wiring = b -> s -> {
            ZSetStream<String> words = s.map(x -> "w" + (x % 5));
            IndexedZSetStream<Long, Long> left = s.indexByLong(x -> x % 3, x -> x);
            IndexedZSetStream<Long, Long> right = s.filter(x -> x > 2).indexByLong(x -> x % 4, x -> x * 10);
            return List.of(
                    s.filter(x -> x % 2 == 0).output(),
                    words.output(),
                    distinct(words).output(),
                    distinct(words.plus(words)).integrate().output(),
                    join(left, right).output(),
                    left.shard().mapValues(v -> v + 1).filter((k, v) -> v > 1).output(),
                    s.indexLongToLong(x -> x % 7, x -> x).shard().output(),
                    s.delay().minus(s).output(),
                    s.integrate().differentiate().output());
        };
        try (Lockstep run = configs == null ? new Lockstep(longStorage, wiring) : new Lockstep(configs, longStorage, wiring)) {
            for (int t = 0, steps = 2 + r.nextInt(10); t < steps; t++) {
                for (int i = r.nextInt(30); i > 0; i--) {
                    run.push(r.nextInt(12), r.nextInt(7) - 3);
                }
                run.stepAndCompare("after step " + t);
            }
        }
    }

    @Test
    void recursionReachesTheSameFixedPointOnEveryWorkerCount() {
        Seeded.trials("reachability on 1, 2 and 4 workers", 8,
                r -> reachability(r, java.util.Arrays.stream(WORKERS).mapToObj(MultiWorkerTest::workers).toList(), 12));
    }

    /** Random edges added and removed for {@code steps} steps; on every config, the reachable pairs are those of a BFS. */
    static void reachability(java.util.SplittableRandom r, List<CircuitConfig> configs, int steps) {
        int nodes = 4 + r.nextInt(9);
        List<CircuitHandle<RecursionTest.Io>> handles = new ArrayList<>();
        try {
            for (CircuitConfig config : configs) {
                handles.add(Circuit.build(config, b -> {
                    ZSetInput<RecursionTest.Edge> edges = b.zsetInput("edges", RecursionTest.ORDER);
                    return new RecursionTest.Io(edges, shardedReachability(b, edges.stream()).output());
                }));
            }
            Set<RecursionTest.Edge> graph = new HashSet<>();
            for (int step = 0; step < steps; step++) {
                for (int i = r.nextInt(5); i >= 0; i--) {
                    RecursionTest.Edge e = new RecursionTest.Edge(r.nextInt(nodes), r.nextInt(nodes));
                    long weight = graph.add(e) ? 1 : r.nextInt(2) == 0 && graph.remove(e) ? -1 : 0;
                    if (weight != 0) {
                        handles.forEach(h -> h.io().edges().push(e, weight));
                    }
                }
                Map<Object, Long> expected = new HashMap<>();
                for (RecursionTest.Edge e : RecursionTest.bfs(graph, nodes)) {
                    expected.put(e, 1L);
                }
                for (int c = 0; c < handles.size(); c++) {
                    handles.get(c).step();
                    assertEquals(expected, handles.get(c).io().reach().integral().toMap(), "reachable pairs after step " + step
                            + " with " + configs.get(c).workers() + " workers" + (configs.get(c).storage() != null ? " and storage" : ""));
                }
            }
        } finally {
            handles.forEach(CircuitHandle::close);
        }
    }

    static ZSetStream<RecursionTest.Edge> shardedReachability(CircuitBuilder b, ZSetStream<RecursionTest.Edge> edges) {
        return b.recursive(RecursionTest.ORDER, (scope, reach) -> {
            ZSetStream<RecursionTest.Edge> e = scope.importStream(edges);
            IndexedZSetStream<Long, RecursionTest.Edge> byDst = reach.indexByLong(RecursionTest.Edge::dst, x -> x).shard();
            IndexedZSetStream<Long, RecursionTest.Edge> bySrc = e.indexByLong(RecursionTest.Edge::src, x -> x).shard();
            ZSetStream<RecursionTest.Edge> joined = Wiring.addStream("join", new TestOperators.Join(Wiring.integralTrace(byDst), Wiring.integralTrace(bySrc),
                    Layout.zset(RecursionTest.ORDER), (l, r) -> new RecursionTest.Edge(((RecursionTest.Edge) l).src(),
                    ((RecursionTest.Edge) r).dst())), Layout.zset(RecursionTest.ORDER), byDst, bySrc);
            ZSetStream<RecursionTest.Edge> all = e.plus(joined).shard();
            return Wiring.addStream("distinct", new TestOperators.Distinct(Wiring.integralTrace(all)), all.layout(),
                    Placement.SHARDED, all);
        });
    }

    /** Counts, per worker, the tuples reaching it: each worker's build registers its own counter. */
    static final class Counting implements UnaryOperator {
        final AtomicLong seen = new AtomicLong();

        @Override
        public Batch apply(Batch input) {
            seen.addAndGet(input.size);
            return input;
        }

        @Override
        public Operator fork() {
            return this;
        }
    }

    @Test
    void keysThatAllHashToOneWorkerStillGiveCorrectResults() {
        record SkewIo(ZSetInput<Long> in, ZSetOutput<Long> out, org.jdbsp.circuit.spi.Replicas<Counting> counters) {}
        for (int w : new int[] {2, 4}) {
            int hot = w - 1;
            List<Long> skewed = new ArrayList<>();
            for (long k = 0; skewed.size() < 200; k++) {
                if (KeyHash.ownerOfLong(k, w) == hot) {
                    skewed.add(k);
                }
            }
            try (CircuitHandle<SkewIo> h = Circuit.build(workers(w), b -> {
                ZSetInput<Long> in = b.longZSetInput("keys");
                Counting counting = new Counting();
                ZSetStream<Long> sharded = in.stream().shard();
                ZSetStream<Long> counted = sharded.apply("count", counting, sharded.layout());
                return new SkewIo(in, counted.output(), b.workers().replicas(counting));
            })) {
                Map<Object, Long> expected = new HashMap<>();
                for (int step = 0; step < 3; step++) {
                    for (long k : skewed) {
                        h.io().in().pushLong(k, step + 1);
                        expected.merge(k, (long) step + 1, Long::sum);
                    }
                    h.step();
                    assertEquals(expected, h.io().out().integral().toMap(), "integral after step " + step + " with " + w + " workers");
                }
                for (int i = 0; i < w; i++) {
                    assertEquals(i == hot ? 3 * skewed.size() : 0, h.io().counters().get(i).seen.get(),
                            "tuples seen by worker " + i + " of " + w);
                }
            }
        }
    }

    record MapIo(ZSetInput<Long> in, ZSetStream<Long> mapped, ZSetOutput<Long> out) {}

    @Test
    void shardingAMapAfterTheBuildIsRefusedAndLeavesTheCircuitAsItWas() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (CircuitHandle<MapIo> h = Circuit.build(workers(2), b -> {
                ZSetInput<Long> in = b.zsetInput("numbers");
                ZSetStream<Long> mapped = in.stream().map(x -> x + 1);
                return new MapIo(in, mapped, mapped.output());
            })) {
                h.io().in().push(1L);
                h.step();
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.io().mapped().shard());
                assertTrue(e.getMessage().contains("already built"), e.getMessage());
                h.io().in().push(2L);
                h.io().in().push(3L);
                h.step();
                assertEquals(Map.of(2L, 1L, 3L, 1L, 4L, 1L), h.io().out().integral().toMap(),
                        "the map still runs as built: no worker exchanges in it");
            }
        });
    }

    record FailIo(ZSetInput<String> in, ZSetOutput<String> out) {}

    @Test
    void aFailureOnOneWorkerAbortsTheStepOnAllAndNamesTheWorker() {
        RuntimeException boom = new RuntimeException("boom");
        String name = "failing" + NAMES.incrementAndGet();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            CircuitHandle<FailIo> h = Circuit.build(CircuitConfig.defaults().withWorkers(2).withName(name), b -> {
                ZSetInput<String> in = b.zsetInput("words");
                ZSetStream<String> checked = in.stream().map(s -> {
                    if (s.equals("zz-bad")) {
                        throw boom;
                    }
                    return s;
                }).named("picky map");
                return new FailIo(in, distinct(checked).output());
            });
            h.io().in().push("a");
            h.step();
            // two pushes: worker 0 maps the first, worker 1 the second, which fails while worker 0 waits in
            // the exchange that shards the map's output for distinct
            h.io().in().push("b");
            h.io().in().push("zz-bad");
            CircuitException e = assertThrows(CircuitException.class, h::step);
            assertEquals("picky map", e.operator());
            assertEquals(1, e.worker());
            assertEquals(2, e.step());
            assertSame(boom, e.getCause());
            assertTrue(e.getMessage().contains("picky map") && e.getMessage().contains("worker 1") && e.getMessage().contains("step 2"),
                    e.getMessage());
            assertEquals(CircuitState.FAILED, h.state());
            assertSame(e, assertThrows(IllegalStateException.class, h::step).getCause());
            assertEquals(List.of(), workerThreads(name), "a failed circuit ends its threads");
            h.close();
        });
    }

    @Test
    void aFailureAfterAnExchangeNamesTheWorkerOwningTheKey() {
        for (int owner : new int[] {0, 3}) {
            failOnWorker(owner);
        }
    }

    private static void failOnWorker(int owner) {
        long key = 0;
        while (KeyHash.ownerOfLong(key, 4) != owner) {
            key++;
        }
        long bad = key;
        record Io2(ZSetInput<Long> in, ZSetOutput<Long> out) {}
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            try (CircuitHandle<Io2> h = Circuit.build(workers(4), b -> {
                ZSetInput<Long> in = b.longZSetInput("keys");
                ZSetStream<Long> s = in.stream().shard().filter(x -> {
                    if (x == bad) {
                        throw new IllegalStateException("bad key");
                    }
                    return true;
                }).named("owner check").shard();
                return new Io2(in, s.output());
            })) {
                for (long k = 0; k < 100; k++) {
                    h.io().in().pushLong(k, 1);
                }
                CircuitException e = assertThrows(CircuitException.class, h::step);
                assertEquals("owner check", e.operator());
                assertEquals(owner, e.worker());
                assertEquals(1, e.step());
            }
        });
    }

    @Test
    void closeEndsEveryWorkerThread() {
        String name = "closing" + NAMES.incrementAndGet();
        CircuitHandle<Io> h = Circuit.build(CircuitConfig.defaults().withWorkers(4).withName(name), b -> {
            ZSetInput<Long> in = b.longZSetInput("n");
            return new Io(in, List.of(in.stream().shard().output()));
        });
        assertEquals(List.of("jdbsp-worker-" + name + "-1", "jdbsp-worker-" + name + "-2", "jdbsp-worker-" + name + "-3"),
                workerThreads(name).stream().map(Thread::getName).sorted().toList());
        h.io().in().pushLong(7, 1);
        h.step();
        h.close();
        assertEquals(List.of(), workerThreads(name), "no worker thread is alive after close()");
        assertThrows(IllegalStateException.class, h::step);
        h.close();
    }

    private static List<Thread> workerThreads(String circuit) {
        List<Thread> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().startsWith("jdbsp-worker-" + circuit) && t.isAlive()) {
                out.add(t);
            }
        }
        return out;
    }

    @Test
    void inputsAndOutputsRejectBadInputAsWithOneWorker() {
        try (CircuitHandle<FailIo> h = Circuit.build(workers(2), b -> {
            ZSetInput<String> in = b.zsetInput("words");
            return new FailIo(in, in.stream().map(String::toUpperCase).output());
        })) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.io().in().push(null, 1));
            assertTrue(e.getMessage().contains("null record") && e.getMessage().contains("words"), e.getMessage());
            h.io().in().push("x", Long.MAX_VALUE);
            h.step();
            h.io().in().push("x", 1);
            CircuitException overflow = assertThrows(CircuitException.class, h::step);
            assertInstanceOf(WeightOverflowException.class, overflow.getCause());
            assertTrue(overflow.operator().startsWith("output"), overflow.getMessage());
            assertEquals(0, overflow.worker(), "outputs are gathered on worker 0");
        }
        try (CircuitHandle<FailIo> h = Circuit.build(workers(2), b -> {
            ZSetInput<String> in = b.zsetInput("words");
            return new FailIo(in, in.stream().outputDeltas());
        })) {
            h.io().in().push("x", 1);
            h.io().in().push("x", Long.MAX_VALUE);
            h.io().in().push("x", 1);
            CircuitException e = assertThrows(CircuitException.class, h::step);
            assertEquals("input 'words'", e.operator());
            assertInstanceOf(WeightOverflowException.class, e.getCause());
            assertEquals(1, e.worker(), "the second and third pushes are worker 1's slice");
        }
    }

    @Test
    void theBuildFunctionMustBuildTheSameCircuitEveryTime() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Circuit.build(workers(2), b -> {
            ZSetInput<Long> in = b.longZSetInput("n");
            ZSetStream<Long> s = in.stream();
            if (calls.incrementAndGet() == 2) {
                s = s.filter(x -> x > 0);
            }
            return new Io(in, List.of(s.output()));
        }));
        assertTrue(e.getMessage().contains("same circuit"), e.getMessage());
    }

    @Test
    void inspectorsSeeTheWholeChangeOnTheSteppingThread() {
        List<Map<Long, Long>> seen = new ArrayList<>();
        Set<Thread> threads = new HashSet<>();
        record Io3(ZSetInput<Long> in) {}
        try (CircuitHandle<Io3> h = Circuit.build(workers(4), b -> {
            ZSetInput<Long> in = b.longZSetInput("n");
            in.stream().shard().inspect(z -> {
                threads.add(Thread.currentThread());
                seen.add(new HashMap<>(z.toMap()));
            });
            return new Io3(in);
        })) {
            for (long k = 0; k < 50; k++) {
                h.io().in().pushLong(k, 2);
            }
            h.step();
            h.step();
        }
        assertEquals(2, seen.size(), "one call per step");
        assertEquals(50, seen.get(0).size());
        assertTrue(seen.get(1).isEmpty());
        assertEquals(Set.of(Thread.currentThread()), threads);
    }

    /** A replicated stream: the maximum record seen so far on any worker, the same on every worker. */
    static final class GlobalMax implements UnaryOperator {
        private final Workers workers;
        private long max = Long.MIN_VALUE;

        GlobalMax(Workers workers) {
            this.workers = workers;
        }

        @Override
        public Batch apply(Batch input) {
            long[] m = {max};
            for (int i = 0; i < input.size; i++) {
                m[0] = Math.max(m[0], input.longKeys[i]);
            }
            workers.maxAcross(m);
            BatchBuilder out = new BatchBuilder(Layout.LONGS);
            if (m[0] != max) {
                if (max != Long.MIN_VALUE) {
                    out.addLong(max, -1);
                }
                out.addLong(m[0], 1);
                max = m[0];
            }
            return out.build();
        }
    }

    @Test
    void aReplicatedStreamCountsOnceInSumsAndOutputs() {
        Seeded.trials("replicated maximum on 1, 2 and 4 workers", 6, r -> {
            try (Lockstep run = new Lockstep(true, b -> s -> {
                ZSetStream<Long> max = Wiring.addStream("max", new GlobalMax(b.workers()), Layout.LONGS, Placement.REPLICATED, s);
                assertEquals(Placement.REPLICATED, max.map(x -> x + 1).placement());
                return List.of(max.output(), max.plus(s).output(), s.minus(max).output(), max.shard().output(),
                        max.plus(max).output());
            })) {
                for (int t = 0; t < 8; t++) {
                    for (int i = r.nextInt(20); i > 0; i--) {
                        run.push(r.nextInt(1000), 1);
                    }
                    run.stepAndCompare("after step " + t);
                }
            }
        });
    }
}
