package org.jdbsp.bench.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.queries.NexmarkQuery;

/**
 * The validated settings of a benchmark run.
 *
 * @param queries          the queries to run, in order, each over the same events
 * @param generator        the generator configuration; its {@code maxEvents} is the number of events per query
 * @param generatorThreads generator threads in per-event mode
 * @param cores            the circuit's worker threads
 * @param batchSize        events pushed per step
 * @param sourceBuffer     events the generator threads may hold ready ahead of the run loop, over all threads
 * @param pregenerate      generate every event into memory before timing the queries
 * @param q10Directory     where q10 writes its logs (kept), or null for a temporary directory deleted after the run
 * @param csv              the CSV file to append rows to, or null
 * @param results          the results file (see {@link ResultsFiles}), or null
 * @param checkpoints      the checkpoint options ({@link CheckpointSettings#NONE} for none)
 */
public record RunSettings(List<NexmarkQuery<?>> queries, GeneratorConfig generator, int generatorThreads, int cores,
                          int batchSize, int sourceBuffer, boolean pregenerate, Path q10Directory, Path csv,
                          Path results, CheckpointSettings checkpoints) {
    /** Checks the counts. */
    public RunSettings {
        queries = List.copyOf(queries);
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(checkpoints, "checkpoints");
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("no query to run");
        }
        positive("generatorThreads", generatorThreads);
        positive("cores", cores);
        positive("batchSize", batchSize);
        positive("sourceBuffer", sourceBuffer);
    }

    /** Settings without checkpoints. */
    public RunSettings(List<NexmarkQuery<?>> queries, GeneratorConfig generator, int generatorThreads, int cores,
                       int batchSize, int sourceBuffer, boolean pregenerate, Path q10Directory, Path csv, Path results) {
        this(queries, generator, generatorThreads, cores, batchSize, sourceBuffer, pregenerate, q10Directory, csv,
            results, CheckpointSettings.NONE);
    }

    /** The number of events each query runs over. */
    public long events() {
        return generator.maxEvents();
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " = " + value + " is invalid: must be >= 1");
        }
    }
}
