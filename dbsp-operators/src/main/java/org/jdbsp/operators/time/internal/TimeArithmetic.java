package org.jdbsp.operators.time.internal;

import org.jdbsp.zset.spi.Batch;

/**
 * Overflow-safe arithmetic on event times and how a watermark is read from its one-tuple stream.
 *
 * <p>Times are longs; {@link Long#MIN_VALUE} as a watermark means "no watermark yet" and
 * {@link Long#MAX_VALUE} means the end of time: once the watermark stands there, every record is late.
 * Differences and sums of times saturate at the ends of long rather than wrapping.
 */
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
     * Whether a record at {@code time} is late for an operator that saw the watermark {@code watermarkBefore}
     * before the step and allows {@code lateness} (non-negative): its time is below the watermark minus the
     * lateness (saturating, so nothing is late while the watermark is within the lateness of
     * {@link Long#MIN_VALUE}), or the watermark has reached the end of time ({@link Long#MAX_VALUE}).
     */
    public static boolean late(long time, long watermarkBefore, long lateness) {
        return watermarkBefore == Long.MAX_VALUE || time < minus(watermarkBefore, lateness);
    }

    /**
     * Whether {@code later} is at least {@code distance} (non-negative) after {@code earlier}, exactly: a sum
     * {@code earlier + distance} that would pass {@link Long#MAX_VALUE} is beyond every time.
     */
    public static boolean atLeastApart(long earlier, long later, long distance) {
        return earlier <= Long.MAX_VALUE - distance && later >= earlier + distance;
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
