package org.jdbsp.operators.window;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * What a windowed aggregate computes over the records of one (window, key) group: a count, a sum, a
 * maximum or minimum of a long field, or a custom function of the group's multiset of records.
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
    enum Kind { COUNT, SUM, MAX, MIN, CUSTOM }

    final Kind kind;
    final ToLongFunction<Object> field;
    final Function<Map<Object, Long>, Object> custom;

    @SuppressWarnings("unchecked")
    private WindowAggregate(Kind kind, ToLongFunction<? super T> field, Function<? super Map<T, Long>, ? extends R> custom) {
        this.kind = kind;
        this.field = (ToLongFunction<Object>) field;
        this.custom = (Function<Map<Object, Long>, Object>) (Function<?, ?>) custom;
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

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
