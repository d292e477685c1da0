package org.jdbsp.operators;

import java.util.Comparator;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.IndexedZSetInput;
import org.jdbsp.circuit.spi.UnaryOperator;
import org.jdbsp.operators.aggregate.Aggregates;
import org.jdbsp.operators.aggregate.Aggregator;
import org.jdbsp.operators.aggregate.IncrementalAggregator;
import org.jdbsp.operators.distinct.Distinct;
import org.jdbsp.operators.join.JoinFunction;
import org.jdbsp.operators.join.Joins;
import org.jdbsp.operators.join.KeyedJoinFunction;
import org.jdbsp.operators.join.LongKeyJoinFunction;
import org.jdbsp.operators.lag.Lag;
import org.jdbsp.operators.lag.LagRow;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.topk.Ranked;
import org.jdbsp.operators.topk.TopK;
import org.jdbsp.zset.IndexedZSet;
import org.jdbsp.zset.Layout;

/**
 * An {@link IndexedZSetStream} with the relational operators of this module as methods: joins, aggregates by
 * key, distinct, top-k, lag and watermark-driven state bounds, next to the linear operators of the core
 * indexed stream. It is the core stream (same circuit, same operator), so it goes wherever an
 * {@link IndexedZSetStream} is accepted, and the other side of a join may be either kind; every method returning
 * a stream returns a {@link Relation} or an {@link IndexedRelation}. Each method adds exactly what the static
 * entry it names adds (see there for the contract).
 *
 * @param <K> the key type (stored as {@code long} when the layout's key column is LONG)
 * @param <V> the value type
 */
public final class IndexedRelation<K, V> extends IndexedZSetStream<K, V> {
    private IndexedRelation(IndexedZSetStream<K, V> stream) {
        super(stream);
    }

    /** {@code stream} with the relational operators as methods (the stream itself if it already is one). */
    public static <K, V> IndexedRelation<K, V> of(IndexedZSetStream<K, V> stream) {
        return stream instanceof IndexedRelation<K, V> r ? r : new IndexedRelation<>(stream);
    }

    /** The stream of {@code input} with the relational operators as methods. */
    public static <K, V> IndexedRelation<K, V> of(IndexedZSetInput<K, V> input) {
        return of(input.stream());
    }

    // ---- the core indexed stream's operators, returning relations

    @Override
    public IndexedRelation<K, V> named(String name) {
        super.named(name);
        return this;
    }

    @Override
    public IndexedRelation<K, V> filter(BiPredicate<? super K, ? super V> predicate) {
        return of(super.filter(predicate));
    }

    @Override
    public IndexedRelation<K, V> shard() {
        return of(super.shard());
    }

    @Override
    public <R> Relation<R> map(BiFunction<? super K, ? super V, ? extends R> f) {
        return Relation.of(super.map(f));
    }

    @Override
    public <R> Relation<R> map(BiFunction<? super K, ? super V, ? extends R> f, Comparator<? super R> order) {
        return Relation.of(super.map(f, order));
    }

    @Override
    public <W> IndexedRelation<K, W> mapValues(Function<? super V, ? extends W> f) {
        return of(super.mapValues(f));
    }

    @Override
    public Relation<V> values() {
        return Relation.of(super.values());
    }

    @Override
    public IndexedRelation<K, V> plus(IndexedZSetStream<K, V> other) {
        return of(super.plus(other));
    }

    @Override
    public IndexedRelation<K, V> minus(IndexedZSetStream<K, V> other) {
        return of(super.minus(other));
    }

    @Override
    public IndexedRelation<K, V> negate() {
        return of(super.negate());
    }

    @Override
    public IndexedRelation<K, V> delay() {
        return of(super.delay());
    }

    @Override
    public IndexedRelation<K, V> integrate() {
        return of(super.integrate());
    }

    @Override
    public IndexedRelation<K, V> differentiate() {
        return of(super.differentiate());
    }

    @Override
    public IndexedRelation<K, V> inspect(Consumer<? super IndexedZSet<K, V>> consumer) {
        super.inspect(consumer);
        return this;
    }

