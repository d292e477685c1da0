package org.jdbsp.circuit.spi;

/**
 * An operator of a circuit: it turns the batches on its inputs into one batch per step.
 *
 * <p>Every operator has an explicit arity, given by the sub-interface it implements
 * ({@link SourceOperator}, {@link UnaryOperator}, {@link BinaryOperator}, {@link NaryOperator},
 * {@link StrictOperator}); the circuit names each one (for errors, metrics and profiles).
 */
public interface Operator {
    /**
     * A copy of this operator holding the same state, used to run it again on another replica (inside a
     * recursive circuit, each iteration level owns a copy). Stateless operators may return {@code this}.
     */
    default Operator fork() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " cannot be copied, so it cannot run inside a recursive circuit");
    }

    /**
     * A copy of this operator for a copy of the whole circuit; operators that refer to other operators
     * override this to look up those operators' copies in {@code context}. By default, {@link #fork()}.
     */
    default Operator fork(ForkContext context) {
        return fork();
    }

    /** Tuples of state this operator keeps (0 for stateless operators). */
    default long stateTuples() {
        return 0;
    }

    /** Approximate bytes of state this operator keeps (0 for stateless operators). */
    default long stateBytes() {
        return 0;
    }
}
