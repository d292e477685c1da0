package org.jdbsp.operators.window;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.Stream;

/**
 * Fixed-size windows aligned to the epoch: windows {@code [s, s + size)} for every multiple {@code s} of
 * {@code slide}. Tumbling when {@code slide == size}, hopping (sliding) when {@code slide < size}.
 */
public final class TimeWindows {
    private final long size;
    private final long slide;

    TimeWindows(long size, long slide) {
        if (size <= 0 || slide <= 0) {
            throw new IllegalArgumentException("window size and slide must be positive: size " + size + ", slide " + slide);
        }
        if (slide > size) {
            throw new IllegalArgumentException("a slide larger than the size leaves gaps: size " + size + ", slide " + slide);
        }
        this.size = size;
        this.slide = slide;
    }

    /** The length of every window. */
    public long size() {
        return size;
    }

    /** The distance between the starts of successive windows. */
    public long slide() {
        return slide;
    }

    /** The start of the last window containing {@code time}. */
    public long lastStart(long time) {
        return Math.floorDiv(time, slide) * slide;
    }

    /** The start of the first window containing {@code time}. */
    public long firstStart(long time) {
        long last = lastStart(time);
        return last - ((size - 1 - (time - last)) / slide) * slide;
    }

    /** The number of windows containing {@code time}. */
    public int windowsOf(long time) {
        return (int) ((lastStart(time) - firstStart(time)) / slide) + 1;
    }

    /**
     * A window table-valued function: every record paired with each window it falls into (a linear
     * operator, so it keeps no state).
     */
    public <T> Stream<Windowed<T>> assign(Stream<T> records, ToLongFunction<? super T> eventTime) {
        Objects.requireNonNull(eventTime, "eventTime");
        return records.flatMap(r -> {
            long t = eventTime.applyAsLong(r);
            List<Windowed<T>> out = new ArrayList<>(windowsOf(t));
            for (long s = firstStart(t); s <= t; s += slide) {
                out.add(new Windowed<>(s, s + size, r));
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
