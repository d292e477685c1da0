package org.jdbsp.operators.aggregate;

import org.jdbsp.circuit.spi.Wiring;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.CircuitBuilder;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.Placement;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.operators.aggregate.internal.KeyedAggregateOperator;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;

/**
 * Entry points of the incremental aggregates by key (SQL {@code GROUP BY key}).
 *
 * <p>Each returns an indexed stream holding one tuple {@code (key, result)} of weight 1 per group that
 * has a row; a change of a group's result retracts the old tuple and inserts the new one. Long results
 * (count, sum, long average, count distinct, min/max of long values) are stored unboxed. Count, sum and
 * average keep only a running {@code (count, sum)} per group, exact in 128 bits, and on several workers send
 * only each worker's partial {@code (count, sum)} per group to the group's owner; they fail only when a
 * group's result does not fit in a long, the same way on every number of workers; min, max, count distinct and
 * {@link Aggregator}s read the input's shared trace and retract correctly under deletions (see the
 * package documentation for weights that are not positive).
 */
public final class Aggregates {
    private Aggregates() {}

    /** The number of tuples of each group, counted with their weights (SQL {@code COUNT(*)}). */
    public static <K, V> IndexedZSetStream<K, Long> count(IndexedZSetStream<K, V> input) {
        return linear(input, LinearAggregateOperator.Result.COUNT, null, "count");
    }

    /** The sum of {@code f(v)·w} over the tuples {@code (v, w)} of each group (SQL {@code SUM}, BIGINT). */
    @SuppressWarnings("unchecked")
    public static <K, V> IndexedZSetStream<K, Long> sum(IndexedZSetStream<K, V> input, ToLongFunction<? super V> f) {
        return linear(input, LinearAggregateOperator.Result.SUM, (ToLongFunction<Object>) Objects.requireNonNull(f, "f"), "sum");
    }

    /** The sum of the values of each group, taken with their weights (long values are read unboxed). */
    public static <K> IndexedZSetStream<K, Long> sum(IndexedZSetStream<K, ? extends Number> input) {
        return linear(input, LinearAggregateOperator.Result.SUM, null, "sum");
    }

    /**
     * The integer average {@code sum / count} of {@code f(v)} over each group, truncated toward zero (SQL
     * {@code AVG} of a BIGINT column in Flink and Feldera, as Nexmark q4 and q17 need).
     */
    @SuppressWarnings("unchecked")
    public static <K, V> IndexedZSetStream<K, Long> average(IndexedZSetStream<K, V> input, ToLongFunction<? super V> f) {
        return linear(input, LinearAggregateOperator.Result.LONG_AVERAGE, (ToLongFunction<Object>) Objects.requireNonNull(f, "f"), "average");
    }

    /** The exact average {@code (double) sum / count} of {@code f(v)} over each group, as a {@link Double}. */
    @SuppressWarnings("unchecked")
    public static <K, V> IndexedZSetStream<K, Double> averageAsDouble(IndexedZSetStream<K, V> input, ToLongFunction<? super V> f) {
        return linear(input, LinearAggregateOperator.Result.DOUBLE_AVERAGE, (ToLongFunction<Object>) Objects.requireNonNull(f, "f"), "average");
    }

    /** The least value of each group in {@code order} (SQL {@code MIN}); the input's values must be objects. */
    public static <K, V> IndexedZSetStream<K, V> min(IndexedZSetStream<K, V> input, Comparator<? super V> order) {
        return extreme(input, order, false, "min");
    }

    /** The greatest value of each group in {@code order} (SQL {@code MAX}); the input's values must be objects. */
    public static <K, V> IndexedZSetStream<K, V> max(IndexedZSetStream<K, V> input, Comparator<? super V> order) {
        return extreme(input, order, true, "max");
    }

    /** The least long value of each group (for inputs whose values are stored as longs). */
    public static <K> IndexedZSetStream<K, Long> minLong(IndexedZSetStream<K, Long> input) {
        return extreme(input, null, false, "min");
    }

    /** The greatest long value of each group (for inputs whose values are stored as longs). */
    public static <K> IndexedZSetStream<K, Long> maxLong(IndexedZSetStream<K, Long> input) {
        return extreme(input, null, true, "max");
    }

    /** The number of distinct values of each group (SQL {@code COUNT(DISTINCT v)}). */
    public static <K, V> IndexedZSetStream<K, Long> countDistinct(IndexedZSetStream<K, V> input) {
        Layout out = Layout.indexed(input.layout().keyKind(), input.layout().keyOrder(), ColumnKind.LONG, null);
        return group(input, new Fold.CountDistinct(), out, "countDistinct");
    }

    /** A user-defined aggregate of each group, its results ordered naturally. */
    public static <K, V, A, R> IndexedZSetStream<K, R> aggregate(IndexedZSetStream<K, V> input, Aggregator<? super V, A, ? extends R> aggregator) {
        return aggregate(input, aggregator, Orders.natural());
    }

