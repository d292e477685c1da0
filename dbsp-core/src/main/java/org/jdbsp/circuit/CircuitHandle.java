package org.jdbsp.circuit;

import java.util.function.Consumer;
import java.util.Map;
import java.util.Optional;
import org.jdbsp.checkpoint.CheckpointException;
import org.jdbsp.checkpoint.CheckpointInfo;
import org.jdbsp.checkpoint.Checkpoints;
import org.jdbsp.checkpoint.internal.Checkpointer;
import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.Graph;
import org.jdbsp.circuit.internal.StepRunner;
import org.jdbsp.storage.runtime.RunDirectory;

/**
 * A built circuit: the handles its build function returned, and the clock.
 *
 * <p>Each {@link #step()} takes the changes pushed into every input since the previous step, runs every
 * operator once in dependency order, and makes each output's change for that step readable. If an
 * operator fails, the step throws {@link CircuitException} naming it, and the circuit is
 * {@link CircuitState#FAILED}: every later call throws {@link IllegalStateException} whose cause is the
 * original failure, whatever the operator threw (an exception, checked or not, or an {@link Error}).
 *
 * <p><b>Threads.</b> A circuit is driven by one thread at a time: its handle, inputs and outputs are not
 * thread-safe, and a call made while another thread is inside one (a push, a read of an output, or
 * {@link #close()} while a step runs; a second concurrent {@code step()}) is refused with an
 * {@link IllegalStateException} saying so, before it changes anything: a push either lands whole in a
 * step or is refused, and the circuit stays usable. Handing the circuit from one thread to another between
 * calls is fine when the hand-over is synchronized (a queue, a lock, {@code Thread.join}). The thread
 * running a step may read outputs and push (for the next step) from an inspector, but not step or close.
 * If the thread calling {@code step()} is interrupted, the step still runs to its end and the thread's
 * interrupt status is kept.
 *
 * <p>With {@link CircuitConfig#workers()} W &gt; 1, the calling thread runs worker 0 and W - 1 worker
 * threads run the others; {@code step()} returns once every worker has finished the step, so inputs,
 * outputs and operator handles are read and written between steps exactly as with one worker. A failure
 * names the worker too, and ends the worker threads; {@link #close()} ends them in any case. A worker
 * thread that dies (an {@link Error} outside any operator) fails the step within a bounded time with a
 * {@link CircuitException} naming it, instead of leaving {@code step()} waiting for it. Worker threads
 * ignore interrupts; idle workers sleep until the next step.
 *
 * @param <T> the type of the value the build function returned
 */
public final class CircuitHandle<T> implements AutoCloseable {
    private final T io;
    private final StepRunner runner;
    private final CircuitRuntime runtime;
    private final Graph graph;
    private final CircuitConfig config;
    private Consumer<? super CircuitMetrics> stepListener;
    /** Every step's metrics up to the last step, while a step listener is set (to give it each step's). */
    private CircuitMetrics lastMetrics;
    private Checkpointer checkpointer;
    private CheckpointInfo restoredFrom;
    private RunDirectory storage;

    CircuitHandle(T io, StepRunner runner, CircuitRuntime runtime, Graph graph, CircuitConfig config) {
        this.io = io;
        this.runner = runner;
        this.runtime = runtime;
        this.graph = graph;
        this.config = config;
    }

    /** What the build function returned: the input and output handles. */
    public T io() {
        return io;
    }

    /**
     * Runs one step; returns the work done (tuples produced by all operators). With a {@linkplain #onStep step
     * listener}, calls it with the step's metrics once the step has run, before returning.
     */
    public long step() {
        long step = runtime.beginStep();
        try {
            long work = run(step);
            runtime.stepRan();
            if (stepListener != null) {
                notifyListener(step);
            }
            return work;
        } finally {
            runtime.endStep();
        }
    }

