package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.CircuitState;

/** The state shared by a circuit's handle, inputs and outputs: running, failed (with its cause) or closed. */
public final class CircuitRuntime {
    private CircuitState state = CircuitState.RUNNING;
    private RuntimeException failure;
    private long steps;

    /** The current state. */
    public CircuitState state() {
        return state;
    }

    /** Steps completed or started. */
    public long steps() {
        return steps;
    }

    /** Counts a new step and returns its number (from 1). */
    public long beginStep() {
        return ++steps;
    }

    /** Throws {@link IllegalStateException} unless running; after a failure its cause is the original one. */
    public void ensureRunning() {
        if (state == CircuitState.FAILED) {
            throw new IllegalStateException("the circuit failed in step " + steps + " and can no longer be used: "
                    + failure.getMessage(), failure);
        }
        if (state == CircuitState.CLOSED) {
            throw new IllegalStateException("the circuit is closed");
        }
    }

    /** Moves to FAILED, remembering why. */
    public void fail(RuntimeException cause) {
        state = CircuitState.FAILED;
        failure = cause;
    }

    /** Moves to CLOSED (unless already failed). */
    public void close() {
        if (state == CircuitState.RUNNING) {
            state = CircuitState.CLOSED;
        }
    }
}
