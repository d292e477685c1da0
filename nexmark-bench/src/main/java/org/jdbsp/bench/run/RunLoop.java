package org.jdbsp.bench.run;

import org.jdbsp.bench.report.Progress;
import org.jdbsp.bench.report.StepLatencies;
import org.jdbsp.nexmark.queries.QueryCircuit;

/**
 * The timed loop of one query: take a batch of events, push it, step; at the end {@code finish()} so every window
 * closes. Nothing else happens per batch but timing the push and step into {@code latencies}, publishing the count to
 * the progress display, polling for a stop and, with {@code --checkpoint-dir}, a checkpoint when one is due.
 */
final class RunLoop {
    /** What {@link #drive} returns when a stop was requested. */
    static final long STOPPED = -1;

    private RunLoop() {}

    /** Runs {@code circuit} over every event of {@code batches}; returns the number of events, or {@link #STOPPED}. */
    static long drive(QueryCircuit<?> circuit, EventBatches batches, int batchSize, Progress progress,
                      StopSignal stop, StepLatencies latencies) {
        return drive(circuit, batches, batchSize, progress, stop, latencies, null);
    }

    /** As {@link #drive(QueryCircuit, EventBatches, int, Progress, StopSignal, StepLatencies)}, checkpointing when due. */
    static long drive(QueryCircuit<?> circuit, EventBatches batches, int batchSize, Progress progress,
                      StopSignal stop, StepLatencies latencies, QueryCheckpoints checkpoints) {
        long done = 0;
        int n;
        while ((n = batches.next(batchSize)) > 0) {
            int from = batches.offset();
            long t0 = System.nanoTime();
            circuit.push(batches.events(), from, from + n);
            circuit.step();
            latencies.record(System.nanoTime() - t0);
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
