package org.jdbsp.operators.lag;

import org.jdbsp.circuit.spi.Wiring;
import java.util.Comparator;
import java.util.Objects;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.Orders;

/**
 * {@code LAG(row) OVER (PARTITION BY key ORDER BY order)}: every row paired with the previous row of its
 * group.
 *
 * <p>Rows equal in {@code order} are ordered by the input layout's value order (deterministic, as in
 * {@link org.jdbsp.operators.topk.TopK}); the further copies of a row of weight {@code w} follow the row
 * itself, so their previous row is the row. Incremental: each step reads the groups of the keys it touches
 * from the input's shared integral trace and emits the difference of their pairs; work is proportional to
 * the touched groups' sizes.
 */
public final class Lag {
    private Lag() {}

    /** Each value of each key with the value before it in {@code order} (null for the first). */
    @SuppressWarnings("unchecked")
    public static <K, V> IndexedZSetStream<K, LagRow<V>> lag(IndexedZSetStream<K, V> in, Comparator<? super V> order) {
        Objects.requireNonNull(order, "order");
        Layout out = Layout.indexed(in.layout().keyKind(), in.layout().keyOrder(), ColumnKind.OBJECT, Orders.natural());
        return Wiring.addKeyedIndexedStream("lag", out, keyed -> new LagOperator(keyed.trace(0), (Comparator<Object>) order, out), in);
    }
}
