package org.jdbsp.operators;

import static org.jdbsp.testkit.ZSetAssertions.assertContentEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitBuilder;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.IndexedZSetInput;
import org.jdbsp.circuit.IndexedZSetOutput;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.operators.WorkersTest.Ev;
import org.jdbsp.operators.WorkersTest.Pair;
import org.jdbsp.operators.aggregate.Aggregates;
import org.jdbsp.operators.aggregate.Aggregator;
import org.jdbsp.operators.distinct.Distinct;
import org.jdbsp.operators.join.Differential;
import org.jdbsp.operators.join.Differential.Change;
import org.jdbsp.operators.join.Differential.Shape;
import org.jdbsp.operators.join.Joins;
import org.jdbsp.operators.lag.Lag;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.topk.TopK;
import org.jdbsp.operators.window.WindowedAggregates;
import org.jdbsp.operators.window.Windows;
import org.jdbsp.zset.Orders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.jdbsp.testkit.Trials;

/**
 * The fluent operators of {@link Relation} and {@link IndexedRelation} give exactly the changes of the static
 * entries they stand for: each family is wired both ways in one circuit over the same inputs, on 1 and 2
 * workers, and the two outputs are compared after every step of seeded random changes (insertions and
 * deletions). Also: relations and core streams mix freely.
 */
class RelationTest {
    private static final int[] WORKERS = {1, 2};
    private static final List<Shape> ALL = List.of(Shape.values());
    private static final List<Shape> OBJECT_VALUES = List.of(Shape.LONG_KEYS, Shape.OBJECT_KEYS);
    private static final List<Shape> LONG_VALUES = List.of(Shape.LONG_KEYS_LONG_VALUES, Shape.OBJECT_KEYS_LONG_VALUES);
    private static final List<Shape> LONG_KEYS = List.of(Shape.LONG_KEYS, Shape.LONG_KEYS_LONG_VALUES);

    private static long number(Object v) {
        return ((Number) v).longValue();
    }

    private static final Comparator<Object> NATURAL = Orders.natural();
    private static final Comparator<Object> BY_NUMBER_DESC = (a, b) -> Long.compare(number(b), number(a));
    private static final Comparator<Object> BY_TEXT = Comparator.comparing(Object::toString);

    /** Concatenates a group's values with their weights. */
    private static final Aggregator<Object, StringBuilder, String> CONCAT = WorkersTest.concat();

