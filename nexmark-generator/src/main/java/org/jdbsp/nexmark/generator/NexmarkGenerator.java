package org.jdbsp.nexmark.generator;

import java.util.NoSuchElementException;
import org.jdbsp.nexmark.model.Event;

/**
 * A single-threaded Nexmark generator: the events of one {@link GeneratorConfig} in order, in either
 * {@link RngMode}.
 *
 * <p>In {@link RngMode#REFERENCE} mode it reproduces the reference generator's output for the same seeds. In
 * {@link RngMode#PER_EVENT} mode every event is also available on its own through {@link #eventAt(long)}. Not
 * thread-safe.
 */
public final class NexmarkGenerator implements EventSource {

    private final GeneratorConfig config;
    private final EventFactory factory;
    private final SplitMix64 rng = new SplitMix64();
    private final boolean perEvent;
    private final long streamKey;
    private final long maxEvents;
    private long next;

    private NexmarkGenerator(GeneratorConfig config) {
        this.config = config;
        this.factory = new EventFactory(config, GeneratorTables.of(config));
        this.perEvent = config.rngMode() == RngMode.PER_EVENT;
        this.streamKey = SplitMix64.streamKey(config.eventSeed());
        this.maxEvents = config.maxEvents();
        if (!perEvent) {
            rng.seedReference(config.eventSeed());
        }
    }

    /** A generator positioned before the first event of {@code config}. */
    public static NexmarkGenerator create(GeneratorConfig config) {
        return new NexmarkGenerator(config);
    }

    /** The configuration. */
    public GeneratorConfig config() {
        return config;
    }

    /** Whether another event remains. */
    public boolean hasNext() {
        return next < maxEvents;
    }

    /** The next event. @throws NoSuchElementException after the last one */
    public Event next() {
        if (next >= maxEvents) {
            throw new NoSuchElementException("all " + maxEvents + " events generated");
        }
        return nextUnchecked();
    }

    /** The number of events generated so far (the index of the next event). */
    public long eventsCountSoFar() {
        return next;
    }

    @Override
    public int nextBatch(Event[] dst, int max) {
        int n = (int) Math.min(max, maxEvents - next);
        for (int i = 0; i < n; i++) {
            dst[i] = nextUnchecked();
        }
        return Math.max(n, 0);
    }

    /**
     * Event {@code k} (0-based) of the stream, computed alone in O(1); available in {@link RngMode#PER_EVENT}
     * mode only. Does not move the sequential position.
     *
     * @throws IllegalStateException in {@link RngMode#REFERENCE} mode
     * @throws IndexOutOfBoundsException unless {@code 0 <= k < maxEvents}
     */
    public Event eventAt(long k) {
        if (!perEvent) {
            throw new IllegalStateException("eventAt needs rngMode PER_EVENT; REFERENCE mode is sequential only");
        }
        if (k < 0 || k >= maxEvents) {
            throw new IndexOutOfBoundsException("event " + k + " is outside [0, " + maxEvents + ")");
        }
        return createPerEvent(factory, rng, streamKey, config.firstEventNumber(), k);
    }

    /** Closing a single-threaded generator only ends its stream. */
    @Override
    public void close() {
        next = maxEvents;
    }

    private Event nextUnchecked() {
        long k = next++;
        if (perEvent) {
            return createPerEvent(factory, rng, streamKey, config.firstEventNumber(), k);
        }
        return factory.create(rng, k);
    }

    static Event createPerEvent(EventFactory factory, SplitMix64 rng, long streamKey, long firstEventNumber,
                                long k) {
        rng.seedForEvent(streamKey, firstEventNumber + k);
        return factory.create(rng, k);
    }
}
