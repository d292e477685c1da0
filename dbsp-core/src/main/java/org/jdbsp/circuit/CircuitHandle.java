package org.jdbsp.circuit;

import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.Graph;
import org.jdbsp.circuit.internal.StepRunner;

/**
 * A built circuit: the handles its build function returned, and the clock.
 *
 * <p>Each {@link #step()} takes the changes pushed into every input since the previous step, runs every
 * operator once in dependency order, and makes each output's change for that step readable. If an
 * operator fails, the step throws {@link CircuitException} naming it, and the circuit is
 * {@link CircuitState#FAILED}: every later call throws {@link IllegalStateException} whose cause is the
 * original failure. Not thread-safe: drive a circuit from one thread.
 *
 * <p>With {@link CircuitConfig#workers()} W &gt; 1, the calling thread runs worker 0 and W - 1 worker
 * threads run the others; {@code step()} returns once every worker has finished the step, so inputs,
 * outputs and operator handles are read and written between steps exactly as with one worker. A failure
 * names the worker too, and ends the worker threads; {@link #close()} ends them in any case.
 *
 * @param <T> the type of the value the build function returned
 */
public final class CircuitHandle<T> implements AutoCloseable {
    private final T io;
    private final StepRunner runner;
    private final CircuitRuntime runtime;
    private final Graph graph;

    CircuitHandle(T io, StepRunner runner, CircuitRuntime runtime, Graph graph) {
        this.io = io;
        this.runner = runner;
        this.runtime = runtime;
        this.graph = graph;
    }

    /** What the build function returned: the input and output handles. */
    public T io() {
        return io;
    }

    /** Runs one step; returns the work done (tuples produced by all operators). */
    public long step() {
        runtime.ensureRunning();
        long step = runtime.beginStep();
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

    /** The number of steps run so far. */
    public long steps() {
        return runtime.steps();
    }

    /** Whether the circuit is running, failed or closed. */
    public CircuitState state() {
        return runtime.state();
    }

    /** Tuples of state held by all operators. */
    public long stateTuples() {
        return runner.stateTuples();
    }

    /** Number of operators in the circuit (of one worker's replica). */
    public int operatorCount() {
        return graph.size();
    }

    /** Closes the circuit and ends its worker threads; later calls throw {@link IllegalStateException}. */
    @Override
    public void close() {
        runner.close();
        runtime.close();
    }
}
