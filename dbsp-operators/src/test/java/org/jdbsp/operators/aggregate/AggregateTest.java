package org.jdbsp.operators.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.IndexedZSetInput;
import org.jdbsp.circuit.IndexedZSetOutput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.operators.join.Differential;
import org.jdbsp.operators.join.Differential.Shape;
import org.jdbsp.operators.join.Differential.Table;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every aggregate equals a from-scratch GROUP BY of the input integral, written with plain maps. */
class AggregateTest {
    /** A group's values with their total weights, in a form the reference folds over. */
    interface GroupReference {
        /** The group's result, or null when the group has no row. */
        Object result(Map<Object, Long> values);
    }

    static Map<Object, Long> groupBy(Table t, GroupReference f) {
        Map<Object, Long> out = new HashMap<>();
        t.rows.forEach((k, values) -> {
            Object r = f.result(values);
            if (r != null) {
                out.put(List.of(k, r), 1L);
            }
        });
        return out;
    }

    static long number(Object v) {
        return ((Number) v).longValue();
    }

    static long totalWeight(Map<Object, Long> values) {
        long n = 0;
        for (long w : values.values()) {
            n += w;
        }
        return n;
    }

    static long weightedSum(Map<Object, Long> values) {
        long s = 0;
        for (Map.Entry<Object, Long> e : values.entrySet()) {
            s += number(e.getKey()) * e.getValue();
        }
        return s;
    }

