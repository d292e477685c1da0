package org.jdbsp.circuit;

/**
 * Thrown by {@link CircuitHandle#step()} when an operator fails: a user function threw, or a weight
 * overflowed. It names the operator and the step; the original exception is the cause. The circuit is
 * then {@link CircuitState#FAILED}.
 */
public class CircuitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String operator;
    private final long step;

    /** Creates the exception for {@code operator} failing in {@code step} (-1 when not known yet). */
    public CircuitException(String operator, long step, Throwable cause) {
        super("operator '" + operator + "' failed" + (step >= 0 ? " in step " + step : "") + ": " + cause, cause);
        this.operator = operator;
        this.step = step;
    }

    /** The name of the operator that failed. */
    public String operator() {
        return operator;
    }

    /** The step in which it failed (counting from 1), or -1 when not known. */
    public long step() {
        return step;
    }
}
