package org.jdbsp.operators.window;

/** Window assigners on event time, in milliseconds. */
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
