package org.jdbsp.circuit.spi;

/**
 * An operator of a circuit: it turns the batches on its inputs into one batch per step.
 *
 * <p>Every operator has an explicit arity, given by the sub-interface it implements
 * ({@link SourceOperator}, {@link UnaryOperator}, {@link BinaryOperator}, {@link NaryOperator},
 * {@link StrictOperator}); the circuit names each one (for errors, metrics and profiles).
 *
 * <p><b>Checkpoints.</b> A checkpoint ({@link org.jdbsp.circuit.CircuitHandle#checkpoint()}) saves, between two
 * steps, what every operator keeps from one step to the next, and a restore puts it back into the operators of
 * a freshly built circuit. Whether an operator keeps anything is declared, never guessed: {@link #hasState()}
 * is true unless overridden, and an operator that has state implements {@link #snapshot} and {@link #restore};
 * one that keeps nothing overrides {@code hasState()} to return false. A checkpoint of a circuit holding an
 * operator that says it has state but does not implement {@code snapshot} fails, naming the operator, before
 * anything is written. State shared through an {@link IntegralTrace} is saved by that trace, not by its
 * readers. A checkpoint restores on another number of workers when every operator with state says how its
 * state is cut among the workers ({@link #statePartitioning()}).
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

    /**
     * True when this operator's result depends only on the sum of its inputs' tuples, not on their order or
     * repetition, so that the circuit may hand it unconsolidated batches (tuples as appended, a record possibly
     * several times; see {@link org.jdbsp.zset.spi.Batch#consolidated}). False by default: it is given
     * consolidated batches.
     */
    default boolean readsTupleByTuple() {
        return false;
    }

    /** Tuples of state this operator keeps (0 for stateless operators). */
    default long stateTuples() {
        return 0;
    }

    /** Approximate bytes of state this operator keeps (0 for stateless operators). */
    default long stateBytes() {
        return 0;
    }

    /**
     * Whether this operator keeps anything from one step to the next that a checkpoint must save: true unless
     * overridden (so that an operator written before checkpoints existed is never silently skipped). An
     * operator whose output depends only on its inputs of the step, or whose state lives in an
     * {@link IntegralTrace} it reads, returns false.
     */
    default boolean hasState() {
        return true;
    }

    /**
     * Writes this operator's state (between two steps) so that {@link #restore} on a fresh copy of the same
     * operator makes it behave exactly as this one from the next step on. Must be implemented when
     * {@link #hasState()} is true; by default it fails, which makes the checkpoint fail naming the operator.
     */
    default void snapshot(StateWriter out) {
        throw new UnsupportedOperationException(getClass().getName() + " has state (hasState() is true) but does not"
                + " implement snapshot/restore, so it cannot be checkpointed; implement them, or override hasState() to"
                + " return false if it keeps nothing between steps");
    }

    /**
     * Reads back, into this freshly built operator, the state {@link #snapshot} wrote, value by value in the
     * same order. By default it fails.
     */
    default void restore(StateReader in) {
        throw new UnsupportedOperationException(getClass().getName() + " does not implement restore");
    }

    /**
     * The name a checkpoint's fingerprint records for this operator (a restore refuses a checkpoint whose operator
     * at the same position has another name): by default the name of its class. An operator whose class was
     * renamed or merged into another returns the name its earlier checkpoints recorded, so that they still
     * restore; the name must be stable and hold no whitespace.
     */
    default String fingerprintName() {
        return getClass().getName();
    }

    /**
     * How this operator's state is cut among the workers, so that a checkpoint can be restored on another
     * number of workers (see {@link StatePartitioning}: {@code restore} is then called once per saved part and
     * must add what it reads). By default {@link StatePartitioning#FIXED}: such a restore fails naming the
     * operator. Ignored for operators without state.
     */
    default StatePartitioning statePartitioning() {
        return StatePartitioning.FIXED;
    }
}
