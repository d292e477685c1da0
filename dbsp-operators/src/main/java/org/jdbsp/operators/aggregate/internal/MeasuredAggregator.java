package org.jdbsp.operators.aggregate.internal;

import org.jdbsp.operators.aggregate.IncrementalAggregator;

/**
 * An incremental aggregator whose per-group states a {@link GroupTable} keeps, and which can tell how much each
 * state holds (for an operator's state metrics).
 *
 * @param <S> the state of one group
 */
public interface MeasuredAggregator<S> extends IncrementalAggregator<Object, S, Object> {
    /** Tuples of state in {@code state} (values or records it keeps). */
    long tuples(S state);

    /** Approximate bytes of {@code state}. */
    long bytes(S state);
}
