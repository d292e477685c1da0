package org.jdbsp.operators;

import java.util.function.ToLongFunction;
import org.jdbsp.operators.aggregate.IncrementalAggregator;

/**
 * Sum and count of a group, as text ({@code "sum/count"}): a user's incremental aggregate with one mutable state per
 * group, for the plain incremental aggregate ({@code Aggregates.incremental}) and for windows
 * ({@code WindowAggregate.incremental}) alike. Checkpoints write its state by the codec of {@code long[]}.
 */
public final class SumCount implements IncrementalAggregator<Object, long[], String> {
    private final ToLongFunction<Object> number;

    /** Sums the values themselves (numbers). */
    public SumCount() {
        this(v -> ((Number) v).longValue());
    }

    /** Sums {@code number(value)}. */
    public SumCount(ToLongFunction<Object> number) {
        this.number = number;
    }

    @Override
    public long[] newState() {
        return new long[2];
    }

    @Override
    public void add(long[] state, Object value, long weight) {
        state[0] += number.applyAsLong(value) * weight;
        state[1] += weight;
    }

    @Override
    public boolean isEmpty(long[] state) {
        return state[1] == 0 && state[0] == 0;
    }

    @Override
    public String result(long[] state) {
        return state[0] + "/" + state[1];
    }

    @Override
    public long[] copy(long[] state) {
        return state.clone();
    }
}
