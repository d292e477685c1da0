package org.jdbsp.circuit;

import java.util.Comparator;
import java.util.Objects;
import org.jdbsp.zset.Orders;

/**
 * A record stamped with its arrival: {@code seq} is the position of the push that brought it into its input
 * (see {@link SequencedInput} and {@link SplitInput#sequencedPart}), so arrival order can be read in an
 * order or a top-k like any other column. Positions are assigned in push order, once, on the pushing thread's
 * side of the input, so they are the same for every number of workers and every way of cutting the pushes
 * into steps.
 *
 * <p>The natural order is by {@code seq}, then by the value's natural order (positions are unique within one
 * input, so the value only keeps the order consistent with {@code equals}); {@link #order} takes another
 * value order.
 *
 * @param seq   the position of the push that stamped the record (0-based unless the input starts elsewhere)
 * @param value the record as pushed
 * @param <T>   the record type
 */
public record Sequenced<T>(long seq, T value) implements Comparable<Sequenced<T>> {
    /**
     * @throws NullPointerException if {@code value} is null
     */
    public Sequenced {
        Objects.requireNonNull(value, "value");
    }

    /** By {@code seq} (sorted as a primitive long), then {@code valueOrder}. */
    public static <T> Comparator<Sequenced<T>> order(Comparator<? super T> valueOrder) {
        Objects.requireNonNull(valueOrder, "valueOrder");
        return Orders.byLong(Sequenced::seq, (a, b) -> valueOrder.compare(a.value, b.value));
    }

    @Override
    public int compareTo(Sequenced<T> o) {
        int c = Long.compare(seq, o.seq);
        return c != 0 ? c : Orders.natural().compare(value, o.value);
    }
}
