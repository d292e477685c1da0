package org.jdbsp.bench.cli;

import java.nio.file.Path;
import java.util.List;
import org.jdbsp.bench.run.CheckpointSettings;
import org.jdbsp.bench.run.InFlightEvents;
import org.jdbsp.bench.run.RunSettings;
import org.jdbsp.bench.run.StorageSettings;
import org.jdbsp.circuit.CircuitConfig;
import org.jdbsp.nexmark.generator.GeneratorConfig;
import org.jdbsp.nexmark.queries.NexmarkQuery;
import org.jdbsp.nexmark.queries.Q10;
import picocli.CommandLine.Option;

/** The options of the query benchmark that {@code generate} does not have (a picocli mixin). */
final class BenchOptions {
    @Option(names = "--query", paramLabel = "all|qN[,qN...]", defaultValue = "all",
        description = "The queries to run, one after the other, each over the same events: all (default), one"
            + " name or a comma-separated list.")
    private String query;

    @Option(names = "--max-events", paramLabel = "N", defaultValue = "100000000",
        description = "Events per query. Default 100,000,000.")
    private long maxEvents;

    @Option(names = "--cpu-cores", paramLabel = "N", defaultValue = "1",
        description = "Worker threads of the circuit: the run loop's thread plus N - 1 more, each owning a shard of"
            + " the state. Default 1.")
    private int cpuCores;

    @Option(names = "--input-batch-size", paramLabel = "N", defaultValue = "40000",
        description = "Events pushed into the circuit per step. Default 40,000; at most " + InFlightEvents.MAX_EVENTS
            + ", and the batch and the source buffer must fit in half the heap.")
    private int inputBatchSize;

    @Option(names = "--source-buffer-size", paramLabel = "N",
        description = "Events the generator threads may hold ready ahead of the run loop, over all threads (they"
            + " keep generating while the circuit steps). Default: the input batch size; at most "
            + InFlightEvents.MAX_EVENTS + ".")
    private Integer sourceBufferSize;

    @Option(names = "--pregenerate",
        description = "Generate every event into memory first and time only the circuit (engine-only figures;"
            + " needs about 250 bytes of heap per event, so raise -Xmx for large runs).")
    private boolean pregenerate;

    @Option(names = "--csv", paramLabel = "FILE",
        description = "Append one row per query to FILE (a header line first when the file is new).")
    private Path csv;

    @Option(names = "--results", paramLabel = "FILE",
        description = "Write each query's final integrated result to FILE: one line per distinct row, columns and"
            + " multiplicity separated by '|', sorted. With several queries, one file per query: FILE with '-' and"
            + " the query name inserted before the extension (out.txt -> out-q1.txt). Keeps the result in memory.")
    private Path results;

    @Option(names = "--q10-dir", paramLabel = "DIR",
        description = "Where q10 writes its log files (kept). Default: a temporary directory, deleted after the"
            + " run.")
    private Path q10Dir;

