package org.jdbsp.bench.run;

import org.jdbsp.nexmark.generator.EventSource;
import org.jdbsp.nexmark.generator.NexmarkGenerator;
import org.jdbsp.nexmark.generator.ParallelEventSource;
import org.jdbsp.nexmark.generator.RngMode;

/**
 * Opens the event source of a run: {@code generatorThreads} threads of a {@link ParallelEventSource} in per-event
 * mode, each holding up to its share of {@code sourceBuffer} events ready; in reference mode the single sequential
 * {@link NexmarkGenerator}, which generates on the caller's thread.
 */
final class EventSources {
    private static final int MAX_CHUNK = ParallelEventSource.DEFAULT_CHUNK_SIZE;

    private EventSources() {}

    static EventSource open(RunSettings s) {
        if (s.generator().rngMode() == RngMode.REFERENCE) {
            return NexmarkGenerator.create(s.generator());
        }
        int threads = s.generatorThreads();
        int perThread = (int) Math.max(1, ((long) s.sourceBuffer() + threads - 1) / threads);
        int chunk = Math.min(MAX_CHUNK, perThread);
        int chunks = (perThread + chunk - 1) / chunk;
        return ParallelEventSource.start(s.generator(), threads, chunk, chunks);
    }
}
