package org.jdbsp.bench.run;

import java.util.HashMap;
import java.util.Map;
import org.jdbsp.bench.report.CheckpointFigures;
import org.jdbsp.checkpoint.CheckpointInfo;
import org.jdbsp.nexmark.queries.QueryCircuit;

/**
 * The checkpoints of one query's run: after each step, decides whether one is due (every N steps, or once S
 * seconds have passed since the previous one), takes it with the metadata a resumed run needs (the
 * {@link RunIdentity} entries, the events consumed, the output changes so far) and adds up its count, time and
 * bytes.
 */
final class QueryCheckpoints {
    /** The metadata entry of the events consumed when the checkpoint was taken. */
    static final String EVENTS_CONSUMED = RunIdentity.PREFIX + "events-consumed";
    /** The metadata entry of the output changes counted when the checkpoint was taken. */
    static final String OUTPUT_CHANGES = RunIdentity.PREFIX + "output-changes";

    private final long intervalSteps;
    private final long intervalNanos;
    private final Map<String, String> identity;
    private final long eventsBefore;
    private final long outputChangesBefore;
    private long stepsSince;
    private long lastNanos;
    private int count;
    private long nanos;
    private long bytes;

    /**
     * The checkpoints of a query run with {@code settings}, whose metadata holds {@code identity}; the run continues
     * after {@code eventsBefore} events and {@code outputChangesBefore} output changes (0 unless it resumed).
     */
    QueryCheckpoints(CheckpointSettings settings, Map<String, String> identity, long eventsBefore,
                     long outputChangesBefore) {
        this.intervalSteps = settings.intervalSteps();
        this.intervalNanos = (long) (settings.intervalSeconds() * 1e9);
        this.identity = Map.copyOf(identity);
        this.eventsBefore = eventsBefore;
        this.outputChangesBefore = outputChangesBefore;
    }

    /** Events consumed before this process started the query (from the checkpoint it resumed from). */
    long eventsBefore() {
        return eventsBefore;
    }

    /** Output changes counted before this process started the query. */
    long outputChangesBefore() {
        return outputChangesBefore;
    }

    /** Starts the time interval: call when the query's events start. */
    void start() {
        lastNanos = System.nanoTime();
    }

    /** After a step that brought the events consumed by this process to {@code done}: checkpoints if one is due. */
    void afterStep(QueryCircuit<?> circuit, long done) {
        stepsSince++;
        boolean due = (intervalSteps > 0 && stepsSince >= intervalSteps)
            || (intervalNanos > 0 && System.nanoTime() - lastNanos >= intervalNanos);
        if (due) {
            checkpoint(circuit, done);
        }
    }

    private void checkpoint(QueryCircuit<?> circuit, long done) {
        Map<String, String> metadata = new HashMap<>(identity);
        metadata.put(EVENTS_CONSUMED, Long.toString(eventsBefore + done));
        metadata.put(OUTPUT_CHANGES, Long.toString(outputChangesBefore + circuit.outputChanges()));
        long t0 = System.nanoTime();
        CheckpointInfo info;
        try {
            info = circuit.checkpoint(metadata);
        } catch (RuntimeException e) {
            throw new Failure("cannot checkpoint: " + e.getMessage(), e);
        }
        long t1 = System.nanoTime();
        count++;
        nanos += t1 - t0;
        bytes += info.bytesWritten();
        stepsSince = 0;
        lastNanos = t1;
    }

    /** The checkpoints taken so far. */
    CheckpointFigures figures() {
        return new CheckpointFigures(count, nanos, bytes);
    }

    /**
     * The events consumed that {@code info} (a checkpoint of this benchmark) records.
     *
     * @throws IllegalArgumentException if it records none
     */
    static long eventsConsumed(CheckpointInfo info) {
        return number(info, EVENTS_CONSUMED);
    }

    /** The output changes that {@code info} records. */
    static long outputChanges(CheckpointInfo info) {
        return number(info, OUTPUT_CHANGES);
    }

    /**
     * A checkpoint that could not be taken or loaded (an operator without snapshot support, an I/O error, a damaged
     * or foreign checkpoint): the query fails with this one-line message, no stack trace.
     */
    static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static long number(CheckpointInfo info, String key) {
        String v = info.metadata().get(key);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("checkpoint " + info.id() + " records no " + key + " (" + v
                + "): it was not taken by this benchmark", e);
        }
    }
}