    @Override
    public <R> Relation<R> apply(String kind, UnaryOperator operator, Layout out) {
        return Relation.of(super.apply(kind, operator, out));
    }

    @Override
    public <K2, V2> IndexedRelation<K2, V2> applyIndexed(String kind, UnaryOperator operator, Layout out) {
        return of(super.applyIndexed(kind, operator, out));
    }

    // ---- joins

    /** The inner join with {@code other} on the key: {@code f(v, b)} per pair; see {@link Joins#join(IndexedZSetStream, IndexedZSetStream, JoinFunction)}. */
    public <B, R> Relation<R> join(IndexedZSetStream<K, B> other, JoinFunction<? super V, ? super B, ? extends R> f) {
        return Relation.of(Joins.join(this, other, f));
    }

    /** The inner join with its records ordered by {@code order}; see {@link Joins#join(IndexedZSetStream, IndexedZSetStream, JoinFunction, Comparator)}. */
    public <B, R> Relation<R> join(IndexedZSetStream<K, B> other, JoinFunction<? super V, ? super B, ? extends R> f, Comparator<? super R> order) {
        return Relation.of(Joins.join(this, other, f, order));
    }

    /** The inner join keeping the pairs {@code predicate} accepts; see {@link Joins#joinWhere(IndexedZSetStream, IndexedZSetStream, BiPredicate, JoinFunction)}. */
    public <B, R> Relation<R> joinWhere(IndexedZSetStream<K, B> other, BiPredicate<? super V, ? super B> predicate,
                                        JoinFunction<? super V, ? super B, ? extends R> f) {
        return Relation.of(Joins.joinWhere(this, other, predicate, f));
    }

    /** {@link #joinWhere(IndexedZSetStream, BiPredicate, JoinFunction)} with its records ordered by {@code order}; see {@link Joins#joinWhere}. */
    public <B, R> Relation<R> joinWhere(IndexedZSetStream<K, B> other, BiPredicate<? super V, ? super B> predicate,
                                        JoinFunction<? super V, ? super B, ? extends R> f, Comparator<? super R> order) {
        return Relation.of(Joins.joinWhere(this, other, predicate, f, order));
    }

    /** The inner join with a predicate whose output stays indexed by the join key; see {@link Joins#joinWhereByKey}. */
    public <B, R> IndexedRelation<K, R> joinWhereByKey(IndexedZSetStream<K, B> other, BiPredicate<? super V, ? super B> predicate,
                                                       JoinFunction<? super V, ? super B, ? extends R> f, Comparator<? super R> valueOrder) {
        return of(Joins.joinWhereByKey(this, other, predicate, f, valueOrder));
    }

    /** The inner join whose function also sees the key; see {@link Joins#joinWithKey}. */
    public <B, R> Relation<R> joinWithKey(IndexedZSetStream<K, B> other, KeyedJoinFunction<? super K, ? super V, ? super B, ? extends R> f,
                                          Comparator<? super R> order) {
        return Relation.of(Joins.joinWithKey(this, other, f, order));
    }

    /**
     * The inner join of two long-keyed streams whose function sees the unboxed key; fails like the static
     * entry when the keys are not stored as longs. See {@link Joins#joinWithLongKey}.
     */
    public <B, R> Relation<R> joinWithLongKey(IndexedZSetStream<Long, B> other, LongKeyJoinFunction<? super V, ? super B, ? extends R> f,
                                              Comparator<? super R> order) {
        return Relation.of(Joins.joinWithLongKey(longKeyed(), other, f, order));
    }

    /** The lookup join: each change meets {@code other} as it is in that step; see {@link Joins#lookupJoin(IndexedZSetStream, IndexedZSetStream, JoinFunction)}. */
    public <B, R> Relation<R> lookupJoin(IndexedZSetStream<K, B> other, JoinFunction<? super V, ? super B, ? extends R> f) {
        return Relation.of(Joins.lookupJoin(this, other, f));
    }

    /** The lookup join with its records ordered by {@code order}; see {@link Joins#lookupJoin(IndexedZSetStream, IndexedZSetStream, JoinFunction, Comparator)}. */
    public <B, R> Relation<R> lookupJoin(IndexedZSetStream<K, B> other, JoinFunction<? super V, ? super B, ? extends R> f,
                                         Comparator<? super R> order) {
        return Relation.of(Joins.lookupJoin(this, other, f, order));
    }

