package org.jdbsp.circuit;

/**
 * Thrown by {@link CircuitHandle#step()} when an operator fails: a user function threw, or a weight
 * overflowed. It names the operator, the step and, when the circuit runs on several workers, the worker on
 * which it failed; the original exception is the cause. The circuit is then {@link CircuitState#FAILED}.
 */
public class CircuitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operator;
    private final long step;
    private final int worker;
    private final boolean severalWorkers;

    /** Creates the exception for {@code operator} failing in {@code step} (-1 when not known yet) of a one-worker circuit. */
    public CircuitException(String operator, long step, Throwable cause) {
        this(operator, step, 0, false, cause);
    }

    /**
     * Creates the exception for {@code operator} failing in {@code step} (-1 when not known yet) on worker
     * {@code worker} of a circuit run by several workers.
     */
    public CircuitException(String operator, long step, int worker, Throwable cause) {
        this(operator, step, worker, true, cause);
    }

    private CircuitException(String operator, long step, int worker, boolean severalWorkers, Throwable cause) {
        super("operator '" + operator + "' failed" + (step >= 0 ? " in step " + step : "")
                + (severalWorkers ? " on worker " + worker : "") + ": " + cause, cause);
        this.operator = operator;
        this.step = step;
        this.worker = worker;
        this.severalWorkers = severalWorkers;
    }

    /** The same failure, known to have happened in {@code inStep}. */
    CircuitException atStep(long inStep) {
        return new CircuitException(operator, inStep, worker, severalWorkers, getCause());
    }

    /** The name of the operator that failed. */
    public String operator() {
        return operator;
    }

    /** The step in which it failed (counting from 1), or -1 when not known. */
    public long step() {
        return step;
    }

    /** The index of the worker on which it failed (0 in a circuit run by one worker). */
    public int worker() {
        return worker;
    }
}
