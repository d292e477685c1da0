package org.jdbsp.nexmark.generator;

import org.jdbsp.nexmark.model.Event;

/**
 * A finite, ordered stream of Nexmark events handed out in batches, ready to push into a circuit.
 *
 * <p>Implemented by the single-threaded {@link NexmarkGenerator} and the multi-threaded
 * {@link ParallelEventSource}; both give the events in event-number order. Closing a source releases its
 * resources (threads); a closed source returns no more events.
 */
public interface EventSource extends AutoCloseable {

    /**
     * Writes the next events, in order, into {@code dst[0 .. n)} with {@code n <= max}, blocking until
     * {@code max} events are available or the stream ends.
     *
     * @return the number of events written; less than {@code max} only at the end, 0 once the stream is exhausted
     */
    int nextBatch(Event[] dst, int max);

    /** {@link #nextBatch(Event[], int)} with {@code max = dst.length}. */
    default int nextBatch(Event[] dst) {
        return nextBatch(dst, dst.length);
    }

    /** Stops producing events and releases resources; idempotent. */
    @Override
    void close();
}
