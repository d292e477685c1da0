package org.jdbsp.circuit.internal;

import org.jdbsp.zset.Layout;
import org.jdbsp.zset.spi.Batch;
import org.jdbsp.zset.spi.BatchBuilder;

/**
 * The pushes into one input of a circuit run by several workers: the caller appends to one builder; at the
 * start of a step they are handed over as one run, and worker {@code i} of W consolidates the i-th of W
 * equal slices of it, so inputs are spread evenly and consolidated in parallel.
 */
final class SharedInput {
    private final BatchBuilder pending;
    private BatchBuilder current;

    SharedInput(Layout layout) {
        this.pending = new BatchBuilder(layout);
    }

    /**
     * Worker {@code context}'s view of the pushes of one input: worker 0's build makes them and registers them
     * with the group (which seals them at every step); the other workers' builds, running after it, link to them.
     */
    static SharedInput forWorker(Layout layout, WorkerContext context) {
        SharedInput shared = context.sharedFromWorkerZero(context.index() == 0 ? new SharedInput(layout) : null, SharedInput.class);
        if (context.index() == 0) {
            context.group().addInput(shared);
        }
        return shared;
    }

    BatchBuilder pending() {
        return pending;
    }

    /** Hands the pushes since the last step to the step about to run (stepping thread, before the workers start). */
    void seal() {
        current = pending.takeAppended();
    }

    /** This step's pushes, as sealed (read-only; for inputs that slice them themselves). */
    BatchBuilder sealedRun() {
        return current;
    }

    /** Worker {@code worker}'s slice of this step's pushes, consolidated as {@code layout}. */
    Batch slice(int worker, int workers, Layout layout) {
        return current.consolidateSlice(worker, workers, layout);
    }

    /** Forgets the step's pushes (stepping thread, after the workers finished). */
    void release() {
        current = null;
    }
}
