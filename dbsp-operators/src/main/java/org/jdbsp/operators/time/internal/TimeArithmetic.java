package org.jdbsp.operators.time.internal;

import org.jdbsp.zset.internal.Batch;

/** Saturating arithmetic on event times and how a watermark is read from its one-tuple stream. */
public final class TimeArithmetic {
    private TimeArithmetic() {}

    /** The value "no watermark yet": every event time is at or above it. */
    public static final long NONE = Long.MIN_VALUE;

    /** {@code a - b}, clamped to the range of long (b is non-negative). */
    public static long minus(long a, long b) {
        long r = a - b;
        return ((a ^ b) & (a ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    /** {@code a + b}, clamped to the range of long. */
    public static long plus(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    /**
     * The watermark after a step: the value inserted by the step's change of the watermark stream, or
     * {@code previous} when the change is empty.
     */
    public static long advance(long previous, Batch watermarkChange) {
        long w = previous;
        for (int i = 0; i < watermarkChange.size; i++) {
            if (watermarkChange.weights[i] > 0) {
                w = Math.max(w, watermarkChange.longKeys[i]);
            }
        }
        return w;
    }
}
