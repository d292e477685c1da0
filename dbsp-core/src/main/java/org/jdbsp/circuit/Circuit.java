package org.jdbsp.circuit;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jdbsp.checkpoint.CheckpointException;
import org.jdbsp.checkpoint.Restore;
import org.jdbsp.checkpoint.internal.CheckpointStore;
import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.Executor;
import org.jdbsp.circuit.internal.Graph;
import org.jdbsp.circuit.internal.StepRunner;
import org.jdbsp.circuit.internal.WorkerGroup;
import org.jdbsp.circuit.internal.WorkerPool;
import org.jdbsp.storage.runtime.MergeThreads;
import org.jdbsp.storage.runtime.RunDirectory;
import org.jdbsp.storage.runtime.WorkerStorage;

/**
 * Builds circuits. A circuit is built by one function that receives a {@link CircuitBuilder}, creates
 * inputs, wires operators, and returns a value (typically a record) holding the input and output handles;
 * the resulting {@link CircuitHandle} is then driven by {@link CircuitHandle#step()}.
 *
 * <pre>{@code
 * record Io(ZSetInput<String> words, ZSetOutput<String> longWords) {}
 * try (CircuitHandle<Io> h = Circuit.build(c -> {
 *     ZSetInput<String> words = c.zsetInput("words");
 *     return new Io(words, words.stream().filter(w -> w.length() > 4).output());
 * })) {
 *     h.io().words().push("incremental", 1);
 *     h.step();
 *     h.io().longWords().delta();   // {incremental x1}
 * }
 * }</pre>
 *
 * <p>Because the whole circuit comes from one function, a circuit configured with W &gt; 1
 * {@linkplain CircuitConfig#workers() workers} is built by calling it W times, once per worker, in worker
 * order: it must build the same circuit every time. The value returned to the caller is worker 0's; its
 * inputs feed every worker and its outputs gather from every worker (see {@link Placement}).
 */
public final class Circuit {
    private Circuit() {}

    /** Builds a circuit with the default configuration. */
    public static <T> CircuitHandle<T> build(Function<CircuitBuilder, T> constructor) {
        return build(CircuitConfig.defaults(), constructor);
    }

    /** Builds a circuit. */
    public static <T> CircuitHandle<T> build(CircuitConfig config, Function<CircuitBuilder, T> constructor) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(constructor, "constructor");
        CircuitRuntime runtime = new CircuitRuntime();
        RunDirectory run = config.storage() == null ? null : RunDirectory.open(config.storage(), config.name());
        MergeThreads merges = run == null || config.mergeThreads() == 0 ? null : new MergeThreads(config.mergeThreads(), config.name());
        try {
            CircuitHandle<T> handle;
            if (config.workers() > 1) {
                handle = buildReplicas(config, constructor, runtime, run, merges);
            } else {
                Graph graph = new Graph(null);
                CircuitBuilder builder = new CircuitBuilder(graph, runtime, config, workerStorage(config, run, merges));
                T io = constructor.apply(builder);
                graph.seal();
                handle = new CircuitHandle<>(io, StepRunner.onCallingThread(new Executor(graph, config.validation())), runtime, graph, config);
            }
            if (run != null) {
                handle.storedIn(run);
                runtime.onClose(run::close);
            }
            if (merges != null) {
                runtime.onClose(merges::close);   // first: no merge may write once the run directory goes
            }
            return handle;
        } catch (RuntimeException | Error e) {
            if (merges != null) {
                merges.close();
            }
            if (run != null) {
                run.close();
            }
            throw e;
        }
    }

    /**
     * Builds a circuit with {@code constructor}, as {@link #build(CircuitConfig, Function)} does, and loads the
     * latest complete checkpoint of its storage directory ({@link CircuitConfig#storage()}): the same as
     * {@code restore(config, Restore.latest(), constructor)}.
     */
    public static <T> CircuitHandle<T> restore(CircuitConfig config, Function<CircuitBuilder, T> constructor) {
        return restore(config, Restore.latest(), constructor);
    }

    /**
     * Builds a circuit with {@code constructor} and loads the checkpoint {@code which} chooses from its storage
     * directory: the circuit then continues from the step after the checkpoint's
     * ({@link CircuitHandle#steps()} is its step), with every operator's state, every output's last change and
     * integral, and the inputs' arrival positions as they were; {@link CircuitHandle#restoredFrom()} gives the
     * checkpoint and its metadata. The circuit must be the one that took the checkpoint (same build function,
     * same number of workers): another one is refused, saying which operator differs first. A damaged
     * checkpoint (a missing file, a checksum mismatch) is refused naming the file, or, with
     * {@link Restore#withFallback()}, skipped for the previous complete one (the circuit is then built again,
     * so the build function may be called more than once per worker). Nothing is loaded silently wrong.
     *
     * @throws CheckpointException when no checkpoint can be loaded (the handle built is closed)
     * @throws IllegalArgumentException when the configuration has no storage directory
     */
    public static <T> CircuitHandle<T> restore(CircuitConfig config, Restore which, Function<CircuitBuilder, T> constructor) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(which, "which");
        if (config.storage() == null) {
            throw new IllegalArgumentException("restore needs a storage directory: CircuitConfig.withStorage(dir)");
        }
        List<String> ids = which.id() != null ? List.of(which.id()) : newestFirst(new CheckpointStore(config.storage()).ids());
        if (ids.isEmpty()) {
            if (which.allowEmpty()) {
                return build(config, constructor);
            }
            throw new CheckpointException(new CheckpointStore(config.storage()).root(), "no complete checkpoint to restore", false, null);
        }
        CheckpointException first = null;
        for (String id : ids) {
            CircuitHandle<T> h = build(config, constructor);
            try {
                h.restore(id);
                return h;
            } catch (CheckpointException e) {
                h.close();
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
                if (!which.fallback() || !e.corrupt()) {
                    throw first;
                }
            } catch (RuntimeException | Error e) {
                h.close();
                throw e;
            }
        }
        throw first;
    }

    private static List<String> newestFirst(List<String> ids) {
        List<String> out = new java.util.ArrayList<>(ids);
        java.util.Collections.reverse(out);
        return out;
    }

    /** A worker's storage in the run directory, or null without storage. */
    private static WorkerStorage workerStorage(CircuitConfig config, RunDirectory run, MergeThreads merges) {
        return run == null ? null
                : new WorkerStorage(run.path(), config.codecs(), config.spillThreshold(), config.effectiveWorkerMemoryBudget(),
                        run.writtenCounter(), merges);
    }

    private static <T> CircuitHandle<T> buildReplicas(CircuitConfig config, Function<CircuitBuilder, T> constructor, CircuitRuntime runtime,
                                                      RunDirectory run, MergeThreads merges) {
        int w = config.workers();
        WorkerGroup group = new WorkerGroup(w, config.name());
        Graph[] graphs = new Graph[w];
        Executor[] executors = new Executor[w];
        T io = null;
        for (int i = 0; i < w; i++) {
            graphs[i] = new Graph(null);
            CircuitBuilder builder = new CircuitBuilder(graphs[i], runtime, config, group.worker(i), group.worker(i),
                    workerStorage(config, run, merges));
            T replicaIo = constructor.apply(builder);
            graphs[i].seal();
            if (i == 0) {
                io = replicaIo;
            } else {
                ReplicaCheck.checkSame(graphs[0], graphs[i], group, i);
            }
            executors[i] = new Executor(graphs[i], config.validation());
        }
        return new CircuitHandle<>(io, new WorkerPool(group, executors), runtime, graphs[0], config);
    }
}
