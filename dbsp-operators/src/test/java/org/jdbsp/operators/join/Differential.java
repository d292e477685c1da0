package org.jdbsp.operators.join;

import static org.jdbsp.testkit.ZSetAssertions.assertWeightsEqual;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitBuilder;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.IndexedZSetInput;
import org.jdbsp.circuit.IndexedZSetOutput;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;
import org.jdbsp.testkit.Steps;
import org.jdbsp.testkit.Trials;

/**
 * Differential testing of operators against naive java.util references (shared by the join, aggregate
 * and distinct tests): seeded random changes with insertions and deletions, fed in steps of 1 record,
 * 7 records and all at once; after every step the integral of the operator's output must equal the
 * reference applied to the integrals of the inputs. Trials and step sizes are the test kit's
 * ({@link Trials}, {@link Steps}): a failure names its seed; {@code -Djdbsp.seed=N} re-runs that trial.
 */
public final class Differential {
    private Differential() {}

    /** One change of one input: add {@code weight} to the tuple ({@code key}, {@code value}). */
    public record Change(int input, Object key, Object value, long weight) {}

    /** The integral of one indexed input, as key -> value -> non-zero weight. */
    public static final class Table {
        public final Map<Object, Map<Object, Long>> rows = new HashMap<>();

        /** An empty table. */
        public Table() {}

        void add(Object key, Object value, long weight) {
            Map<Object, Long> values = rows.computeIfAbsent(key, k -> new HashMap<>());
            long w = values.getOrDefault(value, 0L) + weight;
            if (w == 0) {
                values.remove(value);
                if (values.isEmpty()) {
                    rows.remove(key);
                }
            } else {
                values.put(value, w);
            }
        }

        /** The weight of ({@code key}, {@code value}), 0 when absent. */
        public long weight(Object key, Object value) {
            return rows.getOrDefault(key, Map.of()).getOrDefault(value, 0L);
        }
    }

    /** How keys and values are stored in a trial. */
    public enum Shape {
        LONG_KEYS(Layout.longToObjects()),
        OBJECT_KEYS(Layout.objectsToObjects()),
        LONG_KEYS_LONG_VALUES(Layout.longToLongs()),
        OBJECT_KEYS_LONG_VALUES(Layout.indexed(ColumnKind.OBJECT, Orders.natural(), ColumnKind.LONG, null));

        public final Layout layout;

        Shape(Layout layout) {
            this.layout = layout;
        }

        Object key(int n) {
            return layout.keyKind() == ColumnKind.LONG ? (Object) (long) n : "k" + n;
        }

        Object value(int n) {
            return layout.valueKind() == ColumnKind.LONG ? (Object) (long) n : (Object) n;
        }
    }

