package org.jdbsp.operators.window;

import org.jdbsp.circuit.spi.Wiring;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.Placement;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.operators.aggregate.internal.KeyedAggregateOperator;
import org.jdbsp.operators.time.LateFilter;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.time.internal.StateGcOperator;
import org.jdbsp.zset.Layout;

/**
 * Windowed aggregates on event time: {@code GROUP BY key, window} whose rows are final, emitted once the
 * watermark has passed the window's end (Flink's window aggregation, Kafka Streams' suppressed
 * {@code windowedBy(...).aggregate(...)}).
 *
 * <pre>{@code
 * Watermark wm = Watermarks.watermark(bids, Bid::dateTime, 4_000);
 * WindowAggregation<Long, Long> counts = WindowedAggregates.aggregate(bids, Bid::auction, Bid::dateTime,
 *         Windows.hopping(10_000, 2_000), wm, 0, WindowAggregate.count());
 * counts.stream();          // WindowResult(auction, start, end, count), one row per closed window
 * wm.endOfInput();          // bounded input: the next step closes every window
 * }</pre>
 */
public final class WindowedAggregates {
    private WindowedAggregates() {}

    /**
     * Aggregates the records of each (fixed-size window, key); a window's rows are emitted when the
     * watermark reaches its end. Records with event time below the watermark (before the step) minus
     * {@code allowedLatenessMs} are dropped and counted; within the lateness they update emitted rows;
     * a window's state is dropped once the watermark reaches its end plus the lateness.
     */
    @SuppressWarnings("unchecked")
    public static <T, K, R> WindowAggregation<K, R> aggregate(ZSetStream<T> records, Function<? super T, ? extends K> key,
                                                             ToLongFunction<? super T> eventTime, TimeWindows windows,
                                                             Watermark watermark, long allowedLatenessMs,
                                                             WindowAggregate<? super T, R> aggregator) {
        check(key, eventTime, windows, watermark, allowedLatenessMs, aggregator);
        Function<Object, Object> k = (Function<Object, Object>) key;
        return fixedSize(operator(k, null, (ToLongFunction<Object>) eventTime, windows, aggregator, allowedLatenessMs), k,
                allowedLatenessMs, records, eventTime, watermark);
    }

    /**
     * As {@link #aggregate(ZSetStream, Function, ToLongFunction, TimeWindows, Watermark, long, WindowAggregate)},
     * with a key that is a primitive long: a record's key is read and looked up unboxed (the rows carry it boxed).
     */
    @SuppressWarnings("unchecked")
    public static <T, R> WindowAggregation<Long, R> aggregateByLong(ZSetStream<T> records, ToLongFunction<? super T> key,
                                                                   ToLongFunction<? super T> eventTime, TimeWindows windows,
                                                                   Watermark watermark, long allowedLatenessMs,
                                                                   WindowAggregate<? super T, R> aggregator) {
        check(key, eventTime, windows, watermark, allowedLatenessMs, aggregator);
        ToLongFunction<Object> longKey = (ToLongFunction<Object>) key;
        Function<Object, Object> boxed = r -> longKey.applyAsLong(r);
        return fixedSize(operator(boxed, longKey, (ToLongFunction<Object>) eventTime, windows, aggregator, allowedLatenessMs),
                boxed, allowedLatenessMs, records, eventTime, watermark);
    }

    /**
     * The operator of a fixed-size window aggregate: the ordinary keyed aggregate with (window start, key) groups and
     * emission on close, keyed by the objects {@code key(record)}, or by the unboxed longs {@code longKey(record)} when
     * {@code longKey} is not null ({@code key} boxing the same long).
     */
    static KeyedAggregateOperator operator(Function<Object, Object> key, ToLongFunction<Object> longKey,
                                           ToLongFunction<Object> eventTime, TimeWindows windows, WindowAggregate<?, ?> agg,
                                           long lateness) {
        return KeyedAggregateOperator.onClose(new KeyedAggregateOperator.Windowed(key, longKey, eventTime, windows, agg.update,
                WindowStateAggregator.of(agg), new WindowRows(agg), lateness));
    }

    private static <T, K, R> WindowAggregation<K, R> fixedSize(KeyedAggregateOperator op, Function<Object, Object> key,
                                                               long lateness, ZSetStream<T> records,
                                                               ToLongFunction<? super T> eventTime, Watermark watermark) {
        WindowAggregation<K, R> rows = wire("windowAggregate", op, KeyedAggregateOperator::watermark, key, lateness, records,
                eventTime, watermark);
        // its windows are forgotten as the watermark passes them, like any state with a time (margin 0: a
        // window's time already includes the lateness)
        Wiring.addSink("forgetWindows", new StateGcOperator(op, 0), watermark.stream());
        return rows;
    }

