package org.jdbsp.bench.run;

import org.jdbsp.bench.report.Progress;
import org.jdbsp.nexmark.queries.QueryCircuit;

/**
 * The timed loop of one query: take a batch of events, push it, step; at the end {@code finish()} so every window
 * closes. Nothing else happens per batch but publishing the count to the progress display, polling for a stop and,
 * with {@code --checkpoint-dir}, a checkpoint when one is due.
 */
final class RunLoop {
    /** What {@link #drive} returns when a stop was requested. */
    static final long STOPPED = -1;

    private RunLoop() {}

    /** Runs {@code circuit} over every event of {@code batches}; returns the number of events, or {@link #STOPPED}. */
    static long drive(QueryCircuit<?> circuit, EventBatches batches, int batchSize, Progress progress,
                      StopSignal stop) {
        return drive(circuit, batches, batchSize, progress, stop, null);
    }

    /** As {@link #drive(QueryCircuit, EventBatches, int, Progress, StopSignal)}, checkpointing when one is due. */
    static long drive(QueryCircuit<?> circuit, EventBatches batches, int batchSize, Progress progress,
                      StopSignal stop, QueryCheckpoints checkpoints) {
        long done = 0;
        int n;
        while ((n = batches.next(batchSize)) > 0) {
            int from = batches.offset();
            circuit.push(batches.events(), from, from + n);
            circuit.step();
            done += n;
            if (checkpoints != null) {
                checkpoints.afterStep(circuit, done);
            }
            progress.advance(done);
            if (stop.requested()) {
                return STOPPED;
            }
        }
        circuit.finish();
        return done;
    }
}