    /** The left outer join ({@code f(v, null)} for keys absent from {@code other}); see {@link Joins#leftJoin(IndexedZSetStream, IndexedZSetStream, JoinFunction)}. */
    public <B, R> Relation<R> leftJoin(IndexedZSetStream<K, B> other, JoinFunction<? super V, ? super B, ? extends R> f) {
        return Relation.of(Joins.leftJoin(this, other, f));
    }

    /** The left outer join with its records ordered by {@code order}; see {@link Joins#leftJoin(IndexedZSetStream, IndexedZSetStream, JoinFunction, Comparator)}. */
    public <B, R> Relation<R> leftJoin(IndexedZSetStream<K, B> other, JoinFunction<? super V, ? super B, ? extends R> f,
                                       Comparator<? super R> order) {
        return Relation.of(Joins.leftJoin(this, other, f, order));
    }

    /** The tuples whose key is present in {@code other}; see {@link Joins#semiJoin}. */
    public <B> IndexedRelation<K, V> semiJoin(IndexedZSetStream<K, B> other) {
        return of(Joins.semiJoin(this, other));
    }

    /** The tuples whose key is absent from {@code other}; see {@link Joins#antiJoin}. */
    public <B> IndexedRelation<K, V> antiJoin(IndexedZSetStream<K, B> other) {
        return of(Joins.antiJoin(this, other));
    }

    // ---- aggregates by key

    /** The number of tuples of each key ({@code COUNT(*)}); see {@link Aggregates#count}. */
    public IndexedRelation<K, Long> count() {
        return of(Aggregates.count(this));
    }

    /** The sum of {@code f(v)} over each key ({@code SUM}); see {@link Aggregates#sum(IndexedZSetStream, ToLongFunction)}. */
    public IndexedRelation<K, Long> sum(ToLongFunction<? super V> f) {
        return of(Aggregates.sum(this, f));
    }

    /**
     * The sum of the values of each key, which must be numbers (long values are read unboxed); see
     * {@link Aggregates#sum(IndexedZSetStream)}.
     */
    @SuppressWarnings("unchecked")
    public IndexedRelation<K, Long> sum() {
        return of(Aggregates.sum((IndexedZSetStream<K, ? extends Number>) (IndexedZSetStream<K, ?>) this));
    }

    /** The integer average of {@code f(v)} over each key; see {@link Aggregates#average}. */
    public IndexedRelation<K, Long> average(ToLongFunction<? super V> f) {
        return of(Aggregates.average(this, f));
    }

    /** The exact average of {@code f(v)} over each key; see {@link Aggregates#averageAsDouble}. */
    public IndexedRelation<K, Double> averageAsDouble(ToLongFunction<? super V> f) {
        return of(Aggregates.averageAsDouble(this, f));
    }

    /** The least value of each key in {@code order}; see {@link Aggregates#min}. */
    public IndexedRelation<K, V> min(Comparator<? super V> order) {
        return of(Aggregates.min(this, order));
    }

    /** The greatest value of each key in {@code order}; see {@link Aggregates#max}. */
    public IndexedRelation<K, V> max(Comparator<? super V> order) {
        return of(Aggregates.max(this, order));
    }

    /** The least long value of each key (values stored as longs, else it fails like the static entry); see {@link Aggregates#minLong}. */
    public IndexedRelation<K, Long> minLong() {
        return of(Aggregates.minLong(longValued()));
    }

    /** The greatest long value of each key (values stored as longs); see {@link Aggregates#maxLong}. */
    public IndexedRelation<K, Long> maxLong() {
        return of(Aggregates.maxLong(longValued()));
    }

    /** The number of distinct values of each key ({@code COUNT(DISTINCT v)}); see {@link Aggregates#countDistinct}. */
    public IndexedRelation<K, Long> countDistinct() {
        return of(Aggregates.countDistinct(this));
    }