    /**
     * Aggregates the records of each session of each key (see {@link SessionWindows}); a session's row
     * {@code (key, first time, last time + gap, aggregate)} is emitted when the watermark reaches its end
     * (one millisecond later for {@link Windows#sessionInclusive}, where a record at the end still joins it).
     * Lateness as in {@link #aggregate(ZSetStream, Function, ToLongFunction, TimeWindows, Watermark, long,
     * WindowAggregate)}; a late record within the lateness may extend or merge emitted sessions, which then
     * retract and re-emit their rows.
     */
    @SuppressWarnings("unchecked")
    public static <T, K, R> WindowAggregation<K, R> aggregate(ZSetStream<T> records, Function<? super T, ? extends K> key,
                                                             ToLongFunction<? super T> eventTime, SessionWindows windows,
                                                             Watermark watermark, long allowedLatenessMs,
                                                             WindowAggregate<? super T, R> aggregator) {
        check(key, eventTime, windows, watermark, allowedLatenessMs, aggregator);
        SessionAggregateOperator op = new SessionAggregateOperator((Function<Object, Object>) key,
                (ToLongFunction<Object>) eventTime, windows, aggregator, allowedLatenessMs);
        return wire("sessionAggregate", op, SessionAggregateOperator::watermark, op.key, op.lateness, records, eventTime, watermark);
    }

    /** {@code COUNT(*)} per (window, key), no allowed lateness. */
    public static <T, K> WindowAggregation<K, Long> count(ZSetStream<T> records, Function<? super T, ? extends K> key,
                                                         ToLongFunction<? super T> eventTime, TimeWindows windows,
                                                         Watermark watermark) {
        return aggregate(records, key, eventTime, windows, watermark, 0, WindowAggregate.count());
    }

    /** {@code COUNT(*)} per (window, long key), no allowed lateness; the key is read unboxed (see {@link #aggregateByLong}). */
    public static <T> WindowAggregation<Long, Long> countByLong(ZSetStream<T> records, ToLongFunction<? super T> key,
                                                               ToLongFunction<? super T> eventTime, TimeWindows windows,
                                                               Watermark watermark) {
        return aggregateByLong(records, key, eventTime, windows, watermark, 0, WindowAggregate.count());
    }

    /** {@code SUM(field)} per (window, key), no allowed lateness. */
    public static <T, K> WindowAggregation<K, Long> sum(ZSetStream<T> records, Function<? super T, ? extends K> key,
                                                       ToLongFunction<? super T> eventTime, TimeWindows windows,
                                                       Watermark watermark, ToLongFunction<? super T> field) {
        return aggregate(records, key, eventTime, windows, watermark, 0, WindowAggregate.sum(field));
    }

    /** {@code MAX(field)} per (window, key), no allowed lateness. */
    public static <T, K> WindowAggregation<K, Long> max(ZSetStream<T> records, Function<? super T, ? extends K> key,
                                                       ToLongFunction<? super T> eventTime, TimeWindows windows,
                                                       Watermark watermark, ToLongFunction<? super T> field) {
        return aggregate(records, key, eventTime, windows, watermark, 0, WindowAggregate.max(field));
    }

    /** {@code MIN(field)} per (window, key), no allowed lateness. */
    public static <T, K> WindowAggregation<K, Long> min(ZSetStream<T> records, Function<? super T, ? extends K> key,
                                                       ToLongFunction<? super T> eventTime, TimeWindows windows,
                                                       Watermark watermark, ToLongFunction<? super T> field) {
        return aggregate(records, key, eventTime, windows, watermark, 0, WindowAggregate.min(field));
    }

    private static void check(Object key, Object eventTime, Object windows, Watermark watermark, long lateness, Object agg) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(eventTime, "eventTime");
        Objects.requireNonNull(windows, "windows");
        Objects.requireNonNull(watermark, "watermark");
        Objects.requireNonNull(agg, "aggregator");
        if (lateness < 0) {
            throw new IllegalArgumentException("allowed lateness must not be negative: " + lateness);
        }
    }

    /**
     * Late records are dropped by the same rule and operator as {@link Watermarks#dropLate} (before the exchange,
     * so they never travel); the others go to the worker owning their key, where the key's windows live.
     */
    private static <T, K, R, O extends Operator> WindowAggregation<K, R> wire(String kind, O op, ToLongFunction<O> watermarkOf,
                                                                              Function<Object, Object> key, long lateness,
                                                                              ZSetStream<T> records, ToLongFunction<? super T> eventTime,
                                                                              Watermark watermark) {
        LateFilter<T> onTime = Watermarks.dropLate(records, watermark, eventTime, lateness);
        ZSetStream<T> byKey = onTime.stream().shardBy(key);
        ZSetStream<WindowResult<K, R>> rows = Wiring.addStream(kind, op, Layout.OBJECTS, Placement.ANY, byKey, watermark.stream());
        return new WindowAggregation<>(records.builder().workers().replicas(op), watermarkOf, onTime, rows);
    }
}
