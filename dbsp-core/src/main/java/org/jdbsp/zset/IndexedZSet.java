package org.jdbsp.zset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ObjLongConsumer;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;
import org.jdbsp.zset.spi.Merging;

/**
 * An indexed Z-set: an immutable map from keys to Z-sets of values, stored as one consolidated batch of
 * (key, value, weight) tuples sorted by key then value.
 *
 * <p>Long keys and long values live in {@code long[]} columns, never boxed; the {@link Layout} says which.
 *
 * @param <K> the key type
 * @param <V> the value type
 */
public final class IndexedZSet<K, V> {
    private final Batch batch;

    private IndexedZSet(Batch batch) {
        if (batch.layout.isPlainZSet()) {
            throw new IllegalArgumentException("an indexed Z-set needs a value column: " + batch.layout);
        }
        this.batch = batch;
    }

    /** Wraps a consolidated batch of an indexed layout (an internal bridge; users build with a builder). */
    public static <K, V> IndexedZSet<K, V> wrap(Batch batch) {
        return new IndexedZSet<>(batch);
    }

    /** The empty indexed Z-set of a layout. */
    public static <K, V> IndexedZSet<K, V> empty(Layout layout) {
        return new IndexedZSet<>(Batch.empty(layout));
    }

    /** A builder for indexed Z-sets of {@code layout}. */
    public static <K, V> IndexedZSetBuilder<K, V> builder(Layout layout) {
        return new IndexedZSetBuilder<>(layout);
    }

    /** The underlying batch (internal: for operators and kernels). */
    public Batch batch() {
        return batch;
    }

    /** The layout of this indexed Z-set. */
    public Layout layout() {
        return batch.layout;
    }

    /** Number of (key, value) tuples. */
    public int size() {
        return batch.size;
    }

    /** True when there is no tuple. */
    public boolean isEmpty() {
        return batch.size == 0;
    }

    /** Returns {@code this + other}. */
    public IndexedZSet<K, V> plus(IndexedZSet<K, V> other) {
        return new IndexedZSet<>(Merging.plus(batch, other.batch));
    }

    /** Returns {@code this - other}. */
    public IndexedZSet<K, V> minus(IndexedZSet<K, V> other) {
        return new IndexedZSet<>(Merging.minus(batch, other.batch));
    }

    /** Returns {@code -this}. */
    public IndexedZSet<K, V> negate() {
        return new IndexedZSet<>(Merging.negate(batch));
    }

    /** The sum of all given indexed Z-sets (at least one). */
    public static <K, V> IndexedZSet<K, V> sum(List<IndexedZSet<K, V>> sets) {
        List<Batch> batches = new ArrayList<>(sets.size());
        for (IndexedZSet<K, V> z : sets) {
            batches.add(z.batch);
        }
        return new IndexedZSet<>(Merging.sum(batches, null));
    }

    /** Calls {@code consumer} with each value of {@code key} and its weight, in value order. */
    @SuppressWarnings("unchecked")
    public void forEachValue(K key, ObjLongConsumer<? super V> consumer) {
        int i = batch.seekKey(0, key);
        if (i >= batch.size || !Objects.equals(batch.key(i), key)) {
            return;
        }
        int end = batch.endOfKey(i);
        for (; i < end; i++) {
            consumer.accept((V) batch.value(i), batch.weights[i]);
        }
    }

    /** The values of {@code key} as a Z-set (empty when the key is absent). */
    public ZSet<V> lookup(K key) {
        BatchBuilder b = new BatchBuilder(valuesLayout());
        forEachValue(key, (v, w) -> b.addBoxed(v, null, w));
        return ZSet.wrap(b.build());
    }

    private Layout valuesLayout() {
        return batch.layout.valueKind() == ColumnKind.LONG ? Layout.LONGS : Layout.zset(batch.layout.valueOrder());
    }

    /** Calls {@code consumer} with each tuple, in (key, value) order. */
    @SuppressWarnings("unchecked")
    public void forEach(TupleConsumer<? super K, ? super V> consumer) {
        for (int i = 0; i < batch.size; i++) {
            consumer.accept((K) batch.key(i), (V) batch.value(i), batch.weights[i]);
        }
    }

    /** A cursor over the tuples, in (key, value) order. */
    public ZSetCursor<K, V> cursor() {
        return new ZSetCursor<>(batch);
    }

    /**
     * Each key with its values as a Z-set (the same Z-set {@link #lookup} returns), in an unmodifiable map
     * that iterates in this indexed Z-set's key order (boxes; for tests and small results).
     */
    public Map<K, ZSet<V>> toMap() {
        Layout valuesLayout = valuesLayout();
        Map<K, ZSet<V>> m = new LinkedHashMap<>();
        for (int i = 0; i < batch.size; ) {
            int end = batch.endOfKey(i);
            BatchBuilder values = new BatchBuilder(valuesLayout, end - i);
            for (int j = i; j < end; j++) {
                values.addBoxed(batch.value(j), null, batch.weights[j]);
            }
            @SuppressWarnings("unchecked") // the batch's keys are K's
            K key = (K) batch.key(i);
            m.put(key, ZSet.wrap(values.build()));
            i = end;
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * True when {@code o} is an indexed Z-set holding the same (key, value) tuples (compared with
     * {@code equals}) with the same weights, whatever the order or layout each is stored in. Two indexed
     * Z-sets of one layout are compared array by array.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof IndexedZSet && Content.equal(batch, ((IndexedZSet<?, ?>) o).batch);
    }

    /** A hash code of the content, independent of the storage order and layout (consistent with {@link #equals}). */
    @Override
    public int hashCode() {
        return Content.hash(batch);
    }

    /**
     * The tuples as {@code {key -> value xW, ...}}, sorted by key, then value, each column in an order
     * that depends on the content only: longs in numeric order; records that are all {@link Comparable}
     * and of one class in their {@code compareTo} order; any other records in the order of their
     * {@code toString}.
     */
    @Override
    public String toString() {
        return Content.text(batch);
    }
}
