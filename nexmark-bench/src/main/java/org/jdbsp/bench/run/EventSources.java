package org.jdbsp.bench.run;

import org.jdbsp.nexmark.generator.EventSource;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.generator.NexmarkGenerator;
import org.jdbsp.nexmark.generator.ParallelEventSource;
import org.jdbsp.nexmark.generator.RngMode;

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
