package org.jdbsp.circuit;

import java.nio.file.Path;
import java.util.Objects;
import org.jdbsp.codec.Codecs;

/**
 * Settings of a circuit, validated when the configuration is made.
 *
 * @param maxRecursionIterations the most iterations a recursive circuit may take in one step before it is
 *                               declared divergent (at least 1)
 * @param workers                the number of worker threads running the circuit (1 to {@link #MAX_WORKERS}): with 1 the
 *                               circuit runs on the thread calling {@link CircuitHandle#step()}; with W &gt; 1
 *                               it runs on that thread plus W - 1 worker threads, each owning the state of
 *                               one shard of the keys (see the package documentation)
 * @param name                   the circuit's name, used in the names of its worker threads
 *                               ({@code jdbsp-worker-<name>-<index>}); not blank
 * @param validation             whether every step checks that user types keep their contract (off by default;
 *                               see {@link #withValidation})
 * @param storage                the directory where the circuit keeps its files (state written to disk,
 *                               checkpoints), or null for none (the default; see {@link #withStorage})
 * @param codecs                 how records become bytes in those files: derived codecs plus those registered
 *                               (see {@link #withCodecs})
 * @param spillThreshold         with storage, the size in bytes from which a trace batch is written to a file and
 *                               dropped from the heap ({@value #DEFAULT_SPILL_THRESHOLD} by default; 0 writes every
 *                               batch; see {@link #withSpillThreshold})
 * @param workerMemoryBudget     with storage, the bytes of heap-resident trace batches each worker may hold before
 *                               it writes its largest ones to files; 0 (the default) means a quarter of the
 *                               maximum heap divided by the number of workers (see {@link #withWorkerMemoryBudget})
 * @param mergeThreads           with storage, the threads that merge trace batches into files while the steps go on
 *                               ({@value #DEFAULT_MERGE_THREADS} by default; 0 merges in the workers' threads; see
 *                               {@link #withMergeThreads})
 */
