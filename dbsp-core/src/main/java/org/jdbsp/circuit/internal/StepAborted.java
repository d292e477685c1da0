package org.jdbsp.circuit.internal;

/**
 * Thrown to a worker waiting for the others when another worker has failed: it unwinds the step. The
 * step then fails with the other worker's error, never with this.
 */
final class StepAborted extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StepAborted() {
        super("the step was aborted because another worker failed", null, false, false);
    }
}
