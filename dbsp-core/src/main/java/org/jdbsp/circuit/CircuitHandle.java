package org.jdbsp.circuit;

import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.Executor;
import org.jdbsp.circuit.internal.Graph;

/**
 * A built circuit: the handles its build function returned, and the clock.
 *
 * <p>Each {@link #step()} takes the changes pushed into every input since the previous step, runs every
 * operator once in dependency order, and makes each output's change for that step readable. If an
 * operator fails, the step throws {@link CircuitException} naming it, and the circuit is
 * {@link CircuitState#FAILED}: every later call throws {@link IllegalStateException} whose cause is the
 * original failure. Not thread-safe: drive a circuit from one thread.
 *
 * @param <T> the type of the value the build function returned
 */
public final class CircuitHandle<T> implements AutoCloseable {
    private final T io;
    private final Executor executor;
    private final CircuitRuntime runtime;
    private final Graph graph;

    CircuitHandle(T io, Executor executor, CircuitRuntime runtime, Graph graph) {
        this.io = io;
        this.executor = executor;
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
            return executor.run();
        } catch (CircuitException e) {
            CircuitException failure = new CircuitException(e.operator(), step, e.getCause());
            runtime.fail(failure);
            throw failure;
        } catch (RuntimeException | Error e) {
            runtime.fail(new CircuitException("circuit", step, e));
            throw e;
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
        return executor.stateTuples();
    }

    /** Number of operators in the circuit. */
    public int operatorCount() {
        return graph.size();
    }

    /** Closes the circuit; later calls throw {@link IllegalStateException}. */
    @Override
    public void close() {
        runtime.close();
    }
}
