package org.jdbsp.operators.time.internal;

import org.jdbsp.circuit.spi.StrictOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;

/**
 * A strict operator reading the watermark stream that makes some state forget what falls below
 * {@code watermark - margin} whenever the watermark advances ({@link TraceGcOperator} for a shared trace,
 * {@link StateGcOperator} for per-group state). Strict: it takes the step's watermark change only after every
 * operator of the step has run, so during a step the state still holds everything at or above the watermark
 * before the step minus the margin.
 */
abstract class WatermarkGcOperator implements StrictOperator {
    final long margin;
    /** The watermark last acted on ({@link TimeArithmetic#NONE} before the first). */
    long watermark = TimeArithmetic.NONE;

    WatermarkGcOperator(long margin) {
        this.margin = margin;
    }

    /** Forgets what lies below {@code bound}, the new watermark minus the margin. */
    abstract void forgetBelow(long bound);

    @Override
    public final Batch output() {
        return Batch.empty(Layout.LONGS);
    }

    @Override
    public final void input(Batch watermarkChange) {
        long next = TimeArithmetic.advance(watermark, watermarkChange);
        if (next == watermark) {
            return;
        }
        watermark = next;
        forgetBelow(TimeArithmetic.minus(watermark, margin));
    }
}
