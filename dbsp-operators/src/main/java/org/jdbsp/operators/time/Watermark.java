package org.jdbsp.operators.time;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.operators.time.internal.TimeArithmetic;
import org.jdbsp.operators.time.internal.WatermarkOperator;

/**
 * The watermark of an event-time stream: a lower bound, never decreasing, on the event times still to
 * come (apart from late records, which operators drop and count).
 *
 * <p>Made by {@link Watermarks#watermark}. Its {@link #stream()} is the change of a one-tuple Z-set of
 * longs holding the current watermark; windowed operators take it as an input. Before the first record
 * there is no watermark ({@link #NONE}). A bounded run ends with {@link #endOfInput()} and one more step,
 * which closes every window.
 */
public final class Watermark {
    /** The watermark before any record was seen: {@link Long#MIN_VALUE}. */
    public static final long NONE = TimeArithmetic.NONE;

    private final WatermarkOperator operator;
    private final ZSetStream<Long> stream;
    private final long delay;

    Watermark(WatermarkOperator operator, ZSetStream<Long> stream, long delay) {
        this.operator = operator;
        this.stream = stream;
        this.delay = delay;
    }

    /** The change of the one-tuple Z-set holding the watermark (retract the old value, insert the new). */
    public ZSetStream<Long> stream() {
        return stream;
    }

    /** The watermark after the last step, or {@link #NONE}. */
    public long current() {
        return operator.current();
    }

    /** The largest event time inserted so far, or {@link #NONE}. */
    public long maxEventTime() {
        return operator.maxEventTime();
    }

    /** How far the watermark stays behind the largest event time. */
    public long delay() {
        return delay;
    }

    /**
     * Makes the watermark at least {@code time} from the next step on (an explicit progress signal, for
     * example from a source that knows no earlier record will come).
     */
    public void advanceTo(long time) {
        operator.advanceTo(time);
    }

    /**
     * Signals the end of a bounded input: from the next step on, the watermark is {@link Long#MAX_VALUE},
     * the end of time, so every window closes and emits its result, all windowed state is dropped, and every
     * later record is late.
     */
    public void endOfInput() {
        operator.advanceTo(Long.MAX_VALUE);
    }
}