    @Option(names = "--q10-discard",
        description = "Run q10 as Flink's Nexmark figure does: its rows into a discarding sink, no files written;"
            + " its table row is named q10-discard.")
    private boolean q10Discard;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR",
        description = "Checkpoint each query's state into DIR/<query> (with --checkpoint-interval-steps or"
            + " --checkpoint-interval-seconds), or resume from there (--resume). The last 2 checkpoints are kept.")
    private Path checkpointDir;

    @Option(names = "--checkpoint-interval-steps", paramLabel = "N",
        description = "Checkpoint after every N steps (N input batches).")
    private Long checkpointIntervalSteps;

    @Option(names = "--checkpoint-interval-seconds", paramLabel = "S",
        description = "Checkpoint after the first step that ends S seconds or more after the previous checkpoint"
            + " (or the start).")
    private Double checkpointIntervalSeconds;

    @Option(names = "--resume",
        description = "Continue a stopped or crashed run from the latest complete checkpoint of each query in"
            + " --checkpoint-dir (the events consumed are skipped): give the options of that run. A query without"
            + " a checkpoint there starts from the beginning.")
    private boolean resume;

    @Option(names = "--no-progress", description = "Print no progress on standard error.")
    private boolean noProgress;

    @Option(names = "--profile",
        description = "After each query, print its top " + org.jdbsp.bench.report.Profile.TOP + " operators by time"
            + " and by state, with their share of the total, on standard error.")
    private boolean profile;

    @Option(names = "--storage", paramLabel = "DIR",
        description = "Keep the queries' large state in batch files in DIR (must exist and be writable); each query's"
            + " files are deleted when it ends.")
    private Path storage;

    @Option(names = "--storage-threshold", paramLabel = "BYTES",
        description = "With --storage: trace batches of at least BYTES go to files (0: every batch). Default "
            + CircuitConfig.DEFAULT_SPILL_THRESHOLD + ".")
    private Long storageThreshold;

    @Option(names = "--worker-memory-budget", paramLabel = "BYTES",
        description = "With --storage: heap bytes of trace batches each worker keeps before spilling its largest"
            + " (0: a quarter of the heap divided by the workers, the default).")
    private Long workerMemoryBudget;

    @Option(names = "--merge-threads", paramLabel = "N",
        description = "With --storage: threads merging trace batches into files while the steps go on (0: the"
            + " workers merge in their own threads, spread over the steps). Default "
            + CircuitConfig.DEFAULT_MERGE_THREADS + ".")
    private Integer mergeThreads;

    /**
     * The storage settings, or null without {@code --storage}.
     *
     * @throws IllegalArgumentException naming the option that is invalid, or given without {@code --storage}
     */
    StorageSettings storage() {
        if (storage == null) {
            for (String option : new String[] {storageThreshold == null ? null : "--storage-threshold",
                workerMemoryBudget == null ? null : "--worker-memory-budget", mergeThreads == null ? null : "--merge-threads"}) {
                if (option != null) {
                    throw new IllegalArgumentException(option + " needs --storage DIR");
                }
            }
            return null;
        }
        return new StorageSettings(storage,
            storageThreshold == null ? CircuitConfig.DEFAULT_SPILL_THRESHOLD : storageThreshold,
            workerMemoryBudget == null ? 0 : workerMemoryBudget,
            mergeThreads == null ? CircuitConfig.DEFAULT_MERGE_THREADS : mergeThreads);
    }

    /** Whether to print each query's operator profile. */
    boolean profile() {
        return profile;
    }

    /** Whether progress output is off. */
    boolean noProgress() {
        return noProgress;
    }

    /**
     * The validated settings of these options and the generator's.
     *
     * @throws IllegalArgumentException naming the first invalid option
     */
    RunSettings settings(GeneratorOptions generator) {
        GeneratorConfig config = generator.config(maxEvents);
        int threads = generator.threads();
        if (cpuCores < 1 || cpuCores > CircuitConfig.MAX_WORKERS) {
            throw new IllegalArgumentException("--cpu-cores = " + cpuCores + " is invalid: must be between 1 and "
                + CircuitConfig.MAX_WORKERS);
        }
        atLeastOne("--input-batch-size", inputBatchSize);
        int buffer = sourceBufferSize == null ? inputBatchSize : sourceBufferSize;
        atLeastOne("--source-buffer-size", buffer);
        atMost("--input-batch-size", inputBatchSize, InFlightEvents.MAX_EVENTS);
        atMost("--source-buffer-size", buffer, InFlightEvents.MAX_EVENTS);
        notEmpty("--q10-dir", q10Dir);
        notEmpty("--csv", csv);
        notEmpty("--results", results);
        notEmpty("--checkpoint-dir", checkpointDir);
        List<NexmarkQuery<?>> queries = QuerySelection.parse(query);
        if (q10Discard) {
            if (q10Dir != null) {
                throw new IllegalArgumentException("--q10-dir and --q10-discard exclude each other: with"
                    + " --q10-discard q10 writes no files");
            }
            queries = queries.stream().<NexmarkQuery<?>>map(q -> q instanceof Q10 ? Q10.discarding() : q).toList();
        }
        return new RunSettings(queries, config, threads, cpuCores, inputBatchSize, buffer,
            pregenerate, q10Dir, csv, results, checkpoints());
    }

    private CheckpointSettings checkpoints() {
        if (checkpointIntervalSteps != null) {
            atLeastOne("--checkpoint-interval-steps", checkpointIntervalSteps);
        }
        if (checkpointIntervalSeconds != null && !(checkpointIntervalSeconds > 0)) {
            throw new IllegalArgumentException("--checkpoint-interval-seconds = " + checkpointIntervalSeconds
                + " is invalid: must be > 0");
        }
        return new CheckpointSettings(checkpointDir, checkpointIntervalSteps == null ? 0 : checkpointIntervalSteps,
            checkpointIntervalSeconds == null ? 0 : checkpointIntervalSeconds, resume);
    }

    private static void atMost(String option, int value, int max) {
        if (value > max) {
            throw new IllegalArgumentException(option + " = " + value + " is invalid: must be between 1 and " + max
                + " (and the events in flight must fit in half the heap)");
        }
    }

    private static void notEmpty(String option, Path path) {
        if (path != null && path.toString().isEmpty()) {
            throw new IllegalArgumentException(option + " '' is invalid: give a path");
        }
    }

    private static void atLeastOne(String option, long value) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " = " + value + " is invalid: must be >= 1");
        }
    }
}
