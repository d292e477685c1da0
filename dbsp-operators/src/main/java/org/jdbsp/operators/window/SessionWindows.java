package org.jdbsp.operators.window;

/**
 * Session windows: per key, a maximal run of records whose successive event times are less than
 * {@code gap} apart; a session spans {@code [first time, last time + gap)} and closes when the watermark
 * reaches its end.
 */
public final class SessionWindows {
    private final long gap;

    SessionWindows(long gap) {
        if (gap <= 0) {
            throw new IllegalArgumentException("session gap must be positive: " + gap);
        }
        this.gap = gap;
    }

    /** The inactivity that closes a session. */
    public long gap() {
        return gap;
    }

    @Override
    public String toString() {
        return "session(" + gap + ")";
    }
}