    private long run(long step) {
        try {
            return runner.run();
        } catch (CircuitException e) {
            CircuitException failure = e.atStep(step);
            runtime.fail(failure);
            throw failure;
        } catch (Throwable e) {
            // operators' failures arrive named (above); this is a failure of the runtime itself
            CircuitException failure = new CircuitException("circuit", step, e);
            runtime.fail(failure);
            throw failure;
        }
    }

    /** Calls the listener with the metrics of step {@code step}; what it throws reaches the caller of step(). */
    private void notifyListener(long step) {
        CircuitMetrics now = MetricsCollector.collect(runner, step);
        CircuitMetrics thisStep = now.since(lastMetrics);
        lastMetrics = now;
        stepListener.accept(thisStep);
    }

    /** The number of steps run so far. */
    public long steps() {
        return runtime.steps();
    }

    /** Gives the handle the run directory its traces write in (with storage on). */
    void storedIn(RunDirectory run) {
        this.storage = run;
    }

    /**
     * The bytes of the batch files this circuit's traces have written to storage so far, over every worker,
     * including files merged away and deleted since (0 without storage; see {@link CircuitConfig#withStorage}); a file
     * counts once complete (a merge thread's as soon as it finishes it).
     */
    public long storageBytesWritten() {
        return storage == null ? 0 : storage.bytesWritten();
    }

    /**
     * The bytes of the files in this circuit's run directory now (0 without storage, and once closed): what its
     * state occupies on disk, without the temporary files of merges still being written by merge threads
     * ({@link CircuitConfig#withMergeThreads}). Walks the directory; call it between steps.
     */
    public long storageBytesOnDisk() {
        return storage == null ? 0 : storage.bytesOnDisk();
    }

    /** Whether the circuit is running, failed or closed. */
    public CircuitState state() {
        return runtime.state();
    }

    /** Tuples of state held by all operators. */
    public long stateTuples() {
        boolean took = runtime.enterInAnyState("stateTuples()", null);
        try {
            return runner.stateTuples();
        } finally {
            runtime.exit(took);
        }
    }

    /**
     * What the circuit is made of: its operators in schedule order with their kinds, names, inputs, output layouts
     * and placements, the exchanges between the workers, and recursive bodies nested; with W &gt; 1, one worker's
     * replica (they are all the same). Print it ({@code toString()}) or render {@link CircuitDescription#toDot()}
     * with Graphviz. Readable in any state, from the thread driving the circuit (refused while another thread
     * runs a step, as every call).
     */
    public CircuitDescription describe() {
        boolean took = runtime.enterInAnyState("describe()", null);
        try {
            return Describer.describe(config.name(), config.workers(), graph);
        } finally {
            runtime.exit(took);
        }
    }

    /**
     * What every operator did in every step so far (tuples in and out, time) and the state it holds now, summed
     * over the workers and per worker: an immutable snapshot (see {@link CircuitMetrics}). Collecting it costs a
     * pass over the operators, not over their data. Readable between steps, in any state, from the thread driving
     * the circuit; refused (with {@link IllegalStateException}) while another thread runs a step and from inside
     * a step (an inspector), when the workers are still running.
     */
    public CircuitMetrics metrics() {
        boolean took = runtime.enterInAnyState("metrics()", null);
        try {
            if (runtime.stepRunning()) {
                throw new IllegalStateException("metrics() called from inside a step: read them between steps, or"
                        + " through a step listener (onStep)");
            }
            return MetricsCollector.collect(runner, runtime.steps());
        } finally {
            runtime.exit(took);
        }
    }

    /** As {@link #checkpoint(Map)} with no metadata. */
    public CheckpointInfo checkpoint() {
        return checkpoint(Map.of());
    }

