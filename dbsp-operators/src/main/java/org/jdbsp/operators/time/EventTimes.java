package org.jdbsp.operators.time;

import java.util.Objects;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.ZSetStream;

/**
 * One stream of a watermark over several streams ({@link Watermarks#watermark(java.util.List, long)}): the
 * records and how to read each one's event time.
 *
 * @param records the stream
 * @param eventTime the event time of a record of {@code records}
 * @param <T> the records' type
 */
public record EventTimes<T>(ZSetStream<T> records, ToLongFunction<? super T> eventTime) {
    /** Checks that neither part is null. */
    public EventTimes {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(eventTime, "eventTime");
    }

    /** The event times of {@code records}, read with {@code eventTime}. */
    public static <T> EventTimes<T> of(ZSetStream<T> records, ToLongFunction<? super T> eventTime) {
        return new EventTimes<>(records, eventTime);
    }
}