    /** A keyed operator wired by its static entry and by the fluent method standing for it. */
    record Keyed(String name, List<Shape> shapes, int inputs,
                 BiFunction<CircuitBuilder, List<IndexedZSetStream<Object, Object>>, Object> statics,
                 BiFunction<CircuitBuilder, List<IndexedRelation<Object, Object>>, Object> fluent) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Keyed> keyed() {
        return List.of(
                new Keyed("join", ALL, 2, (b, s) -> Joins.join(s.get(0), s.get(1), Pair::new),
                        (b, s) -> s.get(0).join(s.get(1), Pair::new)),
                new Keyed("join with an order", ALL, 2, (b, s) -> Joins.join(s.get(0), s.get(1), Pair::new, BY_TEXT),
                        (b, s) -> s.get(0).join(s.get(1), Pair::new, BY_TEXT)),
                new Keyed("joinWhere", ALL, 2, (b, s) -> Joins.joinWhere(s.get(0), s.get(1), (x, y) -> number(x) < number(y), Pair::new),
                        (b, s) -> s.get(0).joinWhere(s.get(1), (x, y) -> number(x) < number(y), Pair::new)),
                new Keyed("joinWhere with an order", ALL, 2,
                        (b, s) -> Joins.joinWhere(s.get(0), s.get(1), (x, y) -> number(x) != number(y), Pair::new, BY_TEXT),
                        (b, s) -> s.get(0).joinWhere(s.get(1), (x, y) -> number(x) != number(y), Pair::new, BY_TEXT)),
                new Keyed("joinWhereByKey", ALL, 2,
                        (b, s) -> Joins.joinWhereByKey(s.get(0), s.get(1), (x, y) -> number(x) < number(y), Pair::new, NATURAL),
                        (b, s) -> s.get(0).joinWhereByKey(s.get(1), (x, y) -> number(x) < number(y), Pair::new, NATURAL)),
                new Keyed("joinWithKey", ALL, 2, (b, s) -> Joins.joinWithKey(s.get(0), s.get(1), (k, x, y) -> new Pair(k, new Pair(x, y)), NATURAL),
                        (b, s) -> s.get(0).joinWithKey(s.get(1), (k, x, y) -> new Pair(k, new Pair(x, y)), NATURAL)),
                new Keyed("joinWithLongKey", LONG_KEYS, 2,
                        (b, s) -> Joins.joinWithLongKey(Differential.cast(s.get(0)), Differential.cast(s.get(1)),
                                (long k, Object x, Object y) -> new Pair(k, new Pair(x, y)), NATURAL),
                        (b, s) -> s.get(0).joinWithLongKey(Differential.cast(s.get(1)), (k, x, y) -> new Pair(k, new Pair(x, y)), NATURAL)),
                new Keyed("self join", ALL, 1, (b, s) -> Joins.join(s.get(0), s.get(0), Pair::new),
                        (b, s) -> s.get(0).join(s.get(0), Pair::new)),
                new Keyed("lookupJoin", ALL, 2, (b, s) -> Joins.lookupJoin(s.get(0), s.get(1), Pair::new),
                        (b, s) -> s.get(0).lookupJoin(s.get(1), Pair::new)),
                new Keyed("lookupJoin with an order", ALL, 2, (b, s) -> Joins.lookupJoin(s.get(0), s.get(1), Pair::new, BY_TEXT),
                        (b, s) -> s.get(0).lookupJoin(s.get(1), Pair::new, BY_TEXT)),
                new Keyed("leftJoin", ALL, 2, (b, s) -> Joins.leftJoin(s.get(0), s.get(1), (x, y) -> new Pair(x, y == null ? "none" : y)),
                        (b, s) -> s.get(0).leftJoin(s.get(1), (x, y) -> new Pair(x, y == null ? "none" : y))),
                new Keyed("leftJoin with an order", ALL, 2,
                        (b, s) -> Joins.leftJoin(s.get(0), s.get(1), (x, y) -> new Pair(x, y == null ? "none" : y), BY_TEXT),
                        (b, s) -> s.get(0).leftJoin(s.get(1), (x, y) -> new Pair(x, y == null ? "none" : y), BY_TEXT)),
                new Keyed("semiJoin", ALL, 2, (b, s) -> Joins.semiJoin(s.get(0), s.get(1)), (b, s) -> s.get(0).semiJoin(s.get(1))),
                new Keyed("antiJoin", ALL, 2, (b, s) -> Joins.antiJoin(s.get(0), s.get(1)), (b, s) -> s.get(0).antiJoin(s.get(1))),
                new Keyed("count", ALL, 1, (b, s) -> Aggregates.count(s.get(0)), (b, s) -> s.get(0).count()),
                new Keyed("sum of a function", ALL, 1, (b, s) -> Aggregates.sum(s.get(0), RelationTest::number),
                        (b, s) -> s.get(0).sum(RelationTest::number)),
                new Keyed("sum of the values", ALL, 1, (b, s) -> Aggregates.sum(Differential.<Object, Long>cast(s.get(0))),
                        (b, s) -> s.get(0).sum()),
                new Keyed("average", ALL, 1, (b, s) -> Aggregates.average(s.get(0), RelationTest::number),
                        (b, s) -> s.get(0).average(RelationTest::number)),
                new Keyed("averageAsDouble", ALL, 1, (b, s) -> Aggregates.averageAsDouble(s.get(0), RelationTest::number),
                        (b, s) -> s.get(0).averageAsDouble(RelationTest::number)),
                new Keyed("min", OBJECT_VALUES, 1, (b, s) -> Aggregates.min(s.get(0), NATURAL), (b, s) -> s.get(0).min(NATURAL)),
                new Keyed("max", OBJECT_VALUES, 1, (b, s) -> Aggregates.max(s.get(0), NATURAL), (b, s) -> s.get(0).max(NATURAL)),
                new Keyed("minLong", LONG_VALUES, 1, (b, s) -> Aggregates.minLong(Differential.cast(s.get(0))), (b, s) -> s.get(0).minLong()),
                new Keyed("maxLong", LONG_VALUES, 1, (b, s) -> Aggregates.maxLong(Differential.cast(s.get(0))), (b, s) -> s.get(0).maxLong()),
                new Keyed("countDistinct", ALL, 1, (b, s) -> Aggregates.countDistinct(s.get(0)), (b, s) -> s.get(0).countDistinct()),
                new Keyed("user aggregate", ALL, 1, (b, s) -> Aggregates.aggregate(s.get(0), CONCAT), (b, s) -> s.get(0).aggregate(CONCAT)),
                new Keyed("user aggregate with an order", ALL, 1, (b, s) -> Aggregates.aggregate(s.get(0), CONCAT, BY_TEXT),
                        (b, s) -> s.get(0).aggregate(CONCAT, BY_TEXT)),
                new Keyed("incremental aggregate", ALL, 1, (b, s) -> Aggregates.incremental(s.get(0), new SumCount(), NATURAL),
                        (b, s) -> s.get(0).incremental(new SumCount(), NATURAL)),
                new Keyed("indexed distinct", ALL, 1, (b, s) -> Distinct.distinct(s.get(0)), (b, s) -> s.get(0).distinct()),
                new Keyed("distinct", ALL, 1, (b, s) -> Distinct.distinct(s.get(0).map(Pair::new)), (b, s) -> s.get(0).map(Pair::new).distinct()),
                new Keyed("groupBy then count", ALL, 1, (b, s) -> Aggregates.count(s.get(0).map(Pair::new).index(p -> number(p.right()) % 3, p -> p)),
                        (b, s) -> s.get(0).map(Pair::new).groupBy(p -> number(p.right()) % 3).count()),
                new Keyed("topK", ALL, 1, (b, s) -> TopK.topK(s.get(0), 2, BY_NUMBER_DESC), (b, s) -> s.get(0).topK(2, BY_NUMBER_DESC)),
                new Keyed("rowNumbers", ALL, 1, (b, s) -> TopK.rowNumbers(s.get(0), 3, BY_NUMBER_DESC), (b, s) -> s.get(0).rowNumbers(3, BY_NUMBER_DESC)),
                new Keyed("lastN", ALL, 1, (b, s) -> TopK.lastN(s.get(0), 2, RelationTest::number), (b, s) -> s.get(0).lastN(2, RelationTest::number)),
                new Keyed("topKInValueOrder", ALL, 1, (b, s) -> TopK.topKInValueOrder(s.get(0), 2), (b, s) -> s.get(0).topKInValueOrder(2)),
                new Keyed("rowNumbersInValueOrder", ALL, 1, (b, s) -> TopK.rowNumbersInValueOrder(s.get(0), 2),
                        (b, s) -> s.get(0).rowNumbersInValueOrder(2)),
                new Keyed("lag", ALL, 1, (b, s) -> Lag.lag(s.get(0), NATURAL), (b, s) -> s.get(0).lag(NATURAL)));
    }

