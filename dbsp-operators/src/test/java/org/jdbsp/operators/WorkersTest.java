package org.jdbsp.operators;


import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitBuilder;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.IndexedZSetInput;
import org.jdbsp.circuit.IndexedZSetOutput;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.circuit.internal.KeyHash;
import org.jdbsp.operators.aggregate.Aggregates;
import org.jdbsp.operators.aggregate.Aggregator;
import org.jdbsp.operators.aggregate.IncrementalAggregator;
import org.jdbsp.operators.distinct.Distinct;
import org.jdbsp.operators.join.Differential;
import org.jdbsp.operators.join.Differential.Change;
import org.jdbsp.operators.join.Differential.Shape;
import org.jdbsp.operators.join.Joins;
import org.jdbsp.operators.lag.Lag;
import org.jdbsp.operators.time.LateFilter;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.topk.TopK;
import org.jdbsp.operators.window.WindowAggregation;
import org.jdbsp.operators.window.WindowedAggregates;
import org.jdbsp.operators.window.Windows;
import org.jdbsp.codec.ByteSink;
import org.jdbsp.codec.ByteSource;
import org.jdbsp.codec.Codec;
import org.jdbsp.codec.Codecs;
import org.jdbsp.zset.Orders;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jdbsp.testkit.CircuitTestDriver;
import org.jdbsp.testkit.Trials;

/**
 * Every stateful operator gives exactly the same change in every step, and the same integral, on 1, 2 and 4
 * workers: the same seeded random input is pushed into three circuits in lockstep ({@link CircuitTestDriver})
 * and their outputs (and counters such as late records dropped) are compared after every step.
 */
class WorkersTest {

    /** A joined pair (records compare by their components). */
    record Pair(Object left, Object right) {}

    /** An edge of a graph. */
    record Edge(long src, long dst) {}

    /** An event with an id, a group key, an event time and a price. */
    record Ev(long id, long key, long time, long price) {}

    /** What a circuit under test exposes: its inputs, its outputs and counters to compare, its watermark. */
    record Io(List<IndexedZSetInput<Object, Object>> indexed, ZSetInput<Ev> events, List<Object> outputs,
              List<LongSupplier> counters, Watermark watermark) {}

    /**
     * The same circuit built for 1, 2 and 4 workers and driven in lockstep by the test kit, which compares
     * every output's change and integral, and every counter, after each step.
     */
    static CircuitTestDriver<Io> lockstep(Function<CircuitBuilder, Io> build) {
        return CircuitTestDriver.builder().config(CircuitConfig.defaults().withCodecs(CODECS)).start(build)
                .watch("output", Io::outputs).watch("counter", Io::counters);
    }

    /** The codecs of the tests' records, for runs with storage ({@link SpilledWorkersTest}, -Pstorage-forced). */
    static final Codecs CODECS = Codecs.defaults().with(Object.class, new AnyCodec());

    /** The components typed {@code Object} of the tests' {@link Pair}: longs, ints, strings and pairs, tagged. */
    static final class AnyCodec implements Codec<Object> {
        @Override
        public void encode(Object value, ByteSink out) {
            if (value instanceof Long l) {
                out.writeByte(0);
                out.writeLong(l);
            } else if (value instanceof Integer i) {
                out.writeByte(3);
                out.writeInt(i);
            } else if (value instanceof String s) {
                out.writeByte(1);
                out.writeString(s);
            } else if (value instanceof Pair p) {
                out.writeByte(2);
                encode(p.left(), out);
                encode(p.right(), out);
            } else {
                throw new IllegalArgumentException("the test codec has no tag for " + value.getClass());
            }
        }

        @Override
        public Object decode(ByteSource in) {
            return switch (in.readByte()) {
                case 0 -> in.readLong();
                case 1 -> in.readString();
                case 2 -> new Pair(decode(in), decode(in));
                case 3 -> in.readInt();
                default -> throw new IllegalArgumentException("unknown tag");
            };
        }
    }


    /** Pushes one change into the circuit's indexed input it names. */
    static void push(Io io, Change c) {
        io.indexed().get(c.input()).push(c.key(), c.value(), c.weight());
    }

