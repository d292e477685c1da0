package org.jdbsp.operators.window;

/**
 * Window assigners on event time, in milliseconds.
 *
 * <p>At the edges of long, window arithmetic never wraps. A window or session whose end would pass
 * {@link Long#MAX_VALUE} ends at {@code Long.MAX_VALUE} and holds records at that time too; it closes when
 * the watermark reaches {@code Long.MAX_VALUE}, the end of time ({@link
 * org.jdbsp.operators.time.Watermark#endOfInput()}, or a record at {@code Long.MAX_VALUE} with no delay), after
 * which every record is late. A fixed-size window that would start before {@link Long#MIN_VALUE} has no
 * meaningful start: a record in one fails the step with an error naming its event time (see
 * {@link TimeWindows#earliestTime()}). Sessions start at their first record, so any time is accepted.
 */
public final class Windows {
    private Windows() {}

    /** Tumbling windows {@code [k * size, (k + 1) * size)}. */
    public static TimeWindows tumbling(long size) {
        return new TimeWindows(size, size);
    }

    /** Hopping (sliding) windows of length {@code size} starting at every multiple of {@code slide}. */
    public static TimeWindows hopping(long size, long slide) {
        return new TimeWindows(size, slide);
    }

    /** Session windows closing after {@code gap} without a record of the key (records {@code gap} apart split). */
    public static SessionWindows session(long gap) {
        return new SessionWindows(gap, false);
    }

    /**
     * Session windows as Flink's {@code SESSION(time, gap)}: records at most {@code gap} apart share a session
     * (Flink merges the windows {@code [t, t + gap)} of two records when they overlap or touch).
     */
    public static SessionWindows sessionInclusive(long gap) {
        return new SessionWindows(gap, true);
    }
}
