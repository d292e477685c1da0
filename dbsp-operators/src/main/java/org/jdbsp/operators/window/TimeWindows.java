package org.jdbsp.operators.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.operators.time.internal.TimeArithmetic;

/**
 * Fixed-size windows aligned to the epoch: windows {@code [s, s + size)} for every multiple {@code s} of
 * {@code slide}. Tumbling when {@code slide == size}, hopping (sliding) when {@code slide < size}.
 *
 * <p>At the edges of long: a window whose end would pass {@link Long#MAX_VALUE} ends at
 * {@code Long.MAX_VALUE} (and holds records at that time too); it closes when the watermark reaches the end
 * of time. A record in a window that would start before {@link Long#MIN_VALUE} has no window to go to and
 * is refused with an {@link IllegalArgumentException} naming its time: event times start at
 * {@link #earliestTime()}.
 */
public final class TimeWindows {
    private final long size;
    private final long slide;
    private final long earliestTime;

    TimeWindows(long size, long slide) {
        if (size <= 0 || slide <= 0) {
            throw new IllegalArgumentException("window size and slide must be positive: size " + size + ", slide " + slide);
        }
        if (slide > size) {
            throw new IllegalArgumentException("a slide larger than the size leaves gaps: size " + size + ", slide " + slide);
        }
        if ((size - 1) / slide >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a record would fall into more than " + Integer.MAX_VALUE
                    + " windows: size " + size + ", slide " + slide);
        }
        this.size = size;
        this.slide = slide;
        // the first multiple of the slide at or after Long.MIN_VALUE (division truncates towards zero), plus
        // the times before it whose windows would start before it
        this.earliestTime = Long.MIN_VALUE / slide * slide + (size - slide);
    }

    /** The length of every window. */
    public long size() {
        return size;
    }

    /** The distance between the starts of successive windows. */
    public long slide() {
        return slide;
    }

    /**
     * The earliest event time these windows take: every window of a time at or after it starts at or after
     * {@link Long#MIN_VALUE}. {@code Long.MIN_VALUE} itself when the slide divides 2^63 and equals the size.
     */
    public long earliestTime() {
        return earliestTime;
    }

    /** The end of the window starting at {@code start}: {@code start + size}, or {@link Long#MAX_VALUE} if that passes it. */
    public long end(long start) {
        return TimeArithmetic.plus(start, size);
    }

    /** The start of the last window containing {@code time}; refuses a time before {@link #earliestTime()}. */
    public long lastStart(long time) {
        requireWindowed(time);
        return Math.floorDiv(time, slide) * slide;
    }

    /** The start of the first window containing {@code time}; refuses a time before {@link #earliestTime()}. */
    public long firstStart(long time) {
        long last = lastStart(time);
        return last - ((size - 1 - (time - last)) / slide) * slide;
    }

    /** The number of windows containing {@code time}; refuses a time before {@link #earliestTime()}. */
    public int windowsOf(long time) {
        long last = lastStart(time);
        return (int) ((size - 1 - (time - last)) / slide) + 1;
    }

    /** Refuses an event time whose first window would start before {@link Long#MIN_VALUE}. */
    void requireWindowed(long time) {
        if (time < earliestTime) {
            throw new IllegalArgumentException("event time " + time + " lies in a window of " + this
                    + " that would start before Long.MIN_VALUE; these windows take event times from " + earliestTime + " on");
        }
    }

    /**
     * A window table-valued function: every record paired with each window it falls into (a linear
     * operator, so it keeps no state). A record before {@link #earliestTime()} fails the step.
     */
    public <T> ZSetStream<Windowed<T>> assign(ZSetStream<T> records, ToLongFunction<? super T> eventTime) {
        Objects.requireNonNull(eventTime, "eventTime");
        return records.flatMap(r -> {
            long t = eventTime.applyAsLong(r);
            int n = windowsOf(t);
            List<Windowed<T>> out = new ArrayList<>(n);
            long s = firstStart(t);
            for (int i = 0; i < n; i++, s += slide) {
                out.add(new Windowed<>(s, end(s), r));
            }
            return out;
        });
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeWindows && ((TimeWindows) o).size == size && ((TimeWindows) o).slide == slide;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(size) * 31 + Long.hashCode(slide);
    }

    @Override
    public String toString() {
        return slide == size ? "tumbling(" + size + ")" : "hopping(" + size + ", " + slide + ")";
    }
}