    /** Outputs of any kind: an indexed stream or a plain stream. */
    static Object output(Object stream) {
        return stream instanceof ZSetStream ? ((ZSetStream<?>) stream).output() : ((IndexedZSetStream<?, ?>) stream).output();
    }

    /** A keyed operator under test: its name, the shapes it accepts, its number of inputs, and its wiring. */
    record Keyed(String name, List<Shape> shapes, int inputs, BiFunction<CircuitBuilder, List<IndexedZSetStream<Object, Object>>, Object> wire) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Shape> ALL = List.of(Shape.values());
    private static final List<Shape> OBJECT_VALUES = List.of(Shape.LONG_KEYS, Shape.OBJECT_KEYS);
    private static final List<Shape> LONG_VALUES = List.of(Shape.LONG_KEYS_LONG_VALUES, Shape.OBJECT_KEYS_LONG_VALUES);

    private static long number(Object v) {
        return ((Number) v).longValue();
    }

    /** A user-defined aggregate: a group's values with their weights, as text. */
    static Aggregator<Object, StringBuilder, String> concat() {
        return new Aggregator<>() {
            @Override
            public StringBuilder zero() {
                return new StringBuilder();
            }

            @Override
            public StringBuilder add(StringBuilder acc, Object value, long weight) {
                return acc.append(value).append('x').append(weight).append(' ');
            }

            @Override
            public String result(StringBuilder acc) {
                return acc.toString();
            }
        };
    }

    static List<Keyed> keyed() {
        Comparator<Object> natural = Orders.natural();
        Comparator<Object> byNumberDesc = (a, b) -> Long.compare(number(b), number(a));
        Aggregator<Object, StringBuilder, String> concat = concat();
        return List.of(
                new Keyed("join", ALL, 2, (b, s) -> Joins.join(s.get(0), s.get(1), Pair::new)),
                new Keyed("joinWhere", ALL, 2, (b, s) -> Joins.joinWhere(s.get(0), s.get(1), (x, y) -> number(x) < number(y), Pair::new)),
                new Keyed("joinWithKey", ALL, 2, (b, s) -> Joins.joinWithKey(s.get(0), s.get(1), (k, x, y) -> new Pair(k, new Pair(x, y)),
                        Orders.natural())),
                new Keyed("joinWhereByKey then top-1 per key", ALL, 2, (b, s) -> TopK.topKInValueOrder(
                        Joins.joinWhereByKey(s.get(0), s.get(1), (x, y) -> number(x) < number(y), Pair::new, natural), 1)),
                new Keyed("self join", ALL, 1, (b, s) -> Joins.join(s.get(0), s.get(0), Pair::new)),
                new Keyed("lookupJoin", ALL, 2, (b, s) -> Joins.lookupJoin(s.get(0), s.get(1), Pair::new)),
                new Keyed("leftJoin", ALL, 2, (b, s) -> Joins.leftJoin(s.get(0), s.get(1), (x, y) -> new Pair(x, y == null ? "none" : y))),
                new Keyed("semiJoin", ALL, 2, (b, s) -> Joins.semiJoin(s.get(0), s.get(1))),
                new Keyed("antiJoin", ALL, 2, (b, s) -> Joins.antiJoin(s.get(0), s.get(1))),
                new Keyed("count", ALL, 1, (b, s) -> Aggregates.count(s.get(0))),
                new Keyed("sum", ALL, 1, (b, s) -> Aggregates.sum(s.get(0), WorkersTest::number)),
                new Keyed("average", ALL, 1, (b, s) -> Aggregates.average(s.get(0), WorkersTest::number)),
                new Keyed("averageAsDouble", ALL, 1, (b, s) -> Aggregates.averageAsDouble(s.get(0), WorkersTest::number)),
                new Keyed("min", OBJECT_VALUES, 1, (b, s) -> Aggregates.min(s.get(0), natural)),
                new Keyed("max", OBJECT_VALUES, 1, (b, s) -> Aggregates.max(s.get(0), natural)),
                new Keyed("minLong", LONG_VALUES, 1, (b, s) -> Aggregates.minLong(Differential.cast(s.get(0)))),
                new Keyed("maxLong", LONG_VALUES, 1, (b, s) -> Aggregates.maxLong(Differential.cast(s.get(0)))),
                new Keyed("countDistinct", ALL, 1, (b, s) -> Aggregates.countDistinct(s.get(0))),
                new Keyed("user aggregate", ALL, 1, (b, s) -> Aggregates.aggregate(s.get(0), concat)),
                new Keyed("incremental aggregate", ALL, 1, (b, s) -> Aggregates.incremental(s.get(0), new SumCount(), Orders.natural())),
                new Keyed("indexed distinct", ALL, 1, (b, s) -> Distinct.distinct(s.get(0))),
                new Keyed("distinct", ALL, 1, (b, s) -> Distinct.distinct(s.get(0).map(Pair::new))),
                new Keyed("topK", ALL, 1, (b, s) -> TopK.topK(s.get(0), 2, byNumberDesc)),
                new Keyed("rowNumbers", ALL, 1, (b, s) -> TopK.rowNumbers(s.get(0), 3, byNumberDesc)),
                new Keyed("lastN", ALL, 1, (b, s) -> TopK.lastN(s.get(0), 2, WorkersTest::number)),
                new Keyed("topKInValueOrder", ALL, 1, (b, s) -> TopK.topKInValueOrder(s.get(0), 2)),
                new Keyed("rowNumbersInValueOrder", ALL, 1, (b, s) -> TopK.rowNumbersInValueOrder(s.get(0), 2)),
                new Keyed("lag", ALL, 1, (b, s) -> Lag.lag(s.get(0), natural)),
                new Keyed("join with a table", ALL, 1, (b, s) -> Joins.join(s.get(0), table(b, "table", s.get(0)), Pair::new)
                        .plus(Joins.semiJoin(table(b, "semi-joined table", s.get(0)), s.get(0)).map(Pair::new))),
                new Keyed("count of a table plus an input", ALL, 1, (b, s) -> Aggregates.count(s.get(0).plus(table(b, "table", s.get(0))))));
    }

