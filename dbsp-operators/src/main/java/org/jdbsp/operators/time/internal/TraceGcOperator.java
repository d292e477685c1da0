package org.jdbsp.operators.time.internal;

import org.jdbsp.circuit.internal.IntegralTrace;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.SinkOperator;
import org.jdbsp.zset.internal.Batch;

/**
 * Reads the watermark stream and tells a shared integral trace (long keys that are event times or window
 * starts) to forget every key below {@code watermark - margin}.
 */
public final class TraceGcOperator implements SinkOperator {
    private final IntegralTrace trace;
    private final long margin;
    private long watermark = TimeArithmetic.NONE;

    /** Drops keys of {@code trace} below the watermark minus {@code margin}. */
    public TraceGcOperator(IntegralTrace trace, long margin) {
        this.trace = trace;
        this.margin = margin;
    }

    @Override
    public void consume(Batch watermarkChange) {
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
