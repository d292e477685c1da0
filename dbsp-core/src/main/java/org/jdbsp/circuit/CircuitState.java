package org.jdbsp.circuit;

/** The life cycle of a circuit. */
public enum CircuitState {
    /** Accepting input and steps. */
    RUNNING,
    /** An operator failed; every later call throws {@link IllegalStateException} carrying the original cause. */
    FAILED,
    /** Closed by the user; later calls throw {@link IllegalStateException}. */
    CLOSED
}
