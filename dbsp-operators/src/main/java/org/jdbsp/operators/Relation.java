package org.jdbsp.operators;

import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.operators.distinct.Distinct;
import org.jdbsp.operators.time.TimeStamper;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.window.SessionWindows;
import org.jdbsp.operators.window.TimeWindows;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.ZSet;

/**
 * A {@link ZSetStream} with the relational operators of this module as methods: {@code distinct}, grouping,
 * watermarks, late-record filtering and windowed aggregates, next to the linear operators of the core
 * stream. It is the core stream (same circuit, same operator), so it goes wherever a {@link ZSetStream} is
 * accepted; every method returning a stream returns a {@link Relation} or an {@link IndexedRelation}, so a
 * chain keeps these methods. Each method adds exactly what the static entry it names adds.
 *
 * <pre>{@code
 * Relation<Order> orders = Relation.of(c.<Order>zsetInput("orders"));
 * IndexedRelation<String, Long> revenue = orders.groupBy(Order::customer).sum(Order::cents);
 * }</pre>
 *
 * @param <T> the record type
 */
public final class Relation<T> extends ZSetStream<T> {
    private Relation(ZSetStream<T> stream) {
        super(stream);
    }

    /** {@code stream} with the relational operators as methods (the stream itself if it already is a relation). */
    public static <T> Relation<T> of(ZSetStream<T> stream) {
        return stream instanceof Relation<T> r ? r : new Relation<>(stream);
    }

    /** The stream of {@code input} with the relational operators as methods. */
    public static <T> Relation<T> of(ZSetInput<T> input) {
        return of(input.stream());
    }

    // ---- the core stream's operators, returning relations

    @Override
    public Relation<T> named(String name) {
        super.named(name);
        return this;
    }

    @Override
    public Relation<T> filter(Predicate<? super T> predicate) {
        return of(super.filter(predicate));
    }

    @Override
    public Relation<T> shard() {
        return of(super.shard());
    }

    @Override
    public Relation<T> shardBy(Function<? super T, ?> key) {
        return of(super.shardBy(key));
    }

    @Override
    public <R> Relation<R> map(Function<? super T, ? extends R> f) {
        return of(super.map(f));
    }

    @Override
    public <R> Relation<R> map(Function<? super T, ? extends R> f, Comparator<? super R> order) {
        return of(super.map(f, order));
    }

    @Override
    public Relation<Long> mapToLong(ToLongFunction<? super T> f) {
        return of(super.mapToLong(f));
    }

    @Override
    public <R> Relation<R> flatMap(Function<? super T, ? extends Iterable<? extends R>> f) {
        return of(super.flatMap(f));
    }

    @Override
    public <K, V> IndexedRelation<K, V> index(Function<? super T, ? extends K> key, Function<? super T, ? extends V> value) {
        return IndexedRelation.of(super.index(key, value));
    }

    @Override
    public <K, V> IndexedRelation<K, V> index(Function<? super T, ? extends K> key, Function<? super T, ? extends V> value,
                                              Comparator<? super K> keyOrder, Comparator<? super V> valueOrder) {
        return IndexedRelation.of(super.index(key, value, keyOrder, valueOrder));
    }

    @Override
    public <V> IndexedRelation<Long, V> indexByLong(ToLongFunction<? super T> key, Function<? super T, ? extends V> value) {
        return IndexedRelation.of(super.indexByLong(key, value));
    }

    @Override
    public <V> IndexedRelation<Long, V> indexByLong(ToLongFunction<? super T> key, Function<? super T, ? extends V> value,
                                                    Comparator<? super V> valueOrder) {
        return IndexedRelation.of(super.indexByLong(key, value, valueOrder));
    }

    @Override
    public IndexedRelation<Long, Long> indexLongToLong(ToLongFunction<? super T> key, ToLongFunction<? super T> value) {
        return IndexedRelation.of(super.indexLongToLong(key, value));
    }

    @Override
    public Relation<T> plus(ZSetStream<T> other) {
        return of(super.plus(other));
    }

    @Override
    public Relation<T> minus(ZSetStream<T> other) {
        return of(super.minus(other));
    }

    @Override
    public Relation<T> negate() {
        return of(super.negate());
    }

    @Override
    public Relation<T> delay() {
        return of(super.delay());
    }

    @Override
    public Relation<T> integrate() {
        return of(super.integrate());
    }

    @Override
    public Relation<T> differentiate() {
        return of(super.differentiate());
    }

    @Override
    public Relation<T> inspect(Consumer<? super ZSet<T>> consumer) {
        super.inspect(consumer);
        return this;
    }

    @Override
    public <R> Relation<R> apply(String kind, UnaryOperator operator, Layout out) {
        return of(super.apply(kind, operator, out));
    }

    @Override
    public <K, V> IndexedRelation<K, V> applyIndexed(String kind, UnaryOperator operator, Layout out) {
        return IndexedRelation.of(super.applyIndexed(kind, operator, out));
    }

    // ---- relational operators

    /**
     * The records grouped by {@code key}, each record its own value ({@code index(key, r -> r)}), ready for
     * an aggregate, a join or a top-k per key. For long keys, {@link #indexByLong} stores them unboxed.
     */
    public <K> IndexedRelation<K, T> groupBy(Function<? super T, ? extends K> key) {
        return index(key, Function.identity());
    }

    /** The records whose total weight is positive, each with weight 1; see {@link Distinct#distinct(ZSetStream)}. */
    public Relation<T> distinct() {
        return of(Distinct.distinct(this));
    }

    /** The watermark of these records' event times, {@code delayMs} behind; see {@link Watermarks#watermark}. */
    public Watermark watermark(ToLongFunction<? super T> eventTime, long delayMs) {
        return Watermarks.watermark(this, eventTime, delayMs);
    }

    /**
     * The records that are not later than {@code allowedLatenessMs} behind {@code watermark}; see
     * {@link Watermarks#dropLate}, which also counts the records dropped.
     */
    public Relation<T> dropLate(Watermark watermark, ToLongFunction<? super T> eventTime, long allowedLatenessMs) {
        return of(Watermarks.dropLate(this, watermark, eventTime, allowedLatenessMs).stream());
    }

    /** Every record stamped with the watermark after its step, {@code f(record, w)}; see {@link Watermarks#stamp}. */
    public <R> Relation<R> stamp(Watermark watermark, TimeStamper<? super T, ? extends R> f) {
        return of(Watermarks.stamp(this, watermark, f));
    }

    /**
     * These records in fixed-size windows of {@code eventTime}, closed by {@code watermark}: pick the key and
     * the aggregate next ({@code .count(key)}); see {@link WindowedRelation}.
     */
    public WindowedRelation<T> window(TimeWindows windows, ToLongFunction<? super T> eventTime, Watermark watermark) {
        return WindowedRelation.of(this, windows, eventTime, watermark);
    }

    /**
     * These records in session windows of {@code eventTime} per key, closed by {@code watermark}: pick the key
     * and the aggregate next; see {@link WindowedRelation}.
     */
    public WindowedRelation<T> window(SessionWindows windows, ToLongFunction<? super T> eventTime, Watermark watermark) {
        return WindowedRelation.of(this, windows, eventTime, watermark);
    }
}
