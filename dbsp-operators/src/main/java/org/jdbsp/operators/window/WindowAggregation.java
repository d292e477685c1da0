package org.jdbsp.operators.window;

import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.Replicas;
import org.jdbsp.operators.time.LateFilter;

/**
 * The result of a windowed aggregate: its stream of final rows, and what the operator can tell about
 * itself (late records dropped, live state).
 *
 * @param <K> the key type
 * @param <R> the aggregate type
 */
public final class WindowAggregation<K, R> {
    private final Replicas<? extends Operator> operators;
    /** The watermark the first replica has seen. */
    private final LongSupplier watermark;
    private final LateFilter<?> onTime;
    private final ZSetStream<WindowResult<K, R>> stream;

    /** The aggregate whose operators, one per worker, are {@code operators}, which tell their watermark by {@code watermarkOf}. */
    <O extends Operator> WindowAggregation(Replicas<O> operators, ToLongFunction<O> watermarkOf, LateFilter<?> onTime,
                                           ZSetStream<WindowResult<K, R>> stream) {
        this.operators = operators;
        this.watermark = () -> watermarkOf.applyAsLong(operators.get(0));
        this.onTime = onTime;
        this.stream = stream;
    }

    /**
     * The rows: a window's row is inserted in the step in which the watermark reaches the window's end;
     * a record arriving within the allowed lateness replaces (retracts and re-inserts) a row already emitted.
     */
    public ZSetStream<WindowResult<K, R>> stream() {
        return stream;
    }

    /**
     * Records dropped so far because they were later than the allowed lateness ({@code |weight|} each), counted as
     * {@link LateFilter#dropped()} counts them (read it between steps).
     */
    public long droppedLate() {
        return onTime.dropped();
    }

    /** The watermark the operator has seen, after the last step. */
    public long watermark() {
        return watermark.getAsLong();
    }

    /** Live tuples of state: groups of open windows plus the values or records they keep. */
    public long stateTuples() {
        return operators.sum(Operator::stateTuples);
    }

    /** Approximate bytes of that state (records pointed to are not counted). */
    public long stateBytes() {
        return operators.sum(Operator::stateBytes);
    }
}
