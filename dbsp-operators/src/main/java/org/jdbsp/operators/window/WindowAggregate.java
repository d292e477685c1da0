package org.jdbsp.operators.window;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbsp.operators.aggregate.IncrementalAggregator;
import org.jdbsp.operators.aggregate.internal.GroupTable;
import org.jdbsp.operators.aggregate.internal.GroupUpdate;
import org.jdbsp.operators.aggregate.internal.Int128;

/**
 * What a windowed aggregate computes over the records of one (window, key) group: a count, a sum, a
 * maximum or minimum of a long field, a custom function of the group's multiset of records, or any
 * {@link IncrementalAggregator} (the model of the ordinary aggregates: {@link #incremental}).
 *
 * <p>Count and sum are kept per group as exact 128-bit integers (linear: insertions and retractions are
 * additions), so no order or split of the records over steps and workers overflows on the way; emitting a
 * row whose count or sum does not fit in a long fails the step with an {@link ArithmeticException} naming
 * the key, the window and the value;
 * minimum and maximum keep the multiset of the field's values (an unboxed log, consolidated when a deletion
 * needs it), so retractions are exact; a custom aggregate keeps the multiset of records and re-evaluates its
 * function on each group a step touches.
 * Weights count: a record of weight 2 counts twice. A group whose records all cancel has no row.
 *
 * @param <T> the record type
 * @param <R> the aggregate type
 */
public final class WindowAggregate<T, R> {
    enum Kind { COUNT, SUM, MAX, MIN, CUSTOM, INCREMENTAL }

    final Kind kind;
    final ToLongFunction<Object> field;
    final Function<Map<Object, Long>, Object> custom;
    /** The user's aggregator of {@link #incremental}, else null. */
    final IncrementalAggregator<Object, Object, Object> incremental;
    /** How a record changes its group's accumulator. */
    final GroupUpdate update;

    private WindowAggregate(Kind kind, ToLongFunction<? super T> field, Function<? super Map<T, Long>, ? extends R> custom) {
        this(kind, field, custom, null);
    }

    @SuppressWarnings("unchecked")
    private WindowAggregate(Kind kind, ToLongFunction<? super T> field, Function<? super Map<T, Long>, ? extends R> custom,
                            IncrementalAggregator<?, ?, ?> incremental) {
        this.kind = kind;
        this.field = (ToLongFunction<Object>) field;
        this.custom = (Function<Map<Object, Long>, Object>) (Function<?, ?>) custom;
        this.incremental = (IncrementalAggregator<Object, Object, Object>) incremental;
        this.update = kind == Kind.COUNT ? GroupUpdate.count() : kind == Kind.SUM ? GroupUpdate.sum(this.field) : GroupUpdate.state();
    }

    /** {@code COUNT(*)}: the sum of the weights of the group's records. */
    public static <T> WindowAggregate<T, Long> count() {
        return new WindowAggregate<>(Kind.COUNT, null, null);
    }

    /** {@code SUM(field)}: exact; fails when a row's sum does not fit in a long (see above). */
    public static <T> WindowAggregate<T, Long> sum(ToLongFunction<? super T> field) {
        return new WindowAggregate<>(Kind.SUM, Objects.requireNonNull(field, "field"), null);
    }

    /** {@code MAX(field)}. */
    public static <T> WindowAggregate<T, Long> max(ToLongFunction<? super T> field) {
        return new WindowAggregate<>(Kind.MAX, Objects.requireNonNull(field, "field"), null);
    }

    /** {@code MIN(field)}. */
    public static <T> WindowAggregate<T, Long> min(ToLongFunction<? super T> field) {
        return new WindowAggregate<>(Kind.MIN, Objects.requireNonNull(field, "field"), null);
    }

    /**
     * A user aggregate: {@code f} receives the group's records, each with its (positive) multiplicity, as
     * an unmodifiable map, and returns a non-null result. It must be a pure function of that map.
     */
    public static <T, R> WindowAggregate<T, R> of(Function<? super Map<T, Long>, ? extends R> f) {
        return new WindowAggregate<>(Kind.CUSTOM, null, Objects.requireNonNull(f, "f"));
    }

    /** Adds {@code weight} copies of {@code record} to the group in {@code slot} (removes them if negative). */
    void add(GroupTable groups, int slot, Object record, long weight) {
        update.add(groups, slot, record, weight);
    }

    /**
     * The ordinary aggregates' model in a window: {@code aggregator} keeps one state per (window, key) group, updated
     * by every record added to or retracted from it, exactly as {@link org.jdbsp.operators.aggregate.Aggregates#incremental}
     * keeps one per key (the same aggregator serves both). A group's row is its {@code result} once the window closes
     * (and again, as -old/+new, when a record within the lateness changes it); a group whose state
     * {@linkplain IncrementalAggregator#isEmpty is empty} has no row. Checkpoints save its states with
     * {@link IncrementalAggregator#writeState}.
     */
    public static <T, S, R> WindowAggregate<T, R> incremental(IncrementalAggregator<? super T, S, ? extends R> aggregator) {
        return new WindowAggregate<>(Kind.INCREMENTAL, null, null, Objects.requireNonNull(aggregator, "aggregator"));
    }

    /**
     * The aggregate of the group in {@code slot} of {@code groups}, whose key is {@code key} and window
     * {@code [start, end)}, or null when it has no row (its record count is not positive); a count or sum that
     * does not fit in a long fails, naming them.
     */
    Object result(GroupTable groups, int slot, Object key, long start, long end) {
        if (Int128.signum(groups.word(slot, 0), groups.word(slot, 1)) <= 0) {
            return null;
        }
        switch (kind) {
            case COUNT:
                return fitting("count", groups.word(slot, 0), groups.word(slot, 1), key, start, end);
            case SUM:
                return fitting("sum", groups.word(slot, 2), groups.word(slot, 3), key, start, end);
            default:
                // the state's aggregator is the one the table was made with (newGroups)
                return groups.stateResult(slot);
        }
    }

    private static long fitting(String what, long high, long low, Object key, long start, long end) {
        if (!Int128.fitsLong(high, low)) {
            throw new ArithmeticException("the " + what + " of key " + key + " in the window [" + start + ", " + end
                    + ") is " + Int128.toString(high, low) + ", which does not fit in a long");
        }
        return low;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
