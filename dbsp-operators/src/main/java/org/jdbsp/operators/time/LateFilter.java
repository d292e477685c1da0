package org.jdbsp.operators.time;

import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.spi.Replicas;
import org.jdbsp.operators.time.internal.LateFilterOperator;

/**
 * The records of a stream that are not late, and the count of those that were (see
 * {@link Watermarks#dropLate}).
 *
 * @param <T> the record type
 */
public final class LateFilter<T> {
    private final Replicas<LateFilterOperator> operators;
    private final ZSetStream<T> stream;

    LateFilter(Replicas<LateFilterOperator> operators, ZSetStream<T> stream) {
        this.operators = operators;
        this.stream = stream;
    }

    /** The records that were on time (or within the allowed lateness). */
    public ZSetStream<T> stream() {
        return stream;
    }

    /**
     * Records dropped as late so far; a record of weight {@code w} counts {@code |w|} times. Read it between
     * steps: with several workers, reading it during a step (from an inspector) throws
     * {@link IllegalStateException}.
     */
    public long dropped() {
        return LateFilterOperator.droppedAcross(operators);
    }
}