    /** What a circuit under test exposes: its inputs, and the static and fluent outputs, pairwise. */
    record Io(List<IndexedZSetInput<Object, Object>> indexed, ZSetInput<Ev> events, List<Watermark> watermarks,
              List<Object> statics, List<Object> fluent) {}

    private static CircuitHandle<Io> build(int workers, java.util.function.Function<CircuitBuilder, Io> build) {
        return Circuit.build(CircuitConfig.defaults().withWorkers(workers), build);
    }

    private static void stepAndCompare(CircuitHandle<Io> h, String when) {
        h.step();
        for (int o = 0; o < h.io().statics().size(); o++) {
            Object s = h.io().statics().get(o);
            Object f = h.io().fluent().get(o);
            assertContentEquals("change of output " + o + " " + when, content(s, false), content(f, false));
            assertContentEquals("integral of output " + o + " " + when, content(s, true), content(f, true));
        }
    }

    /** The change (or the integral) an output holds. */
    static Object content(Object output, boolean integral) {
        if (output instanceof ZSetOutput<?> o) {
            return integral ? o.integral() : o.delta();
        }
        IndexedZSetOutput<?, ?> o = (IndexedZSetOutput<?, ?>) output;
        return integral ? o.integral() : o.delta();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyed")
    @Timeout(120)
    void aFluentKeyedOperatorGivesTheChangesOfItsStaticEntry(Keyed op) {
        for (int workers : WORKERS) {
            for (Shape shape : op.shapes()) {
                Trials.run(op.name() + " fluent vs static on " + workers + " workers [" + shape + "]", 2, r -> {
                    List<Change> changes = Differential.randomChanges(r, shape, op.inputs(), 120, 8, 6, false);
                    try (CircuitHandle<Io> h = build(workers, b -> {
                        List<IndexedZSetInput<Object, Object>> ins = new ArrayList<>();
                        List<IndexedZSetStream<Object, Object>> streams = new ArrayList<>();
                        List<IndexedRelation<Object, Object>> relations = new ArrayList<>();
                        for (int i = 0; i < op.inputs(); i++) {
                            ins.add(b.indexedInput("in" + i, shape.layout));
                            streams.add(ins.get(i).stream());
                            relations.add(IndexedRelation.of(ins.get(i)));
                        }
                        return new Io(ins, null, List.of(), List.of(WorkersTest.output(op.statics().apply(b, streams))),
                                List.of(WorkersTest.output(op.fluent().apply(b, relations))));
                    })) {
                        int step = 0;
                        for (int from = 0; from < changes.size(); step++) {
                            int to = Math.min(changes.size(), from + 1 + r.nextInt(30));
                            for (Change c : changes.subList(from, to)) {
                                h.io().indexed().get(c.input()).push(c.key(), c.value(), c.weight());
                            }
                            stepAndCompare(h, "after step " + step);
                            from = to;
                        }
                        stepAndCompare(h, "after an empty step");
                    }
                });
            }
        }
    }

    /** An event-time operator wired by its static entries and by the fluent methods standing for them. */
    record Timed(String name, BiFunction<ZSetStream<Ev>, Watermark, List<Object>> statics, BiFunction<Relation<Ev>, Watermark, List<Object>> fluent) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Timed> timed() {
        return List.of(
                new Timed("watermark", (e, wm) -> List.of(wm.stream()), (e, wm) -> List.of(wm.stream())),
                new Timed("dropLate", (e, wm) -> List.of(Watermarks.dropLate(e, wm, Ev::time, 100).stream()),
                        (e, wm) -> List.of(e.dropLate(wm, Ev::time, 100))),
                new Timed("stamp", (e, wm) -> List.of(Watermarks.stamp(e, wm, Pair::new)), (e, wm) -> List.of(e.stamp(wm, Pair::new))),
                new Timed("tumbling count", (e, wm) -> List.of(WindowedAggregates.count(e, Ev::key, Ev::time, Windows.tumbling(1_000), wm).stream()),
                        (e, wm) -> List.of(e.window(Windows.tumbling(1_000), Ev::time, wm).count(Ev::key))),
                new Timed("hopping sum", (e, wm) -> List.of(WindowedAggregates.sum(e, Ev::key, Ev::time, Windows.hopping(2_000, 500), wm, Ev::price).stream()),
                        (e, wm) -> List.of(e.window(Windows.hopping(2_000, 500), Ev::time, wm).sum(Ev::key, Ev::price))),
                new Timed("tumbling max and min", (e, wm) -> List.of(
                                WindowedAggregates.max(e, Ev::key, Ev::time, Windows.tumbling(700), wm, Ev::price).stream(),
                                WindowedAggregates.min(e, Ev::key, Ev::time, Windows.tumbling(700), wm, Ev::price).stream()),
                        (e, wm) -> List.of(e.window(Windows.tumbling(700), Ev::time, wm).max(Ev::key, Ev::price),
                                e.window(Windows.tumbling(700), Ev::time, wm).min(Ev::key, Ev::price))),
                new Timed("hopping aggregate with lateness", (e, wm) -> List.of(WindowedAggregates.aggregate(e, Ev::key, Ev::time,
                                Windows.hopping(2_000, 500), wm, 300, org.jdbsp.operators.window.WindowAggregate.sum(Ev::price)).stream()),
                        (e, wm) -> List.of(e.window(Windows.hopping(2_000, 500), Ev::time, wm).allowedLateness(300)
                                .aggregate(Ev::key, org.jdbsp.operators.window.WindowAggregate.sum(Ev::price)))),
                new Timed("hopping count by long key", (e, wm) -> List.of(WindowedAggregates.countByLong(e, Ev::key, Ev::time,
                                Windows.hopping(2_000, 500), wm).stream()),
                        (e, wm) -> List.of(e.window(Windows.hopping(2_000, 500), Ev::time, wm).countByLong(Ev::key))),
                new Timed("session aggregate by long key with lateness", (e, wm) -> List.of(WindowedAggregates.aggregate(e, Ev::key,
                                Ev::time, Windows.session(400), wm, 200, org.jdbsp.operators.window.WindowAggregate.count()).stream()),
                        (e, wm) -> List.of(e.window(Windows.session(400), Ev::time, wm).allowedLateness(200)
                                .aggregateByLong(Ev::key, org.jdbsp.operators.window.WindowAggregate.count()))),
                new Timed("session count with lateness", (e, wm) -> List.of(WindowedAggregates.aggregate(e, Ev::key, Ev::time,
                                Windows.session(400), wm, 200, org.jdbsp.operators.window.WindowAggregate.count()).stream()),
                        (e, wm) -> List.of(e.window(Windows.session(400), Ev::time, wm).allowedLateness(200).count(Ev::key))),
                new Timed("join forgetting keys below the watermark", (e, wm) -> {
                    IndexedZSetStream<Long, Ev> bySecond = e.indexByLong(x -> x.time() / 1_000 * 1_000, x -> x);
                    Watermarks.forgetKeysBelow(bySecond, wm, 1_000);
                    return List.of(Joins.joinWhere(bySecond, bySecond, (x, y) -> x.id() < y.id(), (x, y) -> new Pair(x.id(), y.id())));
                }, (e, wm) -> {
                    IndexedRelation<Long, Ev> bySecond = e.indexByLong(x -> x.time() / 1_000 * 1_000, x -> x).forgetKeysBelow(wm, 1_000);
                    return List.of(bySecond.joinWhere(bySecond, (x, y) -> x.id() < y.id(), (x, y) -> new Pair(x.id(), y.id())));
                }),
                new Timed("interval join forgetting values below the watermark", (e, wm) -> {
                    IndexedZSetStream<Long, Ev> byKey = Watermarks.dropLate(e, wm, Ev::time, 0).stream().indexByLong(Ev::key, x -> x);
                    Watermarks.forgetValuesBelow(byKey, wm, x -> x.time() + 200, 0);
                    return List.of(Joins.joinWhere(byKey, byKey, (x, y) -> x.id() < y.id() && Math.abs(x.time() - y.time()) <= 200,
                            (x, y) -> new Pair(x.id(), y.id())));
                }, (e, wm) -> {
                    IndexedRelation<Long, Ev> byKey = e.dropLate(wm, Ev::time, 0).indexByLong(Ev::key, x -> x)
                            .forgetValuesBelow(wm, x -> x.time() + 200, 0);
                    return List.of(byKey.joinWhere(byKey, (x, y) -> x.id() < y.id() && Math.abs(x.time() - y.time()) <= 200,
                            (x, y) -> new Pair(x.id(), y.id())));
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("timed")
    @Timeout(120)
    void aFluentEventTimeOperatorGivesTheChangesOfItsStaticEntry(Timed op) {
        for (int workers : WORKERS) {
            Trials.run(op.name() + " fluent vs static on " + workers + " workers", 3, r -> {
                try (CircuitHandle<Io> h = build(workers, b -> {
                    ZSetInput<Ev> events = b.zsetInput("events");
                    Watermark staticMark = Watermarks.watermark(events.stream(), Ev::time, 300);
                    Relation<Ev> relation = Relation.of(events);
                    Watermark fluentMark = relation.watermark(Ev::time, 300);
                    List<Object> statics = new ArrayList<>();
                    op.statics().apply(events.stream(), staticMark).forEach(s -> statics.add(WorkersTest.output(s)));
                    List<Object> fluent = new ArrayList<>();
                    op.fluent().apply(relation, fluentMark).forEach(s -> fluent.add(WorkersTest.output(s)));
                    return new Io(List.of(), events, List.of(staticMark, fluentMark), statics, fluent);
                })) {
                    List<Ev> live = new ArrayList<>();
                    long clock = 10_000;
                    for (int step = 0; step < 25; step++) {
                        for (int i = r.nextInt(25); i > 0; i--) {
                            if (!live.isEmpty() && r.nextInt(6) == 0) {
                                h.io().events().push(live.remove(r.nextInt(live.size())), -1);
                            } else {
                                clock += r.nextInt(60);
                                Ev e = new Ev(r.nextLong(), r.nextInt(6), clock - r.nextInt(700), r.nextInt(10));
                                live.add(e);
                                h.io().events().push(e, 1);
                            }
                        }
                        stepAndCompare(h, "after step " + step);
                        assertEquals(h.io().watermarks().get(0).current(), h.io().watermarks().get(1).current(), "watermark after step " + step);
                    }
                    h.io().watermarks().forEach(Watermark::endOfInput);
                    stepAndCompare(h, "after the end of input");
                }
            });
        }
    }

    /** Orders of customers, as in the README. */
    record Order(long id, long customer, long cents) {}

    /** A customer and her country. */
    record Customer(long id, String country) {}

    /** A sale: the country of an order's customer and the order's amount. */
    record Sale(String country, long cents) {}

    /** What the mixed circuit exposes: the inputs, and the same query written with core streams only and mixed. */
    record Mixed(ZSetInput<Order> orders, ZSetInput<Customer> customers, List<Object> statics, List<Object> fluent) {}

    @Test
    @Timeout(60)
    void relationsAndCoreStreamsMixInOneChain() {
        for (int workers : WORKERS) {
            Trials.run("a chain of core streams and relations on " + workers + " workers", 2, r -> {
                try (CircuitHandle<Mixed> h = Circuit.build(CircuitConfig.defaults().withWorkers(workers), b -> {
                    ZSetInput<Order> orders = b.zsetInput("orders");
                    ZSetInput<Customer> customers = b.zsetInput("customers");
                    IndexedZSetStream<Long, Customer> byId = customers.stream().indexByLong(Customer::id, c -> c);   // core
                    // core streams only, static entries
                    ZSetStream<Sale> sales = Joins.join(orders.stream().indexByLong(Order::customer, o -> o), byId,
                            (o, c) -> new Sale(c.country(), o.cents()));
                    ZSetStream<Sale> big = Distinct.distinct(sales.filter(s -> s.cents() > 3));
                    ZSetStream<Order> reached = b.<Order>recursive((scope, rec) -> Distinct.distinct(scope.importStream(orders.stream())
                            .plus(rec.map(o -> new Order(o.id() + 1, o.customer(), o.cents())).filter(o -> o.id() % 4 != 0))));
                    List<Object> statics = List.of(Aggregates.sum(sales.index(Sale::country, s -> s), Sale::cents).output(), big.output(),
                            reached.output());
                    // the same query mixing: a relation joined with a core stream, a relation passed to a static entry
                    // and to a core method, a relation as the body of a recursion
                    Relation<Sale> fluentSales = Relation.of(orders).indexByLong(Order::customer, o -> o)
                            .join(byId, (o, c) -> new Sale(c.country(), o.cents()));
                    ZSetStream<Sale> core = b.<Sale>zsetInput("unused").stream().plus(fluentSales);
                    ZSetStream<Sale> fluentBig = Relation.of(Distinct.distinct(Relation.of(core).filter(s -> s.cents() > 3)));
                    ZSetStream<Order> fluentReached = b.<Order>recursive((scope, rec) -> Relation.of(scope.importStream(Relation.of(orders)))
                            .plus(Relation.of(rec).map(o -> new Order(o.id() + 1, o.customer(), o.cents())).filter(o -> o.id() % 4 != 0))
                            .distinct());
                    List<Object> fluent = List.of(fluentSales.groupBy(Sale::country).sum(Sale::cents).output(), fluentBig.output(),
                            fluentReached.output());
                    return new Mixed(orders, customers, statics, fluent);
                })) {
                    for (int step = 0; step < 12; step++) {
                        for (int i = r.nextInt(6); i > 0; i--) {
                            h.io().orders().push(new Order(r.nextInt(8), r.nextInt(4), r.nextInt(8)), r.nextInt(4) == 0 ? -1 : 1);
                            h.io().customers().push(new Customer(r.nextInt(4), "c" + r.nextInt(3)), r.nextInt(4) == 0 ? -1 : 1);
                        }
                        h.step();
                        for (int o = 0; o < h.io().statics().size(); o++) {
                            assertEquals(content(h.io().statics().get(o), false), content(h.io().fluent().get(o), false),
                                    "change of output " + o + " after step " + step);
                        }
                    }
                }
            });
        }
    }

    @Test
    void aRelationIsTheStreamItWraps() {
        Consumer<CircuitBuilder> check = b -> {
            ZSetInput<Order> orders = b.zsetInput("orders");
            Relation<Order> r = Relation.of(orders);
            assertSame(r, Relation.of(r), "of a relation is the relation");
            assertEquals(orders.stream().name(), r.name());
            assertEquals(orders.stream().layout(), r.layout());
            assertSame(r, r.named("renamed"));
            assertEquals("renamed", orders.stream().name(), "renaming the relation renames the core stream's operator");
            IndexedRelation<Long, Order> byCustomer = r.indexByLong(Order::customer, o -> o);
            assertSame(byCustomer, IndexedRelation.of(byCustomer));
            assertSame(byCustomer, byCustomer.inspect(z -> { }));
            assertThrows(IllegalArgumentException.class, () -> r.groupBy(Order::customer).minLong(),
                    "minLong of object values fails as the static entry does");
            assertThrows(NullPointerException.class, () -> Relation.of((ZSetStream<Order>) null));
        };
        try (CircuitHandle<Object> h = Circuit.build(b -> {
            check.accept(b);
            return new Object();
        })) {
            h.step();
        }
    }
}
