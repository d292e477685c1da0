package org.jdbsp.operators.topk;

import org.jdbsp.circuit.spi.Wiring;
import java.util.Comparator;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.operators.topk.internal.GroupTransformOperator;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;

/**
 * Top-k per group: {@code ROW_NUMBER() OVER (PARTITION BY key ORDER BY order) <= k}.
 *
 * <p><b>Ties.</b> Rows are ranked by {@code order}, then by the input layout's value order (for object
 * values, the comparator the stream was indexed with, by default {@link Orders#natural()}; for long values,
 * numeric order). The result is therefore deterministic and independent of arrival order and batch sizes.
 * A Z-set has no arrival order, so Flink's "earlier arrival wins" cannot be reproduced; put a time or
 * sequence number into {@code order} instead. A row of weight {@code w} counts as {@code w} rows.
 *
 * <p><b>Cost.</b> Incremental: a step reads, for each key it touches, that key's group from the input's
 * shared integral trace and computes the top-k before and after the change; the output is the difference.
 * Work is proportional to the touched groups times their sizes, never to the number of groups; the
 * operator keeps no state besides the shared trace. When the ranking order can be the stream's own value
 * order (index it with that order), {@link #topKInValueOrder} and {@link #rowNumbersInValueOrder} read only
 * the first {@code k} and the changed values of a touched group, so large ("hot") groups stay cheap.
 */
public final class TopK {
    private TopK() {}

    /** The first {@code k} values of each key in {@code order} (ties as in the class comment). */
    public static <K, V> IndexedZSetStream<K, V> topK(IndexedZSetStream<K, V> in, int k, Comparator<? super V> order) {
        return wire(in, k, order, false, in.layout());
    }

    /**
     * The first {@code k} values of each key in {@code order}, each with its row number (1 to k); a change
     * that moves a row retracts its old rank and inserts the new one. Nexmark q19.
     */
    public static <K, V> IndexedZSetStream<K, Ranked<V>> rowNumbers(IndexedZSetStream<K, V> in, int k, Comparator<? super V> order) {
        Layout out = Layout.indexed(in.layout().keyKind(), in.layout().keyOrder(), ColumnKind.OBJECT, Orders.natural());
        return wire(in, k, order, true, out);
    }

    /**
     * The {@code n} latest values of each key by {@code time} (latest first; equal times ranked by the
     * value order): "last N by time", Nexmark q6; with {@code n = 1}, keep-last deduplication (q18).
     */
    public static <K, V> IndexedZSetStream<K, V> lastN(IndexedZSetStream<K, V> in, int n, ToLongFunction<? super V> time) {
        Objects.requireNonNull(time, "time");
        Comparator<V> latestFirst = (a, b) -> Long.compare(time.applyAsLong(b), time.applyAsLong(a));
        return topK(in, n, latestFirst);
    }

    /**
     * The first {@code k} values of each key in the stream's own value order (for object values the order
     * the stream was indexed with, e.g. {@code indexByLong(key, value, order)}; for long values numeric
     * order). Same result as {@link #topK} with that order, but cheaper: the trace already holds a group's
     * values in rank order, so a step reads only the first {@code k} and the changed values of each
     * touched group instead of the whole group (hot groups cost {@code O(k + change)}).
     */
    public static <K, V> IndexedZSetStream<K, V> topKInValueOrder(IndexedZSetStream<K, V> in, int k) {
        return wireSorted(in, k, false, in.layout());
    }

    /**
     * The first {@code k} values of each key in the stream's own value order with their row numbers (1 to
     * k): {@link #rowNumbers} without reading whole groups (see {@link #topKInValueOrder}). Output values are
     * ordered by rank, then by the input's value order.
     */
    public static <K, V> IndexedZSetStream<K, Ranked<V>> rowNumbersInValueOrder(IndexedZSetStream<K, V> in, int k) {
        Comparator<Object> values = GroupTransformOperator.valueOrder(in.layout());
        Comparator<Ranked<?>> byRank = (a, b) -> {
            int c = Long.compare(a.rank(), b.rank());
            return c != 0 ? c : values.compare(a.value(), b.value());
        };
        Layout out = Layout.indexed(in.layout().keyKind(), in.layout().keyOrder(), ColumnKind.OBJECT, byRank);
        return wireSorted(in, k, true, out);
    }

    private static <K, V> IndexedZSetStream<K, V> wireSorted(IndexedZSetStream<?, ?> in, int k, boolean ranked, Layout out) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive: " + k);
        }
        if (in.layout().valueKind() == ColumnKind.NONE) {
            throw new IllegalArgumentException("top-k needs an indexed stream with values, not " + in.layout());
        }
        return Wiring.addKeyedIndexedStream(ranked ? "rowNumbers" : "topK", out,
                keyed -> new TopKOperator(keyed.trace(0), k, null, ranked, out), in);
    }

    @SuppressWarnings("unchecked")
    private static <K, V, R> IndexedZSetStream<K, R> wire(IndexedZSetStream<K, V> in, int k, Comparator<? super V> order, boolean ranked, Layout out) {
        Objects.requireNonNull(order, "order");
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive: " + k);
        }
        return Wiring.addKeyedIndexedStream(ranked ? "rowNumbers" : "topK", out,
                keyed -> new TopKOperator(keyed.trace(0), k, (Comparator<Object>) order, ranked, out), in);
    }
}
