package org.jdbsp.bench.run;

import org.jdbsp.nexmark.generator.EventSource;
import org.jdbsp.nexmark.model.Event;

/**
 * The events of one query's run, handed to the run loop a batch at a time as a slice of an array: from a live
 * {@link EventSource} (copied into a reused buffer) or from a pre-generated array (no copy).
 */
abstract class EventBatches implements AutoCloseable {
    /**
     * Makes the next at most {@code max} events available as {@code events()[offset() .. offset() + n)}.
     *
     * @return n, 0 at the end
     */
    abstract int next(int max);

    /** The array holding the current batch. */
    abstract Event[] events();

    /** Where the current batch starts in {@link #events()}. */
    abstract int offset();

    @Override
    public abstract void close();

    /** The batches of a live source, through a buffer of {@code batchSize} events. */
    static EventBatches of(EventSource source, int batchSize) {
        return new FromSource(source, new Event[batchSize]);
    }

    /** The batches of {@code events}, read in place. */
    static EventBatches of(Event[] events) {
        return of(events, 0);
    }

    /** The batches of {@code events} after the first {@code skip} (a resumed run), read in place. */
    static EventBatches of(Event[] events, int skip) {
        return new FromArray(events, skip);
    }

    private static final class FromSource extends EventBatches {
        private final EventSource source;
        private final Event[] buffer;

        FromSource(EventSource source, Event[] buffer) {
            this.source = source;
            this.buffer = buffer;
        }

        @Override
        int next(int max) {
            return source.nextBatch(buffer, Math.min(max, buffer.length));
        }

        @Override
        Event[] events() {
            return buffer;
        }

        @Override
        int offset() {
            return 0;
        }

        @Override
        public void close() {
            source.close();
        }
    }

    private static final class FromArray extends EventBatches {
        private final Event[] events;
        private int offset;
        private int end;

        FromArray(Event[] events, int skip) {
            if (skip < 0 || skip > events.length) {
                throw new IllegalArgumentException("cannot skip " + skip + " of " + events.length + " events");
            }
            this.events = events;
            this.end = skip;
        }

        @Override
        int next(int max) {
            offset = end;
            int n = Math.min(max, events.length - offset);
            end = offset + n;
            return n;
        }

        @Override
        Event[] events() {
            return events;
        }

        @Override
        int offset() {
            return offset;
        }

        @Override
        public void close() {
            // the array belongs to the caller
        }
    }
}
