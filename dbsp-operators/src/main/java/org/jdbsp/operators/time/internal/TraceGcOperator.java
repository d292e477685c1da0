package org.jdbsp.operators.time.internal;

import java.util.function.ToLongFunction;
import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;
import org.jdbsp.trace.Trace;

/**
 * Reads the watermark stream and tells a shared integral trace to forget what falls below
 * {@code watermark - margin}: keys (long keys that are event times or window starts, hidden at once), or,
 * with a value time function, tuples whose {@code time(value)} is below it ({@link Trace#dropValuesBelow},
 * dropped lazily by merges).
 *
 * <p>It is strict: it takes the step's watermark change only after every operator of the step has run, so
 * the readers of the trace see, during a step, everything at or above the watermark <em>before</em> the step
 * minus the margin. A step that moves the watermark far ahead (the end of input moves it to
 * {@link Long#MAX_VALUE}) thus still joins or aggregates this step's changes with what it is about to
 * forget; it is gone from the next step on.
 *
 * <p>Forgetting values: merges drop such tuples as they happen, but the largest batch of the spine merges
 * rarely once the trace stops growing, so whenever the trace holds twice the tuples it held after the last
 * compaction (or fewer since, as merges drop garbage too), a compaction of the whole spine starts: garbage stays within a constant factor of the live tuples,
 * at amortised constant cost per inserted tuple. The compaction is gradual ({@link Trace#compactGradually()}):
 * the inserts of the following steps pay for it in slices proportional to their size, so no step merges the
 * whole state at once; the next one is not considered before it is done.
 */
public final class TraceGcOperator extends WatermarkGcOperator {
    private static final long MIN_COMPACTION = 1_024;

    private final IntegralTrace trace;
    private final ToLongFunction<Object> valueTime;
    private long afterCompaction;
    /** Whether a gradual compaction was started and its result not read yet into {@link #afterCompaction}. */
    private boolean compactionStarted;

    /** Drops keys of {@code trace} below the watermark minus {@code margin}. */
    public TraceGcOperator(IntegralTrace trace, long margin) {
        this(trace, margin, null);
    }

    /**
     * Drops tuples of {@code trace} whose {@code valueTime(value)} is below the watermark minus {@code margin}
     * (keys, when {@code valueTime} is null).
     */
    public TraceGcOperator(IntegralTrace trace, long margin, ToLongFunction<Object> valueTime) {
        super(margin);
        this.trace = trace;
        this.valueTime = valueTime;
    }

    @Override
    void forgetBelow(long bound) {
        Trace t = trace.trace();
        if (valueTime == null) {
            t.dropKeysBelow(bound);
            return;
        }
        t.dropValuesBelow(bound, valueTime);
        if (t.compacting()) {
            return;
        }
        if (compactionStarted) {
            afterCompaction = t.storedTuples(); // what the compaction left, and the inserts since it started
            compactionStarted = false;
        } else {
            afterCompaction = Math.min(afterCompaction, t.storedTuples()); // merges drop garbage too
        }
        if (t.storedTuples() > 2 * Math.max(afterCompaction, MIN_COMPACTION)) {
            t.compactGradually();
            compactionStarted = true;
        }
    }

    @Override
    public void snapshot(StateWriter out) {
        out.writeLong(watermark);
        out.writeLong(afterCompaction);
    }

    /** Beside its trace (restored by the trace): the watermark, the same everywhere, and a compaction hint. */
    @Override
    public StatePartitioning statePartitioning() {
        return StatePartitioning.BY_KEY;
    }

    /** Restores the watermark and sets the trace's value-time bound again (a trace saves only its key bound). */
    @Override
    public void restore(StateReader in) {
        watermark = in.readLong();
        // a compaction hint only, per worker: on another number of workers the largest saved one will do
        afterCompaction = Math.max(afterCompaction, in.readLong());
        if (valueTime != null && watermark != TimeArithmetic.NONE) {
            trace.trace().dropValuesBelow(TimeArithmetic.minus(watermark, margin), valueTime);
        }
    }

    @Override
    public Operator fork(ForkContext context) {
        TraceGcOperator copy = new TraceGcOperator(context.forked(trace), margin, valueTime);
        copy.watermark = watermark;
        copy.afterCompaction = afterCompaction;
        copy.compactionStarted = compactionStarted;
        return copy;
    }
}