public record CircuitConfig(int maxRecursionIterations, int workers, String name, boolean validation, Path storage,
        Codecs codecs, long spillThreshold, long workerMemoryBudget, int mergeThreads) {
    /**
     * The default {@link #spillThreshold}: 8 MiB. A step's input batch stays on the heap and only the spine's
     * larger merged batches go to files: with 1 MiB every Nexmark input batch was written and merged file to
     * file, q4 and q9 (whose state stays small) ran 12x slower than without storage; at 8 MiB they do not spill
     * at all. Heap batches merged by the spine go to a file only from eight thresholds (at most a 16th of the
     * worker's memory budget), so that a tuple's first file is not rewritten soon after (README, Storage).
     */
    public static final long DEFAULT_SPILL_THRESHOLD = 8L << 20;

    /**
     * The most workers a circuit may have: 256. Each worker is a thread, and the workers meet several times per
     * step (at every exchange). A meeting costs the group O(W) in all plus the data (a worker sends only its
     * non-empty parts and reads only what was sent to it), but it needs all W threads to run: beyond the
     * machine's cores more workers only add waiting (1,000 workers made every step of a Nexmark query take
     * seconds on 2 cores). 256 leaves room for large machines.
     */
    public static final int MAX_WORKERS = 256;

    /**
     * The default {@link #mergeThreads}: 1. With one worker on a 2-core machine, q19 and q20 (Nexmark, 10M events)
     * spent over half of the worker's time with storage encoding bids into their first files; a merge thread does
     * that on the other core (README, Storage).
     */
    public static final int DEFAULT_MERGE_THREADS = 1;

    /** The most {@link #mergeThreads}: 64. */
    public static final int MAX_MERGE_THREADS = 64;

    /** The settings of an earlier version, with {@value #DEFAULT_MERGE_THREADS} merge thread. */
    public CircuitConfig(int maxRecursionIterations, int workers, String name, boolean validation, Path storage,
                         Codecs codecs, long spillThreshold, long workerMemoryBudget) {
        this(maxRecursionIterations, workers, name, validation, storage, codecs, spillThreshold, workerMemoryBudget,
                DEFAULT_MERGE_THREADS);
    }

    /** Validates the settings. */
    public CircuitConfig {
        if (maxRecursionIterations < 1) {
            throw new IllegalArgumentException("maxRecursionIterations = " + maxRecursionIterations + " is invalid: must be >= 1");
        }
        if (workers < 1 || workers > MAX_WORKERS) {
            throw new IllegalArgumentException("workers = " + workers + " is invalid: must be between 1 and " + MAX_WORKERS
                    + " (CircuitConfig.MAX_WORKERS; more workers than cores only add waiting)");
        }
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the circuit name must not be blank");
        }
        Objects.requireNonNull(codecs, "codecs");
        if (spillThreshold < 0) {
            throw new IllegalArgumentException("spillThreshold = " + spillThreshold + " is invalid: must be >= 0 (0 writes every batch)");
        }
        if (workerMemoryBudget < 0) {
            throw new IllegalArgumentException("workerMemoryBudget = " + workerMemoryBudget
                    + " is invalid: must be >= 0 (0 for the default, a quarter of the heap divided by the workers)");
        }
        if (mergeThreads < 0 || mergeThreads > MAX_MERGE_THREADS) {
            throw new IllegalArgumentException("mergeThreads = " + mergeThreads + " is invalid: must be between 0 (merge in"
                    + " the workers' threads) and " + MAX_MERGE_THREADS);
        }
    }

    /**
     * The defaults: one worker, recursion may iterate up to 1,000,000 times per step, name "circuit", no
     * validation, no storage, the derived codecs.
     */
    public static CircuitConfig defaults() {
        return new CircuitConfig(1_000_000, 1, "circuit", false, null, Codecs.defaults(), DEFAULT_SPILL_THRESHOLD, 0, DEFAULT_MERGE_THREADS);
    }

    /** A copy with another iteration limit. */
    public CircuitConfig withMaxRecursionIterations(int n) {
        return new CircuitConfig(n, workers, name, validation, storage, codecs, spillThreshold, workerMemoryBudget, mergeThreads);
    }

    /** A copy running on {@code n} workers (at least 1). */
    public CircuitConfig withWorkers(int n) {
        return new CircuitConfig(maxRecursionIterations, n, name, validation, storage, codecs, spillThreshold, workerMemoryBudget, mergeThreads);
    }

    /** A copy with another name. */
    public CircuitConfig withName(String newName) {
        return new CircuitConfig(maxRecursionIterations, workers, newName, validation, storage, codecs, spillThreshold, workerMemoryBudget, mergeThreads);
    }

    /**
     * A copy in validation mode ({@code true}) or not: every step then checks that the records it handles keep the
     * contract of user types (see {@link ZSetInput}), and fails with a
     * {@link CircuitException} naming the type, the two records and the rule broken, where a broken contract
     * otherwise gives wrong results that may differ with the number of workers. It checks: that each record's
     * {@code hashCode} is the same when asked twice, in every batch made and, hashed for an exchange, twice before
     * it is sent and once more where it arrives; that records the order calls equal are {@code equals} and hash
     * alike; and that neighbours in a sorted batch that the order tells apart are not {@code equals} (an order
     * finer than equals). Equal records that never meet in one batch, or meet apart, escape it. It costs two hash
     * codes per record of every batch consolidated, and one comparison and one {@code equals} per record of every
     * batch made (also when traces merge); off, it costs nothing per record. Meant for tests.
     */
    public CircuitConfig withValidation(boolean on) {
        return new CircuitConfig(maxRecursionIterations, workers, name, on, storage, codecs, spillThreshold, workerMemoryBudget, mergeThreads);
    }

    /**
     * A copy that keeps its files in {@code directory}, or none when {@code directory} is null.
     *
     * <p>With storage, the shared integral trace of every stream (the state of joins, aggregates, distinct,
     * top-k...) writes each batch of at least {@link #spillThreshold} bytes to a batch file and drops it from
     * the heap, and each worker also writes its largest heap batches when they exceed
     * {@link #workerMemoryBudget}; operators read file batches as they read heap ones. Each circuit run keeps
     * its files in its own subdirectory {@code <directory>/run-<pid>-<id>-<circuit name>}, deleted by
     * {@link CircuitHandle#close()}; the run directories of a process that died are deleted when the next
     * circuit with storage in {@code directory} is built. Nothing else in {@code directory} is touched.
     *
     * <p><b>What is refused when.</b> Building the circuit fails with an {@link IllegalArgumentException} naming
     * the path when {@code directory} does not exist, is not a directory or cannot be written. Records are
     * written with {@link #codecs}: where a stream's type is known when the circuit is built (inputs made with
     * {@code zsetInput(name, Class)}, the parts of a {@link SplitInput}, long streams, which need no codec), a
     * type without a codec is refused then, naming the input and the type. The types of other streams (those
     * made by user functions) are not known to the library until their records arrive: such a stream's codecs
     * are learned from the first batch its trace receives, before anything is written, and a type without a
     * codec fails that first step, with a {@link CircuitException} naming the stream and the type, never a later one.
     */
    public CircuitConfig withStorage(Path directory) {
        return new CircuitConfig(maxRecursionIterations, workers, name, validation, directory, codecs, spillThreshold, workerMemoryBudget, mergeThreads);
    }

    /**
     * A copy whose traces write batches of at least {@code bytes} (an estimate: the batch's arrays plus 48 bytes
     * per object key or value) to files when storage is on; 0 writes every batch (for tests).
     */
    public CircuitConfig withSpillThreshold(long bytes) {
        return new CircuitConfig(maxRecursionIterations, workers, name, validation, storage, codecs, bytes, workerMemoryBudget, mergeThreads);
    }

    /**
     * A copy whose workers each keep at most about {@code bytes} of trace batches on the heap when storage is on
     * (beyond it, the largest are written to files); 0 for the default, a quarter of the maximum heap divided by
     * the number of workers.
     */
    public CircuitConfig withWorkerMemoryBudget(long bytes) {
        return new CircuitConfig(maxRecursionIterations, workers, name, validation, storage, codecs, spillThreshold, bytes, mergeThreads);
    }

    /**
     * A copy whose traces, with storage on, merge batches into files on {@code n} merge threads shared by the
     * workers, while the steps go on (the step only installs a merge's result, or waits for it when the spine
     * needs it before it is done); 0 merges in the workers' own threads, spread over the steps. Merge threads call
     * the codecs and the key and value orders of stored records, which must not depend on the calling thread.
     */
    public CircuitConfig withMergeThreads(int n) {
        return new CircuitConfig(maxRecursionIterations, workers, name, validation, storage, codecs, spillThreshold, workerMemoryBudget, n);
    }

    /** The memory budget of each worker in bytes: {@link #workerMemoryBudget}, or its default when that is 0. */
    public long effectiveWorkerMemoryBudget() {
        return workerMemoryBudget > 0 ? workerMemoryBudget : Math.max(1, Runtime.getRuntime().maxMemory() / 4 / workers);
    }

    /** A copy encoding records with {@code registry} (see {@link Codecs#with} to register a codec for a type). */
    public CircuitConfig withCodecs(Codecs registry) {
        return new CircuitConfig(maxRecursionIterations, workers, name, validation, storage, registry, spillThreshold, workerMemoryBudget, mergeThreads);
    }
}