    static void check(String name, Shape shape, boolean negative, Function<IndexedZSetStream<Object, Object>, Object> op, GroupReference ref) {
        Differential.check(name, 10, shape, 1, 80, 6, 7, negative, s -> op.apply(s.get(0)), t -> groupBy(t.get(0), ref));
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void countIsTheTotalWeightOfEachGroup(Shape shape) {
        check("count", shape, true, Aggregates::count, vs -> {
            long n = totalWeight(vs);
            return n == 0 ? null : n;
        });
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void sumOfAFunctionIsTheWeightedSum(Shape shape) {
        check("sum", shape, true, s -> Aggregates.sum(s, v -> 10 * number(v) - 3), vs -> {
            if (totalWeight(vs) == 0) {
                return null;
            }
            long sum = 0;
            for (Map.Entry<Object, Long> e : vs.entrySet()) {
                sum += (10 * number(e.getKey()) - 3) * e.getValue();
            }
            return sum;
        });
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void sumOfTheValuesReadsLongValuesUnboxed(Shape shape) {
        check("sum of values", shape, true, s -> Aggregates.sum(Differential.<Object, Number>cast(s)), vs -> totalWeight(vs) == 0 ? null : weightedSum(vs));
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class, names = {"LONG_KEYS", "OBJECT_KEYS"})
    void averageTruncatesTowardZero(Shape shape) {
        check("long average", shape, false, s -> Aggregates.average(s, v -> number(v) - 3), vs -> {
            long n = totalWeight(vs);
            long sum = 0;
            for (Map.Entry<Object, Long> e : vs.entrySet()) {
                sum += (number(e.getKey()) - 3) * e.getValue();
            }
            return n == 0 ? null : (Object) java.math.BigInteger.valueOf(sum).divide(java.math.BigInteger.valueOf(n)).longValue();
        });
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class, names = {"LONG_KEYS", "OBJECT_KEYS"})
    void doubleAverageIsExact(Shape shape) {
        check("double average", shape, false, s -> Aggregates.averageAsDouble(s, AggregateTest::number), vs -> {
            long n = totalWeight(vs);
            return n == 0 ? null : (Object) ((double) weightedSum(vs) / n);
        });
    }

    static Object extreme(Map<Object, Long> vs, boolean max) {
        Long best = null;
        for (Map.Entry<Object, Long> e : vs.entrySet()) {
            long v = number(e.getKey());
            if (e.getValue() > 0 && (best == null || (max ? v > best : v < best))) {
                best = v;
            }
        }
        return best;
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class, names = {"LONG_KEYS", "OBJECT_KEYS"})
    void minAndMaxOfObjectValuesRetractUnderDeletions(Shape shape) {
        check("min", shape, true, s -> Aggregates.min(s, Orders.natural()), vs -> {
            Object r = extreme(vs, false);
            return r == null ? null : (Object) (int) (long) (Long) r;
        });
        check("max", shape, true, s -> Aggregates.max(s, Orders.natural()), vs -> {
            Object r = extreme(vs, true);
            return r == null ? null : (Object) (int) (long) (Long) r;
        });
    }

    @ParameterizedTest
    @EnumSource(value = Shape.class, names = {"LONG_KEYS_LONG_VALUES", "OBJECT_KEYS_LONG_VALUES"})
    void minAndMaxOfLongValuesRetractUnderDeletions(Shape shape) {
        check("minLong", shape, true, s -> Aggregates.minLong(Differential.<Object, Long>cast(s)), vs -> extreme(vs, false));
        check("maxLong", shape, true, s -> Aggregates.maxLong(Differential.<Object, Long>cast(s)), vs -> extreme(vs, true));
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void countDistinctCountsValuesOfPositiveWeight(Shape shape) {
        check("count distinct", shape, true, Aggregates::countDistinct, vs -> {
            long n = vs.values().stream().filter(w -> w > 0).count();
            return n == 0 ? null : n;
        });
    }

    /** Sum of squares times multiplicity, and the number of rows, as a string. */
    static final class SquaresAggregator implements Aggregator<Object, long[], String> {
        @Override
        public long[] zero() {
            return new long[2];
        }

        @Override
        public long[] add(long[] acc, Object value, long weight) {
            acc[0] += number(value) * number(value) * weight;
            acc[1] += weight;
            return acc;
        }

        @Override
        public String result(long[] acc) {
            return acc[0] + "/" + acc[1];
        }
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void userDefinedAggregatorFoldsThePositiveValues(Shape shape) {
        check("user-defined aggregate", shape, true, s -> Aggregates.aggregate(s, new SquaresAggregator()), vs -> {
            long squares = 0;
            long rows = 0;
            for (Map.Entry<Object, Long> e : vs.entrySet()) {
                if (e.getValue() > 0) {
                    squares += number(e.getKey()) * number(e.getKey()) * e.getValue();
                    rows += e.getValue();
                }
            }
            return rows == 0 ? null : squares + "/" + rows;
        });
    }

    /** Count, sum, distinct values, distinct even values and the greatest even value, in one state. */
    static final class StatsAggregator implements IncrementalAggregator<Object, StatsAggregator.State, String> {
        static final class State {
            long count;
            long sum;
            final FilteredDistinct values;

            State(long count, long sum, FilteredDistinct values) {
                this.count = count;
                this.sum = sum;
                this.values = values;
            }
        }

        @Override
        public State newState() {
            return new State(0, 0, new FilteredDistinct(2));
        }

        @Override
        public void add(State s, Object value, long weight) {
            long v = number(value);
            s.count += weight;
            s.sum += v * weight;
            s.values.add(v, v % 2 == 0 ? 0b11 : 0b01, weight);
        }

        @Override
        public boolean isEmpty(State s) {
            return s.values.isEmpty();
        }

        @Override
        public String result(State s) {
            return s.count + "|" + s.sum + "|" + s.values.distinct(0) + "|" + s.values.distinct(1) + "|"
                    + (s.values.distinct(1) == 0 ? "-" : Long.toString(s.values.max(1)));
        }

        @Override
        public State copy(State s) {
            return new State(s.count, s.sum, s.values.copy());
        }
    }

    @ParameterizedTest
    @EnumSource(Shape.class)
    void incrementalAggregateUpdatesOneStatePerGroupUnderInsertionsAndDeletions(Shape shape) {
        check("incremental aggregate", shape, true, s -> Aggregates.incremental(s, new StatsAggregator(), Orders.natural()), vs -> {
            if (vs.isEmpty()) {
                return null;
            }
            long count = 0;
            long sum = 0;
            long distinct = 0;
            long even = 0;
            Long maxEven = null;
            for (Map.Entry<Object, Long> e : vs.entrySet()) {
                long v = number(e.getKey());
                count += e.getValue();
                sum += v * e.getValue();
                if (e.getValue() > 0) {
                    distinct++;
                    if (v % 2 == 0) {
                        even++;
                        maxEven = maxEven == null ? v : Math.max(maxEven, v);
                    }
                }
            }
            return count + "|" + sum + "|" + distinct + "|" + even + "|" + (maxEven == null ? "-" : maxEven.toString());
        });
    }

    @Test
    void incrementalAggregateRunsInsideARecursiveCircuitAndFreesEmptyGroups() {
        record Io(IndexedZSetInput<Long, Long> in, ZSetOutput<String> recursive, ZSetOutput<String> plain) {}
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            IndexedZSetInput<Long, Long> in = b.indexedInput("in", Layout.longToLongs());
            ZSetOutput<String> rec = b.<String>recursive((scope, r) ->
                    Aggregates.incremental(scope.importStream(in.stream()), new StatsAggregator(), Orders.natural()).values()).output();
            return new Io(in, rec, Aggregates.incremental(in.stream(), new StatsAggregator(), Orders.natural()).values().output());
        })) {
            java.util.SplittableRandom r = new java.util.SplittableRandom(11);
            List<long[]> live = new java.util.ArrayList<>();
            for (int step = 0; step < 30; step++) {
                for (int i = 0; i < 6; i++) {
                    if (!live.isEmpty() && r.nextInt(3) == 0) {
                        long[] t = live.remove(r.nextInt(live.size()));
                        h.io().in().push(t[0], t[1], -1);
                    } else {
                        long[] t = {r.nextInt(4), r.nextInt(10)};
                        live.add(t);
                        h.io().in().push(t[0], t[1], 1);
                    }
                }
                h.step();
                assertEquals(h.io().plain().integral(), h.io().recursive().integral(), "step " + step);
            }
            for (long[] t : live) {
                h.io().in().push(t[0], t[1], -1);
            }
            h.step();
            assertEquals(0, h.io().plain().integral().size());
        }
    }

    @Test
    void aChangedGroupRetractsItsOldRowAndInsertsItsNewOne() {
        record Io(IndexedZSetInput<Long, String> in, IndexedZSetOutput<Long, Long> count) {}
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            IndexedZSetInput<Long, String> in = b.indexedInput("in", Layout.longToObjects());
            return new Io(in, Aggregates.count(in.stream()).output());
        })) {
            h.io().in().push(7L, "a", 1);
            h.io().in().push(7L, "b", 1);
            h.step();
            assertEquals("{7 -> 2 x1}", h.io().count().delta().toString());
            h.io().in().push(7L, "c", 1);
            h.step();
            assertEquals("{7 -> 2 x-1, 7 -> 3 x1}", h.io().count().delta().toString());
            h.io().in().push(7L, "a", -1);
            h.io().in().push(7L, "b", -1);
            h.io().in().push(7L, "c", -1);
            h.step();
            assertEquals("{7 -> 3 x-1}", h.io().count().delta().toString());
        }
    }

    @Test
    void linearAggregatesReportOneLiveTuplePerGroupAndFreeEmptyGroups() {
        record Io(IndexedZSetInput<Long, Long> in) {}
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            IndexedZSetInput<Long, Long> in = b.indexedInput("in", Layout.longToLongs());
            Aggregates.sum(in.stream()).outputDeltas();
            return new Io(in);
        })) {
            for (long i = 0; i < 1000; i++) {
                h.io().in().push(i % 10, i, 1);
            }
            h.step();
            assertEquals(10, h.stateTuples(), "the sum keeps one (count, sum) per group and no trace of its input");
            for (long i = 0; i < 1000; i++) {
                h.io().in().push(i % 10, i, -1);
            }
            h.step();
            assertEquals(0, h.stateTuples());
        }
    }
}
