package org.jdbsp.circuit.spi;

import org.jdbsp.circuit.spi.ForkContext;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StrictOperator;
import org.jdbsp.trace.Trace;
import org.jdbsp.trace.TraceStorage;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;

/**
 * The one trace of an indexed stream's integral, shared by every stateful operator that reads the stream.
 *
 * <p>It is strict: it takes the step's change only after every operator has run, so during a step every
 * reader sees the integral up to the previous step, {@code z^-1(I s)}, whatever the schedule; readers add
 * the step's own change themselves (for a join: {@code Δa ⋈ Δb + Δa ⋈ z^-1(I b) + z^-1(I a) ⋈ Δb}).
 */
public final class IntegralTrace implements StrictOperator {
    private final Layout layout;
    private final Trace trace;

    /** An empty integral of batches of {@code layout}. */
    public IntegralTrace(Layout layout) {
        this(layout, new Trace(layout));
    }

    /** An empty integral of batches of {@code layout} that spills batches to {@code storage} (none when null). */
    public IntegralTrace(Layout layout, TraceStorage storage) {
        this(layout, new Trace(layout, storage));
    }

    private IntegralTrace(Layout layout, Trace trace) {
        this.layout = layout;
        this.trace = trace;
    }

    /** The integral up to the previous step (during a step), or up to this step (between steps). */
    public Trace trace() {
        return trace;
    }

    @Override
    public Batch output() {
        return Batch.empty(layout);
    }

    @Override
    public void input(Batch input) {
        trace.insert(input);
    }

    @Override
    public Operator fork() {
        return new IntegralTrace(layout, trace.fork());
    }

    @Override
    public Operator fork(ForkContext context) {
        return fork();
    }

    @Override
    public void snapshot(StateWriter out) {
        out.writeTrace(trace);
    }

    @Override
    public void restore(StateReader in) {
        in.readTrace(trace);
    }

    /** The integral of its input stream, cut as that stream is (by key, when sharded). */
    @Override
    public StatePartitioning statePartitioning() {
        return StatePartitioning.FOLLOWS_INPUT;
    }

    @Override
    public long stateTuples() {
        return trace.storedTuples();
    }

    @Override
    public long stateBytes() {
        return trace.approximateBytes();
    }
}