    /**
     * Saves the circuit's whole state after the last step into its storage directory
     * ({@link CircuitConfig#withStorage}) and returns the checkpoint; {@code metadata} (small: at most 64 KiB,
     * e.g. the input offsets consumed so far) is saved with it and given back by {@link #restoredFrom()} after
     * {@link Circuit#restore}. Saved: every trace and operator state, every output's last change and integral,
     * the step count and the inputs' arrival positions, with the number of workers and the circuit's
     * fingerprint. Files are written under temporary names, fsynced and renamed, and the manifest last, so a
     * crash at any moment leaves this checkpoint complete or absent, and the previous one intact. Then only
     * the last {@link Checkpoints#keptLast()} checkpoints are kept. A failed checkpoint leaves the circuit
     * running and the previous checkpoints as they were.
     *
     * @throws IllegalStateException when the circuit has no storage directory, is not running, records were
     *     pushed since the last step (they would not be in it), or an operator has state it cannot save
     *     (the message names it); or when called from inside a step
     * @throws CheckpointException when a file cannot be written (naming it)
     */
    public CheckpointInfo checkpoint(Map<String, String> metadata) {
        boolean took = runtime.enter("checkpoint()", null);
        try {
            if (!took) {
                throw new IllegalStateException("checkpoint() called from inside a step: checkpoints are taken between steps");
            }
            return checkpointer().checkpoint(metadata);
        } finally {
            runtime.exit(took);
        }
    }

    /**
     * Sets the listener called after each successful step with that step's metrics (its counts and the state at
     * its end), on the thread calling {@link #step()}, before {@code step()} returns; {@code null} removes it.
     * The listener may read outputs and {@link #metrics()}, but not step or close the circuit. Collecting a
     * step's metrics costs a pass over the operators per step; without a listener nothing is collected.
     * If the listener throws, {@code step()} throws that exception unchanged; the step has completed and the
     * circuit stays usable (the next step's listener call covers only the next step).
     */
    public void onStep(Consumer<? super CircuitMetrics> listener) {
        boolean took = runtime.enter("onStep()", null);
        try {
            lastMetrics = listener == null ? null : MetricsCollector.collect(runner, runtime.steps());
            stepListener = listener;
        } finally {
            runtime.exit(took);
        }
    }

    /** The checkpoints in the storage directory: list, delete, how many are kept. */
    public Checkpoints checkpoints() {
        boolean took = runtime.enterInAnyState("checkpoints()", null);
        try {
            return checkpointer();
        } finally {
            runtime.exit(took);
        }
    }

    /** The checkpoint this circuit was restored from (with its metadata), or empty for a fresh circuit. */
    public Optional<CheckpointInfo> restoredFrom() {
        return Optional.ofNullable(restoredFrom);
    }

    /** Loads checkpoint {@code id} into this freshly built circuit (see {@link Circuit#restore}). */
    void restore(String id) {
        boolean took = runtime.enter("restore", null);
        try {
            if (runtime.steps() != 0) {
                throw new IllegalStateException("a checkpoint can only be loaded into a circuit that has not run");
            }
            restoredFrom = checkpointer().restore(id);
        } finally {
            runtime.exit(took);
        }
    }

    private Checkpointer checkpointer() {
        if (config.storage() == null) {
            throw new IllegalStateException("the circuit has no storage directory for checkpoints: build it with"
                    + " CircuitConfig.withStorage(dir)");
        }
        if (checkpointer == null) {
            checkpointer = new Checkpointer(config.storage(), runner.executors(), runtime, config.codecs());
        }
        return checkpointer;
    }

    /** Number of operators in the circuit (of one worker's replica). */
    public int operatorCount() {
        return graph.size();
    }

    /**
     * Closes the circuit and ends its worker threads; later calls throw {@link IllegalStateException}.
     * Idempotent; refused (with {@link IllegalStateException}) while another thread runs a step, and from
     * inside a step.
     */
    @Override
    public void close() {
        runtime.beginClose();
        try {
            runner.close();
            runtime.close();
        } finally {
            runtime.exit(true);
        }
    }
}
