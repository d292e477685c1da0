package org.jdbsp.bench.run;

import org.jdbsp.nexmark.generator.EventSource;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.NexmarkGenerator;
import org.jdbsp.nexmark.generator.ParallelEventSource;
import org.jdbsp.nexmark.generator.RngMode;
import org.jdbsp.nexmark.model.Event;

/**
 * Opens the event source of a run (or of {@code generate}): {@code threads} threads of a {@link ParallelEventSource}
 * in per-event mode, each holding up to its share of {@code buffer} events ready; in reference mode the single
 * sequential {@link NexmarkGenerator}, which generates on the caller's thread.
 */
public final class EventSources {
    private static final int MAX_CHUNK = ParallelEventSource.DEFAULT_CHUNK_SIZE;

    private EventSources() {}

    static EventSource open(RunSettings s) {
        return open(s.generator(), s.generatorThreads(), s.sourceBuffer());
    }

    /**
     * The source of {@code s}'s events after the first {@code skip} ones (a resumed run). In per-event mode each
     * event is computed from its number alone, so the source starts at event {@code skip} at once, on any number
     * of threads ({@link #startingAt}); the reference generator's single random stream must be drawn through, so
     * it generates and drops the first {@code skip} events.
     */
    static EventSource open(RunSettings s, long skip) {
        GeneratorConfig config = s.generator();
        if (skip == 0) {
            return open(s);
        }
        if (config.rngMode() == RngMode.REFERENCE) {
            NexmarkGenerator g = NexmarkGenerator.create(config);
            Event[] drop = new Event[(int) Math.min(skip, MAX_CHUNK)];
            for (long left = skip; left > 0; ) {
                int n = g.nextBatch(drop, (int) Math.min(left, drop.length));
                if (n == 0) {
                    break;
                }
                left -= n;
            }
            return g;
        }
        return open(startingAt(config, skip), s.generatorThreads(), s.sourceBuffer());
    }

    /**
     * The per-event configuration whose events are those of {@code config} from index {@code skip} on: an event's
     * number (hence its id, its time and its random stream) is the first event number plus its index, so moving
     * the first event number forward by {@code skip} and shortening the stream by as much gives the same events.
     */
    static GeneratorConfig startingAt(GeneratorConfig config, long skip) {
        if (config.rngMode() != RngMode.PER_EVENT) {
            throw new IllegalArgumentException("only a per-event stream can start at an event number");
        }
        if (skip < 0 || skip > config.maxEvents()) {
            throw new IllegalArgumentException("cannot skip " + skip + " of " + config.maxEvents() + " events");
        }
        return config.toBuilder().firstEventNumber(config.firstEventNumber() + skip)
            .maxEvents(config.maxEvents() - skip).build();
    }

    /** The source of {@code config}'s events; {@code threads} and {@code buffer} (both >= 1) in per-event mode. */
    public static EventSource open(GeneratorConfig config, int threads, int buffer) {
        if (config.rngMode() == RngMode.REFERENCE) {
            return NexmarkGenerator.create(config);
        }
        int perThread = (int) Math.max(1, ((long) buffer + threads - 1) / threads);
        int chunk = Math.min(MAX_CHUNK, perThread);
        int chunks = (perThread + chunk - 1) / chunk;
        return ParallelEventSource.start(config, threads, chunk, chunks);
    }
}
