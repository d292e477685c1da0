package org.jdbsp.bench.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbsp.circuit.CircuitConfig;

/**
 * Where the queries' circuits keep their state beyond the heap ({@code --storage}): the directory, the spill
 * threshold and the per-worker memory budget ({@link CircuitConfig#withStorage}).
 *
 * @param directory    the storage directory; each circuit makes its own run directory in it, deleted when it closes
 * @param threshold    batches of at least this many bytes go to files (0: every batch)
 * @param workerBudget the heap bytes of trace batches each worker keeps before spilling its largest (0: the
 *                     library's default, a quarter of the heap divided by the workers)
 * @param mergeThreads the threads merging batches into files while the steps go on (0: in the workers' threads)
 */
public record StorageSettings(Path directory, long threshold, long workerBudget, int mergeThreads) {
    /** With the library's default number of merge threads. */
    public StorageSettings(Path directory, long threshold, long workerBudget) {
        this(directory, threshold, workerBudget, CircuitConfig.DEFAULT_MERGE_THREADS);
    }

    /**
     * Checks the values and the directory.
     *
     * @throws IllegalArgumentException naming the option: a directory that is missing, not a directory or not
     *                                  writable, a negative size
     */
    public StorageSettings {
        if (directory.toString().isEmpty()) {
            throw new IllegalArgumentException("--storage '' is invalid: give a directory");
        }
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("--storage " + directory + (Files.exists(directory)
                ? " is not a directory" : " does not exist (create it first)"));
        }
        if (!Files.isWritable(directory)) {
            throw new IllegalArgumentException("--storage " + directory + " is not writable");
        }
        if (threshold < 0) {
            throw new IllegalArgumentException("--storage-threshold = " + threshold
                + " is invalid: must be >= 0 (0 writes every batch)");
        }
        if (workerBudget < 0) {
            throw new IllegalArgumentException("--worker-memory-budget = " + workerBudget
                + " is invalid: must be >= 0 (0 for the default)");
        }
        if (mergeThreads < 0 || mergeThreads > CircuitConfig.MAX_MERGE_THREADS) {
            throw new IllegalArgumentException("--merge-threads = " + mergeThreads + " is invalid: must be between 0"
                + " (merge in the workers' threads) and " + CircuitConfig.MAX_MERGE_THREADS);
        }
    }

    /** {@code config} with this storage. */
    public CircuitConfig apply(CircuitConfig config) {
        return config.withStorage(directory).withSpillThreshold(threshold).withWorkerMemoryBudget(workerBudget)
            .withMergeThreads(mergeThreads);
    }
}