    /**
     * Random changes to {@code inputs} inputs: mostly insertions of small keys and values, a third
     * deletions of a present tuple (its whole weight or one), and, with {@code negative}, some deletions of
     * absent tuples so that weights go negative.
     */
    public static List<Change> randomChanges(SplittableRandom r, Shape shape, int inputs, int count, int keys, int values, boolean negative) {
        List<Change> out = new ArrayList<>();
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            tables.add(new Table());
        }
        for (int n = 0; n < count; n++) {
            int input = r.nextInt(inputs);
            Table t = tables.get(input);
            int kind = r.nextInt(10);
            Change c;
            if (kind < 3 && !t.rows.isEmpty()) {
                List<Object> ks = new ArrayList<>(t.rows.keySet());
                ks.sort(Orders.natural());
                Object k = ks.get(r.nextInt(ks.size()));
                List<Object> vs = new ArrayList<>(t.rows.get(k).keySet());
                vs.sort(Orders.natural());
                Object v = vs.get(r.nextInt(vs.size()));
                long w = t.weight(k, v);
                c = new Change(input, k, v, r.nextBoolean() ? -w : -Long.signum(w));
            } else if (kind == 3 && negative) {
                c = new Change(input, shape.key(r.nextInt(keys)), shape.value(r.nextInt(values)), -1 - r.nextInt(2));
            } else {
                c = new Change(input, shape.key(r.nextInt(keys)), shape.value(r.nextInt(values)), 1 + (r.nextInt(5) == 0 ? 1 : 0));
            }
            t.add(c.key, c.value, c.weight);
            out.add(c);
        }
        return out;
    }

    /** The inputs of a circuit under test and a way to read the integral of its output as a map. */
    public record Harness(List<IndexedZSetInput<Object, Object>> inputs, java.util.function.Supplier<Map<Object, Long>> actual) {}

    /** Creates the indexed inputs of {@code shape} and hands their streams to {@code build}. */
    public static Harness harness(CircuitBuilder b, Shape shape, int inputs, Function<List<IndexedZSetStream<Object, Object>>, Object> build) {
        List<IndexedZSetInput<Object, Object>> ins = new ArrayList<>();
        List<IndexedZSetStream<Object, Object>> streams = new ArrayList<>();
        for (int i = 0; i < inputs; i++) {
            IndexedZSetInput<Object, Object> in = b.indexedInput("in" + i, shape.layout);
            ins.add(in);
            streams.add(in.stream());
        }
        Object result = build.apply(streams);
        if (result instanceof ZSetStream<?> s) {
            ZSetOutput<?> o = s.output();
            return new Harness(ins, () -> {
                Map<Object, Long> m = new HashMap<>();
                o.integral().forEach((rec, w) -> m.put(rec, w));
                return m;
            });
        }
        IndexedZSetOutput<?, ?> o = ((IndexedZSetStream<?, ?>) result).output();
        return new Harness(ins, () -> {
            Map<Object, Long> m = new HashMap<>();
            o.integral().forEach((k, v, w) -> m.put(List.of(k, v), w));
            return m;
        });
    }

    /**
     * Runs seeded trials of an operator against its reference, with every step size.
     *
     * @param build     builds the operator from the input streams; returns a ZSetStream or an IndexedZSetStream
     * @param reference the expected output integral from the input integrals (records, or List.of(key, value) tuples)
     */
    public static void check(String property, int trials, Shape shape, int inputs, int changes, int keys, int values, boolean negative,
            Function<List<IndexedZSetStream<Object, Object>>, Object> build, Function<List<Table>, Map<Object, Long>> reference) {
        Trials.run(property + " [" + shape + "]", trials, r -> {
            List<Change> cs = randomChanges(r, shape, inputs, changes, keys, values, negative);
            for (int size : Steps.SIZES) {
                run(cs, size, shape, inputs, build, reference);
            }
        });
    }

    private static void run(List<Change> changes, int stepSize, Shape shape, int inputs,
            Function<List<IndexedZSetStream<Object, Object>>, Object> build, Function<List<Table>, Map<Object, Long>> reference) {
        try (CircuitHandle<Harness> h = Circuit.build(b -> harness(b, shape, inputs, build))) {
            List<Table> tables = new ArrayList<>();
            for (int i = 0; i < inputs; i++) {
                tables.add(new Table());
            }
            int step = 0;
            for (int from = 0; from < changes.size(); from += stepSize, step++) {
                int to = (int) Math.min(changes.size(), (long) from + stepSize);
                for (Change c : changes.subList(from, to)) {
                    h.io().inputs().get(c.input).push(c.key, c.value, c.weight);
                    tables.get(c.input).add(c.key, c.value, c.weight);
                }
                h.step();
                assertWeightsEqual("output integral after step " + step + " (" + Steps.describe(stepSize) + ")",
                        reference.apply(tables), h.io().actual().get());
            }
        }
    }

    /** The same stream seen with other type arguments (tests build on untyped streams). */
    @SuppressWarnings("unchecked")
    public static <K, V> IndexedZSetStream<K, V> cast(IndexedZSetStream<?, ?> s) {
        return (IndexedZSetStream<K, V>) s;
    }

    /** Adds {@code weight} to {@code record} in {@code map}, dropping zeros. */
    public static void addTo(Map<Object, Long> map, Object record, long weight) {
        long w = map.getOrDefault(record, 0L) + weight;
        if (w == 0) {
            map.remove(record);
        } else {
            map.put(record, w);
        }
    }
}
