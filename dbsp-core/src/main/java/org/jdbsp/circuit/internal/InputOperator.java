package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.spi.SourceOperator;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * A circuit input: collects the changes pushed between steps and emits them, consolidated, at the next step.
 * With several workers, every worker's input operator reads its slice of one {@link SharedInput}.
 */
public final class InputOperator implements SourceOperator {
    @Override
    public boolean hasState() {
        return false;
    }

    private final BatchBuilder pending;
    private final Layout layout;
    private final SharedInput shared;
    private final int worker;
    private final int workers;

    /** An input of batches of {@code layout}. */
    public InputOperator(Layout layout) {
        this.pending = new BatchBuilder(layout);
        this.layout = layout;
        this.shared = null;
        this.worker = 0;
        this.workers = 1;
    }

    private InputOperator(Layout layout, SharedInput shared, WorkerContext context) {
        this.pending = shared.pending();
        this.layout = layout;
        this.shared = shared;
        this.worker = context.index();
        this.workers = context.count();
    }

    /**
     * The input operator of a worker of a circuit with several: worker 0 makes the shared pushes, and
     * the other workers' builds, running after it, link to them.
     */
    public static InputOperator forWorker(Layout layout, WorkerContext context) {
        return new InputOperator(layout, SharedInput.forWorker(layout, context), context);
    }

    /** The changes pushed since the last step. */
    public BatchBuilder pending() {
        return pending;
    }

    @Override
    public Batch produce() {
        if (shared != null) {
            return shared.slice(worker, workers, layout);
        }
        try {
            return pending.build();
        } catch (RuntimeException e) {
            pending.clear();
            throw e;
        }
    }
}
