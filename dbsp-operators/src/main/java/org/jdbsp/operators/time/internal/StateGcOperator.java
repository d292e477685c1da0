package org.jdbsp.operators.time.internal;

import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.circuit.spi.StrictOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;

/**
 * Reads the watermark stream and tells an operator keeping state per group ({@link ForgetsBelow}) to forget
 * the groups whose time is below {@code watermark - margin}, whenever the watermark advances; what
 * {@link TraceGcOperator} does for a shared trace.
 *
 * <p>It is strict, like {@link TraceGcOperator}: it takes the step's watermark change only after every
 * operator of the step has run, so during a step the operator still has every group at or above the
 * watermark before the step minus the margin; the groups below the new bound are gone from the next step on.
 */
public final class StateGcOperator implements StrictOperator {
    private final ForgetsBelow target;
    private final long margin;
    private long watermark = TimeArithmetic.NONE;

    /** Makes {@code target} forget its groups below the watermark minus {@code margin} (non-negative). */
    public StateGcOperator(ForgetsBelow target, long margin) {
        if (margin < 0) {
            throw new IllegalArgumentException("margin must not be negative: " + margin);
        }
        this.target = target;
        this.margin = margin;
    }

    @Override
    public Batch output() {
        return Batch.empty(Layout.LONGS);
    }

    @Override
    public void input(Batch watermarkChange) {
        long next = TimeArithmetic.advance(watermark, watermarkChange);
        if (next == watermark) {
            return;
        }
        watermark = next;
        target.forgetBelow(TimeArithmetic.minus(watermark, margin));
    }

    /** Saves the watermark it last acted on (its target saves its own groups). */
    @Override
    public void snapshot(StateWriter out) {
        out.writeLong(watermark);
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
