package org.jdbsp.operators.time;

import org.jdbsp.circuit.spi.Wiring;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.Placement;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.operators.time.internal.LateFilterOperator;
import org.jdbsp.operators.time.internal.StampOperator;
import org.jdbsp.operators.time.internal.TraceGcOperator;
import org.jdbsp.operators.time.internal.WatermarkOperator;
import org.jdbsp.zset.ColumnKind;
import org.jdbsp.zset.Layout;

/**
 * Entry points for event time: build a {@link Watermark} from a stream, drop late records, and let the
 * watermark garbage-collect a time-keyed trace.
 *
 * <p>At the edges of long: the watermark's arithmetic saturates. A watermark of {@code maxEventTime - delay}
 * below {@link Long#MIN_VALUE} stays at {@code Long.MIN_VALUE} (no record is late), and so does a lateness
 * bound {@code watermark - allowedLateness}. A watermark of {@link Long#MAX_VALUE} is the end of time: every
 * window closes, windowed state is dropped, and every record arriving afterwards is late (also one at
 * {@code Long.MAX_VALUE} itself), for {@link #dropLate} and windowed aggregates alike.
 */
public final class Watermarks {
    private Watermarks() {}

    /**
     * The watermark of {@code records}: the largest event time among the records inserted so far minus
     * {@code delayMs}, never decreasing (retractions do not lower it). Nexmark uses a delay of 4 s.
     */
    @SuppressWarnings("unchecked")
    public static <T> Watermark watermark(ZSetStream<T> records, ToLongFunction<? super T> eventTime, long delayMs) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(eventTime, "eventTime");
        if (delayMs < 0) {
            throw new IllegalArgumentException("delay must not be negative: " + delayMs);
        }
        WatermarkOperator op = WatermarkOperator.ofRecords((ToLongFunction<Object>) eventTime, delayMs, records.builder().workers());
        // the same on every worker: an all-reduce of the event times
        return new Watermark(op, Wiring.addStream("watermark", op, Layout.LONGS, Placement.REPLICATED, records), delayMs);
    }

    /**
     * The watermark of several streams together, as {@link #watermark(ZSetStream, ToLongFunction, long)} over
     * the sum of their event times: the largest event time inserted so far minus {@code delayMs}, never
     * decreasing, where a time counts as inserted in a step when the records of that time, over every stream,
     * have a positive total weight in the step's change. Each step reads every record once, with nothing
     * allocated per record; no stream of times is built.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Watermark watermark(List<EventTimes<?>> sources, long delayMs) {
        Objects.requireNonNull(sources, "sources");
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a watermark needs at least one stream");
        }
        if (delayMs < 0) {
            throw new IllegalArgumentException("delay must not be negative: " + delayMs);
        }
        int n = sources.size();
        ZSetStream<?>[] inputs = new ZSetStream<?>[n];
        ToLongFunction<Object>[] eventTimes = new ToLongFunction[n];
        boolean allReplicated = true;
        for (int i = 0; i < n; i++) {
            EventTimes<?> source = Objects.requireNonNull(sources.get(i), "sources[" + i + "]");
            inputs[i] = source.records();
            eventTimes[i] = (ToLongFunction<Object>) source.eventTime();
            allReplicated &= inputs[i].placement() == Placement.REPLICATED;
        }
        // a replicated stream summed with parted ones counts once: on worker 0, as a sum would gather it there
        boolean[] onWorkerZeroOnly = new boolean[n];
        for (int i = 0; i < n; i++) {
            onWorkerZeroOnly[i] = !allReplicated && inputs[i].placement() == Placement.REPLICATED;
        }
        WatermarkOperator op = WatermarkOperator.ofTimes(eventTimes, onWorkerZeroOnly, delayMs, inputs[0].builder().workers());
        return new Watermark(op, Wiring.addStream("watermark", op, Layout.LONGS, Placement.REPLICATED, inputs), delayMs);
    }

    /**
     * The records of {@code records} that are not late: a record is dropped, and counted in
     * {@link LateFilter#dropped()}, when its event time is below the watermark before the step minus
     * {@code allowedLatenessMs}. Insertions and retractions are treated alike.
     */
    @SuppressWarnings("unchecked")
    public static <T> LateFilter<T> dropLate(ZSetStream<T> records, Watermark watermark, ToLongFunction<? super T> eventTime,
                                             long allowedLatenessMs) {
        Objects.requireNonNull(eventTime, "eventTime");
        if (allowedLatenessMs < 0) {
            throw new IllegalArgumentException("allowed lateness must not be negative: " + allowedLatenessMs);
        }
        LateFilterOperator op = new LateFilterOperator((ToLongFunction<Object>) eventTime, allowedLatenessMs, records.builder().workers());
        ZSetStream<T> kept = Wiring.addStream("dropLate", op, records.layout(), records.placement(), records, watermark.stream());
        return new LateFilter<>(records.builder().workers().replicas(op), kept);
    }

    /**
     * Bounds the state of every join or aggregate reading {@code keyedByTime}: whenever the watermark
     * advances, the stream's shared integral trace forgets every key below {@code watermark - marginMs}.
     * The keys must be event times or window starts (long keys), and the margin large enough that no
     * output can still depend on the dropped keys (for windows keyed by start: size + allowed lateness).
     *
     * <p>The trace forgets at the end of the step: during a step its readers see every key at or above the
     * watermark before the step minus the margin, so a step that moves the watermark far ahead (the end of
     * input) still meets this step's changes with the keys it then forgets. A change arriving later for a
     * forgotten key meets nothing (for a join it is as if its partners were never there).
     */
    public static <V> void forgetKeysBelow(IndexedZSetStream<Long, V> keyedByTime, Watermark watermark, long marginMs) {
        if (keyedByTime.layout().keyKind() != ColumnKind.LONG) {
            throw new IllegalArgumentException("forgetKeysBelow needs long keys, not " + keyedByTime.layout());
        }
        if (marginMs < 0) {
            throw new IllegalArgumentException("margin must not be negative: " + marginMs);
        }
        // the trace that keyed operators read: that of the stream sharded by key
        TraceGcOperator op = new TraceGcOperator(Wiring.integralTrace(keyedByTime.shard()), marginMs);
        Wiring.addSink("forgetKeysBelow", op, watermark.stream());
    }

    /**
     * Bounds the state of every join or aggregate reading {@code stream} by forgetting tuples whose value has
     * become irrelevant: whenever the watermark advances, the stream's shared integral trace forgets (lazily,
     * during its merges, see {@link org.jdbsp.trace.Trace#dropValuesBelow}) every tuple whose
     * {@code time(value)} is below {@code watermark - marginMs}. For streams keyed by something other than
     * time, such as an interval join's sides keyed by id: the caller must ensure no output can depend on a
     * forgotten tuple any more (typically by dropping late records with {@link #dropLate} upstream), since
     * readers may or may not still see one.
     */
    @SuppressWarnings("unchecked")
    public static <K, V> void forgetValuesBelow(IndexedZSetStream<K, V> stream, Watermark watermark, ToLongFunction<? super V> time,
                                                long marginMs) {
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(watermark, "watermark");
        Objects.requireNonNull(time, "time");
        if (stream.layout().valueKind() == ColumnKind.NONE) {
            throw new IllegalArgumentException("forgetValuesBelow needs an indexed stream with values, not " + stream.layout());
        }
        if (marginMs < 0) {
            throw new IllegalArgumentException("margin must not be negative: " + marginMs);
        }
        TraceGcOperator op = new TraceGcOperator(Wiring.integralTrace(stream.shard()), marginMs, (ToLongFunction<Object>) time);
        Wiring.addSink("forgetValuesBelow", op, watermark.stream());
    }

    /**
     * Stamps every record of each step's change with the watermark after that step: {@code f(record, w)}.
     * With a watermark over the readings of a processing-time clock (one reading per step), this gives every
     * record the processing time of the step in which it arrived, the time attribute of processing-time
     * windows; windowed aggregates over the stamped records then close a window once the clock passes its
     * end. The stamp of a record is fixed when it arrives: a later retraction is stamped with the time of its
     * own step, so it cancels the insertion only if the two stamps are equal. Fails if a record arrives
     * before the watermark has a value.
     */
    @SuppressWarnings("unchecked")
    public static <T, R> ZSetStream<R> stamp(ZSetStream<T> records, Watermark watermark, TimeStamper<? super T, ? extends R> f) {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(watermark, "watermark");
        Objects.requireNonNull(f, "f");
        StampOperator op = new StampOperator((TimeStamper<Object, Object>) f, Layout.OBJECTS, records.builder().workers());
        return Wiring.addStream("stamp", op, Layout.OBJECTS, records, watermark.stream());
    }
}
