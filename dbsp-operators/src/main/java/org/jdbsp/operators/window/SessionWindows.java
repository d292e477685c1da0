package org.jdbsp.operators.window;

/**
 * Session windows: per key, a maximal run of records whose successive event times are less than
 * {@code gap} apart ({@link Windows#session}), or at most {@code gap} apart ({@link Windows#sessionInclusive},
 * Flink's {@code SESSION}, which merges the windows {@code [t, t + gap)} of two records when they touch). A
 * session spans {@code [first time, last time + gap)} and closes when the watermark rules out a record that
 * could still join it: at {@code last time + gap}, or one millisecond later when inclusive.
 */
public final class SessionWindows {
    private final long gap;
    private final boolean inclusive;

    SessionWindows(long gap, boolean inclusive) {
        if (gap <= 0) {
            throw new IllegalArgumentException("session gap must be positive: " + gap);
        }
        if (inclusive && gap == Long.MAX_VALUE) {
            throw new IllegalArgumentException("inclusive session gap must be below Long.MAX_VALUE");
        }
        this.gap = gap;
        this.inclusive = inclusive;
    }

    /** The inactivity that closes a session. */
    public long gap() {
        return gap;
    }

    /** Whether two records exactly {@code gap} apart share a session. */
    public boolean inclusive() {
        return inclusive;
    }

    /** The distance from a session's last record at which a record starts a new session. */
    long reach() {
        return inclusive ? gap + 1 : gap;
    }

    @Override
    public String toString() {
        return (inclusive ? "sessionInclusive(" : "session(") + gap + ")";
    }
}
