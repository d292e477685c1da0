package org.jdbsp.operators;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbsp.operators.time.Watermark;
import org.jdbsp.operators.window.WindowAggregate;
import org.jdbsp.operators.window.SessionWindows;
import org.jdbsp.operators.window.TimeWindows;
import org.jdbsp.operators.window.WindowAggregation;
import org.jdbsp.operators.window.WindowResult;
import org.jdbsp.operators.window.WindowedAggregates;

/**
 * The records of a {@link Relation} in event-time windows, waiting for a key and an aggregate
 * ({@link Relation#window}): {@code orders.window(Windows.tumbling(60_000), Order::time, wm).count(Order::customer)}.
 * Adds no operator by itself; each aggregate is {@link WindowedAggregates#aggregate} with these windows, and
 * gives the stream of its final rows. For the operator's counters (late records dropped, state size), call
 * {@link WindowedAggregates} directly: it returns a {@link WindowAggregation}.
 *
 * @param <T> the record type
 */
public final class WindowedRelation<T> {
    private final Relation<T> records;
    private final TimeWindows timeWindows;
    private final SessionWindows sessionWindows;
    private final ToLongFunction<? super T> eventTime;
    private final Watermark watermark;
    private final long allowedLatenessMs;

    private WindowedRelation(Relation<T> records, TimeWindows timeWindows, SessionWindows sessionWindows,
                             ToLongFunction<? super T> eventTime, Watermark watermark, long allowedLatenessMs) {
        this.records = records;
        this.timeWindows = timeWindows;
        this.sessionWindows = sessionWindows;
        this.eventTime = eventTime;
        this.watermark = watermark;
        this.allowedLatenessMs = allowedLatenessMs;
    }

    static <T> WindowedRelation<T> of(Relation<T> records, TimeWindows windows, ToLongFunction<? super T> eventTime, Watermark watermark) {
        return new WindowedRelation<>(records, Objects.requireNonNull(windows, "windows"), null, eventTime, watermark, 0);
    }

    static <T> WindowedRelation<T> of(Relation<T> records, SessionWindows windows, ToLongFunction<? super T> eventTime, Watermark watermark) {
        return new WindowedRelation<>(records, null, Objects.requireNonNull(windows, "windows"), eventTime, watermark, 0);
    }

    /**
     * The same windows accepting records up to {@code ms} behind the watermark, which update rows already
     * emitted (0, the default, drops every late record); see {@link WindowedAggregates#aggregate}.
     */
    public WindowedRelation<T> allowedLateness(long ms) {
        return new WindowedRelation<>(records, timeWindows, sessionWindows, eventTime, watermark, ms);
    }

    /** A user-defined aggregate per (window, key): one final row per window; see {@link WindowedAggregates#aggregate}. */
    public <K, R> Relation<WindowResult<K, R>> aggregate(Function<? super T, ? extends K> key, WindowAggregate<? super T, R> aggregator) {
        WindowAggregation<K, R> rows = timeWindows != null
                ? WindowedAggregates.aggregate(records, key, eventTime, timeWindows, watermark, allowedLatenessMs, aggregator)
                : WindowedAggregates.aggregate(records, key, eventTime, sessionWindows, watermark, allowedLatenessMs, aggregator);
        return Relation.of(rows.stream());
    }

    /**
     * A user-defined aggregate per (window, long key), the key read unboxed for fixed-size windows; see
     * {@link WindowedAggregates#aggregateByLong}. Sessions box it (their key is an object).
     */
    public <R> Relation<WindowResult<Long, R>> aggregateByLong(ToLongFunction<? super T> key, WindowAggregate<? super T, R> aggregator) {
        Objects.requireNonNull(key, "key");
        WindowAggregation<Long, R> rows = timeWindows != null
                ? WindowedAggregates.aggregateByLong(records, key, eventTime, timeWindows, watermark, allowedLatenessMs, aggregator)
                : WindowedAggregates.aggregate(records, (T r) -> key.applyAsLong(r), eventTime, sessionWindows, watermark,
                        allowedLatenessMs, aggregator);
        return Relation.of(rows.stream());
    }

    /** {@code COUNT(*)} per (window, long key); see {@link WindowedAggregates#countByLong}. */
    public Relation<WindowResult<Long, Long>> countByLong(ToLongFunction<? super T> key) {
        return aggregateByLong(key, WindowAggregate.count());
    }

    /** {@code COUNT(*)} per (window, key); see {@link WindowedAggregates#count}. */
    public <K> Relation<WindowResult<K, Long>> count(Function<? super T, ? extends K> key) {
        return aggregate(key, WindowAggregate.count());
    }

    /** {@code SUM(field)} per (window, key); see {@link WindowedAggregates#sum}. */
    public <K> Relation<WindowResult<K, Long>> sum(Function<? super T, ? extends K> key, ToLongFunction<? super T> field) {
        return aggregate(key, WindowAggregate.sum(field));
    }

    /** {@code MAX(field)} per (window, key); see {@link WindowedAggregates#max}. */
    public <K> Relation<WindowResult<K, Long>> max(Function<? super T, ? extends K> key, ToLongFunction<? super T> field) {
        return aggregate(key, WindowAggregate.max(field));
    }

    /** {@code MIN(field)} per (window, key); see {@link WindowedAggregates#min}. */
    public <K> Relation<WindowResult<K, Long>> min(Function<? super T, ? extends K> key, ToLongFunction<? super T> field) {
        return aggregate(key, WindowAggregate.min(field));
    }
}
