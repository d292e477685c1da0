package org.jdbsp.operators.time.internal;

import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;

/**
 * Reads the watermark stream and tells an operator keeping state per group ({@link ForgetsBelow}) to forget
 * the groups whose time is below {@code watermark - margin}, whenever the watermark advances; what
 * {@link TraceGcOperator} does for a shared trace.
 *
 * <p>It is strict, like {@link TraceGcOperator}: it takes the step's watermark change only after every
 * operator of the step has run, so during a step the operator still has every group at or above the
 * watermark before the step minus the margin; the groups below the new bound are gone from the next step on.
 */
public final class StateGcOperator extends WatermarkGcOperator {
    private final ForgetsBelow target;

    /** Makes {@code target} forget its groups below the watermark minus {@code margin} (non-negative). */
    public StateGcOperator(ForgetsBelow target, long margin) {
        super(nonNegative(margin));
        this.target = target;
    }

    private static long nonNegative(long margin) {
        if (margin < 0) {
            throw new IllegalArgumentException("margin must not be negative: " + margin);
        }
        return margin;
    }

    @Override
    void forgetBelow(long bound) {
        target.forgetBelow(bound);
    }

    /** Saves the watermark it last acted on (its target saves its own groups). */
    @Override
    public void snapshot(StateWriter out) {
        out.writeLong(watermark);
    }

    /** Its watermark is the same on every worker (its target saves its own groups). */
    @Override
    public StatePartitioning statePartitioning() {
        return StatePartitioning.REPLICATED;
    }

    @Override
    public void restore(StateReader in) {
        watermark = in.readLong();
    }

    @Override
    public Operator fork(ForkContext context) {
        StateGcOperator copy = new StateGcOperator(context.forked(target), margin);
        copy.watermark = watermark;
        return copy;
    }
}