    /** A user-defined aggregate of each key, ordered naturally; see {@link Aggregates#aggregate(IndexedZSetStream, Aggregator)}. */
    public <A, R> IndexedRelation<K, R> aggregate(Aggregator<? super V, A, ? extends R> aggregator) {
        return of(Aggregates.aggregate(this, aggregator));
    }

    /** A user-defined aggregate of each key, ordered by {@code order}; see {@link Aggregates#aggregate(IndexedZSetStream, Aggregator, Comparator)}. */
    public <A, R> IndexedRelation<K, R> aggregate(Aggregator<? super V, A, ? extends R> aggregator, Comparator<? super R> order) {
        return of(Aggregates.aggregate(this, aggregator, order));
    }

    /** An aggregate kept as mutable state per key; see {@link Aggregates#incremental}. */
    public <S, R> IndexedRelation<K, R> incremental(IncrementalAggregator<? super V, S, ? extends R> aggregator, Comparator<? super R> order) {
        return of(Aggregates.incremental(this, aggregator, order));
    }

    // ---- distinct, ranking

    /** The (key, value) tuples whose total weight is positive, each with weight 1; see {@link Distinct#distinct(IndexedZSetStream)}. */
    public IndexedRelation<K, V> distinct() {
        return of(Distinct.distinct(this));
    }

    /** The first {@code k} values of each key in {@code order}; see {@link TopK#topK}. */
    public IndexedRelation<K, V> topK(int k, Comparator<? super V> order) {
        return of(TopK.topK(this, k, order));
    }

    /** The first {@code k} values of each key in {@code order} with their row numbers; see {@link TopK#rowNumbers}. */
    public IndexedRelation<K, Ranked<V>> rowNumbers(int k, Comparator<? super V> order) {
        return of(TopK.rowNumbers(this, k, order));
    }

    /** The {@code n} latest values of each key by {@code time}; see {@link TopK#lastN}. */
    public IndexedRelation<K, V> lastN(int n, ToLongFunction<? super V> time) {
        return of(TopK.lastN(this, n, time));
    }

    /** The first {@code k} values of each key in the stream's own value order; see {@link TopK#topKInValueOrder}. */
    public IndexedRelation<K, V> topKInValueOrder(int k) {
        return of(TopK.topKInValueOrder(this, k));
    }

    /** {@link #topKInValueOrder} with row numbers; see {@link TopK#rowNumbersInValueOrder}. */
    public IndexedRelation<K, Ranked<V>> rowNumbersInValueOrder(int k) {
        return of(TopK.rowNumbersInValueOrder(this, k));
    }

    /** Each value of each key with the value before it in {@code order}; see {@link Lag#lag}. */
    public IndexedRelation<K, LagRow<V>> lag(Comparator<? super V> order) {
        return of(Lag.lag(this, order));
    }

    // ---- state bounds

    /**
     * Makes the shared trace of this stream (long keys: event times or window starts) forget keys below
     * {@code watermark - marginMs}, bounding every join and aggregate reading it; returns this stream, for
     * chaining. See {@link Watermarks#forgetKeysBelow}.
     */
    public IndexedRelation<K, V> forgetKeysBelow(Watermark watermark, long marginMs) {
        Watermarks.forgetKeysBelow(longKeyed(), watermark, marginMs);
        return this;
    }

    /**
     * Makes the shared trace of this stream forget tuples whose {@code time(value)} is below
     * {@code watermark - marginMs}; returns this stream, for chaining. See {@link Watermarks#forgetValuesBelow}.
     */
    public IndexedRelation<K, V> forgetValuesBelow(Watermark watermark, ToLongFunction<? super V> time, long marginMs) {
        Watermarks.forgetValuesBelow(this, watermark, time, marginMs);
        return this;
    }

    /** This stream typed with long keys: the static entries that need them check the layout. */
    @SuppressWarnings("unchecked")
    private IndexedZSetStream<Long, V> longKeyed() {
        return (IndexedZSetStream<Long, V>) (IndexedZSetStream<?, V>) this;
    }

    /** This stream typed with long values: the static entries that need them check the layout. */
    @SuppressWarnings("unchecked")
    private IndexedZSetStream<K, Long> longValued() {
        return (IndexedZSetStream<K, Long>) (IndexedZSetStream<K, ?>) this;
    }
}
