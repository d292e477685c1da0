package org.jdbsp.zset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ObjLongConsumer;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.Merging;

/**
 * A Z-set: an immutable finite map from records to non-zero {@code long} weights, with group addition.
 *
 * <p>It is stored consolidated: records sorted by the layout's order, each record once, no zero weight.
 * A Z-set of longs keeps them in a {@code long[]}; records of other types live in an object column.
 *
 * @param <T> the record type
 */
public final class ZSet<T> {
    private final Batch batch;

    private ZSet(Batch batch) {
        if (!batch.layout.isPlainZSet()) {
            throw new IllegalArgumentException("not a plain Z-set layout: " + batch.layout);
        }
        this.batch = batch;
    }

    /** Wraps a consolidated batch of a plain Z-set layout (an internal bridge; users build with {@link #builder()}). */
    public static <T> ZSet<T> wrap(Batch batch) {
        return new ZSet<>(batch);
    }

    /** The empty Z-set of records in the natural order. */
    public static <T> ZSet<T> empty() {
        return new ZSet<>(Batch.empty(Layout.OBJECTS));
    }

    /** The empty Z-set of a layout. */
    public static <T> ZSet<T> empty(Layout layout) {
        return new ZSet<>(Batch.empty(layout));
    }

    /** A builder of Z-sets of records in the natural order ({@link Orders#natural()}). */
    public static <T> ZSetBuilder<T> builder() {
        return new ZSetBuilder<>(Layout.OBJECTS);
    }

    /** A builder of Z-sets of records ordered by {@code order}. */
    public static <T> ZSetBuilder<T> builder(java.util.Comparator<? super T> order) {
        return new ZSetBuilder<>(Layout.zset(order));
    }

    /** A builder of Z-sets of longs stored in a {@code long[]}. */
    public static ZSetBuilder<Long> longBuilder() {
        return new ZSetBuilder<>(Layout.LONGS);
    }

    /** The Z-set holding each given record with weight 1 (repeats add up). */
    @SafeVarargs
    public static <T> ZSet<T> of(T... records) {
        ZSetBuilder<T> b = builder();
        for (T r : records) {
            b.add(r, 1);
        }
        return b.build();
    }

    /** The underlying batch (SPI: for operators and kernels; see {@link org.jdbsp.zset.spi}). */
    public Batch batch() {
        return batch;
    }

    /** The layout of this Z-set. */
    public Layout layout() {
        return batch.layout;
    }

    /** Number of distinct records. */
    public int size() {
        return batch.size;
    }

    /** True when no record has a non-zero weight. */
    public boolean isEmpty() {
        return batch.size == 0;
    }

    /**
     * The sum of the absolute values of the weights: how many single insertions and deletions make up this
     * change (a record of weight -2 counts 2). Saturates at {@link Long#MAX_VALUE}.
     */
    public long absoluteWeight() {
        long sum = 0;
        long[] weights = batch.weights;
        for (int i = 0; i < batch.size; i++) {
            long w = weights[i];
            long abs = w == Long.MIN_VALUE ? Long.MAX_VALUE : Math.abs(w);
            sum = sum + abs < sum ? Long.MAX_VALUE : sum + abs;
        }
        return sum;
    }

    /** The weight of {@code record}, zero when absent. */
    public long weight(T record) {
        int i = batch.seekKey(0, record);
        if (i >= batch.size) {
            return 0;
        }
        boolean equal = batch.longKeys != null
                ? batch.longKeys[i] == ((Number) record).longValue()
                : batch.layout.keyOrder().compare(batch.objKeys[i], record) == 0;
        return equal ? batch.weights[i] : 0;
    }

    /** Returns {@code this + other}. */
    public ZSet<T> plus(ZSet<T> other) {
        return new ZSet<>(Merging.plus(batch, other.batch));
    }

    /** Returns {@code this - other}. */
    public ZSet<T> minus(ZSet<T> other) {
        return new ZSet<>(Merging.minus(batch, other.batch));
    }

    /** Returns {@code -this}. */
    public ZSet<T> negate() {
        return new ZSet<>(Merging.negate(batch));
    }

    /** The sum of all given Z-sets (at least one). */
    public static <T> ZSet<T> sum(List<ZSet<T>> zsets) {
        List<Batch> batches = new ArrayList<>(zsets.size());
        for (ZSet<T> z : zsets) {
            batches.add(z.batch);
        }
        return new ZSet<>(Merging.sum(batches, null));
    }

    /** Calls {@code consumer} with each record and its weight, in order. */
    @SuppressWarnings("unchecked")
    public void forEach(ObjLongConsumer<? super T> consumer) {
        for (int i = 0; i < batch.size; i++) {
            consumer.accept((T) batch.key(i), batch.weights[i]);
        }
    }

    /** A cursor over the records, in order. */
    public ZSetCursor<T, Void> cursor() {
        return new ZSetCursor<>(batch);
    }

    /** The records and weights as an insertion-ordered map (boxes; for tests and small results). */
    @SuppressWarnings("unchecked")
    public Map<T, Long> toMap() {
        Map<T, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < batch.size; i++) {
            m.put((T) batch.key(i), batch.weights[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /**
     * True when {@code o} is a Z-set holding the same records (compared with {@code equals}) with the same
     * weights, whatever the order or layout each is stored in: a Z-set of longs equals a Z-set of the same
     * {@code Long}s in an object column, and a Z-set sorted by one comparator equals the same records
     * sorted by another. Two Z-sets of one layout are compared array by array.
     */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof ZSet && Content.equal(batch, ((ZSet<?>) o).batch);
    }

    /** A hash code of the content, independent of the storage order and layout (consistent with {@link #equals}). */
    @Override
    public int hashCode() {
        return Content.hash(batch);
    }

    /**
     * The records and weights as {@code {record xW, ...}}, in an order that depends on the content only:
     * longs in numeric order; records that are all {@link Comparable} and of one class in their
     * {@code compareTo} order; any other records (Java records, say) in the order of their
     * {@code toString}.
     */
    @Override
    public String toString() {
        return Content.text(batch);
    }
}