    /** A user-defined aggregate of each group, its results ordered by {@code order}. */
    @SuppressWarnings("unchecked")
    public static <K, V, A, R> IndexedZSetStream<K, R> aggregate(IndexedZSetStream<K, V> input, Aggregator<? super V, A, ? extends R> aggregator,
            Comparator<? super R> order) {
        Objects.requireNonNull(aggregator, "aggregator");
        Layout out = Layout.indexed(input.layout().keyKind(), input.layout().keyOrder(), ColumnKind.OBJECT, Objects.requireNonNull(order, "order"));
        return group(input, new Fold.User<>((Aggregator<Object, A, R>) aggregator), out, "aggregate");
    }

    /**
     * An aggregate kept as mutable state per group, updated by each change without re-reading the group
     * (see {@link IncrementalAggregator}); stores no trace of its input. Use it for many measures of one group
     * at once (one state, one pass), for example counts with filters and filtered distinct counts
     * ({@link FilteredDistinct}).
     */
    @SuppressWarnings("unchecked")
    public static <K, V, S, R> IndexedZSetStream<K, R> incremental(IndexedZSetStream<K, V> input, IncrementalAggregator<? super V, S, ? extends R> aggregator,
            Comparator<? super R> order) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(aggregator, "aggregator");
        Layout in = input.layout();
        Layout out = Layout.indexed(in.keyKind(), in.keyOrder(), ColumnKind.OBJECT, Objects.requireNonNull(order, "order"));
        return add(input, KeyedAggregateOperator.perStep((IncrementalAggregator<Object, Object, Object>) aggregator, in, out), out, "incremental");
    }

    @SuppressWarnings("unchecked")
    private static <K, V> IndexedZSetStream<K, V> extreme(IndexedZSetStream<K, ?> input, Comparator<?> order, boolean max, String name) {
        Layout in = input.layout();
        Comparator<Object> cmp;
        Layout out;
        if (order == null) {
            if (in.valueKind() != ColumnKind.LONG) {
                throw new IllegalArgumentException(name + "Long needs values stored as longs, not " + in + "; use " + name + "(input, order)");
            }
            cmp = null;
            out = in;
        } else {
            if (in.valueKind() != ColumnKind.OBJECT) {
                throw new IllegalArgumentException(name + "(input, order) needs object values, not " + in + "; use " + name + "Long");
            }
            cmp = (Comparator<Object>) order;
            out = Layout.indexed(in.keyKind(), in.keyOrder(), ColumnKind.OBJECT, in.valueOrder());
        }
        return group(input, new Fold.Extreme(cmp, max), out, name);
    }

    private static <K, R> IndexedZSetStream<K, R> group(IndexedZSetStream<K, ?> input, Fold fold, Layout out, String name) {
        Objects.requireNonNull(input, "input");
        return Wiring.addKeyedIndexedStream(name, out, keyed -> new GroupAggregateOperator(keyed.trace(0), out, fold), input);
    }

    private static <K, R> IndexedZSetStream<K, R> linear(IndexedZSetStream<K, ?> input, LinearAggregateOperator.Result kind,
            ToLongFunction<Object> f, String name) {
        Objects.requireNonNull(input, "input");
        Layout in = input.layout();
        Layout out = kind == LinearAggregateOperator.Result.DOUBLE_AVERAGE
                ? Layout.indexed(in.keyKind(), in.keyOrder(), ColumnKind.OBJECT, Orders.natural())
                : Layout.indexed(in.keyKind(), in.keyOrder(), ColumnKind.LONG, null);
        CircuitBuilder b = input.builder();
        if (b.workers().count() == 1 || input.placement() == Placement.SHARDED) {
            return add(input, new LinearAggregateOperator(kind, f, false, in, out), out, name);
        }
        // Several workers and an input not yet by key: each worker first sums its own tuples per group, and
        // only those partial sums travel to the groups' owners.
        Layout partialLayout = Layout.indexed(in.keyKind(), in.keyOrder(), ColumnKind.OBJECT, Orders.natural());
        IndexedZSetStream<K, LinearPartial> partials = Wiring.addIndexedStream(name + " (partial)",
                new LinearPartialOperator(kind != LinearAggregateOperator.Result.COUNT, f, partialLayout), partialLayout, input);
        return add(partials, new LinearAggregateOperator(kind, null, true, partialLayout, out), out, name);
    }

    /** Adds {@code op}, which keeps state per key but no trace, over {@code input} sharded by key. */
    private static <K, R> IndexedZSetStream<K, R> add(IndexedZSetStream<K, ?> input, Operator op, Layout out, String name) {
        return Wiring.addKeyedIndexedStream(name, out, keyed -> op, input);
    }
}
