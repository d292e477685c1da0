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

    /** Session windows closing after {@code gap} without a record of the key. */
    public static SessionWindows session(long gap) {
        return new SessionWindows(gap);
    }
}