    /**
     * A static table named {@code name} (unique in its circuit) of the input's layout holding keys 0 to 5, each with
     * value 1 (or "1"), and key 2 twice.
     */
    private static IndexedZSetStream<Object, Object> table(CircuitBuilder b, String name, IndexedZSetStream<Object, Object> like) {
        Shape shape = null;
        for (Shape s : Shape.values()) {
            if (s.layout.equals(like.layout())) {
                shape = s;
            }
        }
        org.jdbsp.zset.IndexedZSetBuilder<Object, Object> t = org.jdbsp.zset.IndexedZSet.builder(shape.layout);
        for (int k = 0; k < 6; k++) {
            t.add(key(shape, k), value(shape, 1), k == 2 ? 2 : 1);
        }
        return b.table(name, t.build());
    }

    private static Object key(Shape shape, int n) {
        return shape.layout.keyKind() == org.jdbsp.zset.ColumnKind.LONG ? (Object) (long) n : "k" + n;
    }

    private static Object value(Shape shape, int n) {
        return shape.layout.valueKind() == org.jdbsp.zset.ColumnKind.LONG ? (Object) (long) n : (Object) n;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyed")
    void keyedOperatorGivesTheSameChangesOnEveryWorkerCount(Keyed op) {
        for (Shape shape : op.shapes()) {
            Trials.run(op.name() + " on 1, 2, 4 workers [" + shape + "]", 2, r -> {
                List<Change> changes = Differential.randomChanges(r, shape, op.inputs(), 150, 8, 6, false);
                try (CircuitTestDriver<Io> run = lockstep(b -> {
                    List<IndexedZSetInput<Object, Object>> ins = new ArrayList<>();
                    List<IndexedZSetStream<Object, Object>> streams = new ArrayList<>();
                    for (int i = 0; i < op.inputs(); i++) {
                        ins.add(b.indexedInput("in" + i, shape.layout));
                        streams.add(ins.get(i).stream());
                    }
                    return new Io(ins, null, List.of(output(op.wire().apply(b, streams))), List.of(), null);
                })) {
                    feed(r, changes, run);
                }
            });
        }
    }

    private static void feed(SplittableRandom r, List<Change> changes, CircuitTestDriver<Io> run) {
        for (int from = 0; from < changes.size(); ) {
            int to = Math.min(changes.size(), from + 1 + r.nextInt(40));
            List<Change> step = changes.subList(from, to);
            run.push(io -> step.forEach(c -> push(io, c))).step();
            from = to;
        }
        run.step();   // an empty step
    }

    @Test
    void aggregatesOfKeysThatAllHashToOneWorkerAreRight() {
        Trials.run("count and max of skewed keys on 1, 2, 4 workers", 3, r -> {
            List<Change> changes = new ArrayList<>();
            for (Change c : Differential.randomChanges(r, Shape.LONG_KEYS_LONG_VALUES, 1, 300, 400, 9, false)) {
                if (KeyHash.ownerOfLong((Long) c.key(), 2) == 0 && KeyHash.ownerOfLong((Long) c.key(), 4) == 0) {
                    changes.add(c);
                }
            }
            try (CircuitTestDriver<Io> run = lockstep(b -> {
                IndexedZSetInput<Object, Object> in = b.indexedInput("skewed", Shape.LONG_KEYS_LONG_VALUES.layout);
                IndexedZSetStream<Long, Long> s = Differential.cast(in.stream());
                return new Io(List.of(in), null, List.of(Aggregates.count(s).output(), Aggregates.maxLong(s).output()), List.of(), null);
            })) {
                feed(r, changes, run);
            }
        });
    }

    @Test
    void recursionOverJoinsAndDistinctGivesTheSameClosure() {
        Trials.run("transitive closure on 1, 2, 4 workers", 3, r -> {
            List<Change> edges = Differential.randomChanges(r, Shape.LONG_KEYS_LONG_VALUES, 1, 60, 10, 10, false);
            try (CircuitTestDriver<Io> run = lockstep(b -> {
                IndexedZSetInput<Object, Object> in = b.indexedInput("edges", Shape.LONG_KEYS_LONG_VALUES.layout);
                ZSetStream<Edge> closure = b.<Edge>recursive((scope, reach) -> {
                    IndexedZSetStream<Long, Long> bySrc = Differential.cast(scope.importStream(in.stream()));
                    IndexedZSetStream<Long, Long> byDst = reach.indexLongToLong(Edge::dst, Edge::src);
                    ZSetStream<Edge> direct = bySrc.map(Edge::new);
                    ZSetStream<Edge> extended = Joins.join(byDst, bySrc, Edge::new);
                    return Distinct.distinct(direct.plus(extended));
                });
                return new Io(List.of(in), null, List.of(closure.output()), List.of(), null);
            })) {
                feed(r, edges, run);
            }
        });
    }

    /** An event-time operator under test: wired onto the events and their watermark; may add counters. */
    record Timed(String name, TimedWiring wire) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** Wires an event-time operator; returns the streams to output. */
    interface TimedWiring {
        List<Object> wire(ZSetStream<Ev> events, Watermark wm, List<LongSupplier> counters);
    }

    static List<Timed> timed() {
        return List.of(
                new Timed("watermark", (e, wm, c) -> {
                    c.add(wm::current);
                    c.add(wm::maxEventTime);
                    return List.of(wm.stream(), e.plus(e.filter(x -> x.price() > 5)));
                }),
                new Timed("dropLate", (e, wm, c) -> {
                    LateFilter<Ev> late = Watermarks.dropLate(e, wm, Ev::time, 100);
                    c.add(late::dropped);
                    return List.of(late.stream());
                }),
                new Timed("tumbling count", (e, wm, c) -> windows(WindowedAggregates.count(e, Ev::key, Ev::time, Windows.tumbling(1_000), wm), c)),
                new Timed("hopping sum with lateness", (e, wm, c) -> windows(WindowedAggregates.aggregate(e, Ev::key, Ev::time,
                        Windows.hopping(2_000, 500), wm, 300, org.jdbsp.operators.window.WindowAggregate.sum(Ev::price)), c)),
                new Timed("tumbling max by record key", (e, wm, c) -> windows(WindowedAggregates.max(e, x -> List.of(x.key(), x.price() % 2),
                        Ev::time, Windows.tumbling(700), wm, Ev::price), c)),
                new Timed("session min with lateness", (e, wm, c) -> windows(WindowedAggregates.aggregate(e, Ev::key, Ev::time,
                        Windows.session(400), wm, 200, org.jdbsp.operators.window.WindowAggregate.min(Ev::price)), c)),
                new Timed("hopping user IncrementalAggregator with lateness", (e, wm, c) -> windows(WindowedAggregates.aggregate(e,
                        Ev::key, Ev::time, Windows.hopping(2_000, 500), wm, 300,
                        org.jdbsp.operators.window.WindowAggregate.incremental(new SumCount(x -> ((Ev) x).price()))), c)),
                new Timed("session user IncrementalAggregator", (e, wm, c) -> windows(WindowedAggregates.aggregate(e, Ev::key,
                        Ev::time, Windows.session(400), wm, 0, org.jdbsp.operators.window.WindowAggregate.incremental(new SumCount(x -> ((Ev) x).price()))), c)),
                new Timed("stamp", (e, wm, c) -> List.of(Watermarks.stamp(e, wm, (x, t) -> new Pair(x, t)))),
                new Timed("join forgetting keys below the watermark", (e, wm, c) -> {
                    IndexedZSetStream<Long, Ev> bySecond = e.indexByLong(x -> x.time() / 1_000 * 1_000, x -> x);
                    Watermarks.forgetKeysBelow(bySecond, wm, 1_000);
                    return List.of(Joins.joinWhere(bySecond, bySecond, (x, y) -> x.id() < y.id(), (x, y) -> new Pair(x.id(), y.id())));
                }),
                new Timed("interval join by key forgetting values below the watermark", (e, wm, c) -> {
                    IndexedZSetStream<Long, Ev> byKey = Watermarks.dropLate(e, wm, Ev::time, 0).stream().indexByLong(Ev::key, x -> x);
                    Watermarks.forgetValuesBelow(byKey, wm, x -> x.time() + 200, 0);
                    return List.of(Joins.joinWhere(byKey, byKey, (x, y) -> x.id() < y.id() && Math.abs(x.time() - y.time()) <= 200,
                            (x, y) -> new Pair(x.id(), y.id())));
                }));
    }

    private static List<Object> windows(WindowAggregation<?, ?> w, List<LongSupplier> counters) {
        counters.add(w::droppedLate);
        counters.add(w::stateTuples);
        counters.add(w::watermark);
        return List.of(w.stream());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timed")
    void eventTimeOperatorGivesTheSameChangesOnEveryWorkerCount(Timed op) {
        Trials.run(op.name() + " on 1, 2, 4 workers", 3, r -> {
            try (CircuitTestDriver<Io> run = lockstep(b -> {
                ZSetInput<Ev> events = b.zsetInput("events");
                Watermark wm = Watermarks.watermark(events.stream(), Ev::time, 300);
                List<LongSupplier> counters = new ArrayList<>();
                List<Object> outs = new ArrayList<>();
                for (Object s : op.wire().wire(events.stream(), wm, counters)) {
                    outs.add(output(s));
                }
                return new Io(List.of(), events, outs, counters, wm);
            })) {
                List<Ev> live = new ArrayList<>();
                long clock = 10_000;
                for (int step = 0; step < 25; step++) {
                    for (int i = r.nextInt(25); i > 0; i--) {
                        if (!live.isEmpty() && r.nextInt(6) == 0) {
                            Ev gone = live.remove(r.nextInt(live.size()));
                            run.push(io -> io.events().push(gone, -1));
                        } else {
                            clock += r.nextInt(60);
                            Ev e = new Ev(r.nextLong(), r.nextInt(6), clock - r.nextInt(700), r.nextInt(10));
                            live.add(e);
                            run.push(io -> io.events().push(e, 1));
                        }
                    }
                    run.step();
                }
                run.push(io -> io.watermark().endOfInput()).step();
            }
        });
    }

    @Test
    void aTableIsCountedOnceByEveryWorkerCount() {
        try (CircuitTestDriver<Io> run = lockstep(b -> {
            ZSetStream<String> t = b.table("words", ZSet.of("a", "b", "b"));
            return new Io(List.of(), null, List.of(t.output(), Distinct.distinct(t).output(), t.map(String::length).output()), List.of(), null);
        })) {
            run.step().step();
        }
    }
}
