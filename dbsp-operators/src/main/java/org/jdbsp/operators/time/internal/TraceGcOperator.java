package org.jdbsp.operators.time.internal;

import org.jdbsp.circuit.internal.IntegralTrace;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StrictOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.internal.Batch;

/**
 * Reads the watermark stream and tells a shared integral trace (long keys that are event times or window
 * starts) to forget every key below {@code watermark - margin}.
 *
 * <p>It is strict: it takes the step's watermark change only after every operator of the step has run, so
 * the readers of the trace see, during a step, every key at or above the watermark <em>before</em> the step
 * minus the margin. A step that moves the watermark far ahead (the end of input moves it to
 * {@link Long#MAX_VALUE}) thus still joins or aggregates this step's changes with the keys it is about to
 * forget; they are gone from the next step on.
 */
public final class TraceGcOperator implements StrictOperator {
    private final IntegralTrace trace;
    private final long margin;
    private long watermark = TimeArithmetic.NONE;

    /** Drops keys of {@code trace} below the watermark minus {@code margin}. */
    public TraceGcOperator(IntegralTrace trace, long margin) {
        this.trace = trace;
        this.margin = margin;
    }

    @Override
    public Batch output() {
        return Batch.empty(Layout.LONGS);
    }

    @Override
    public void input(Batch watermarkChange) {
        long next = TimeArithmetic.advance(watermark, watermarkChange);
        if (next != watermark) {
            watermark = next;
            trace.trace().dropKeysBelow(TimeArithmetic.minus(watermark, margin));
        }
    }

    @Override
    public Operator fork(ForkContext context) {
        TraceGcOperator copy = new TraceGcOperator(context.forked(trace), margin);
        copy.watermark = watermark;
        return copy;
    }
}
