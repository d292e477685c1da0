package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.spi.StatePartitioning;

/**
 * A state reader of a restore on another number of workers, told before each operator's {@code restore} how
 * that operator's state is cut ({@link OperatorStates#restore}); never {@link StatePartitioning#FOLLOWS_INPUT},
 * which is resolved by the input's placement first.
 */
public interface PartitionedRestore {
    /**
     * Reads the next operator's state, which was cut among the saved workers as {@code saved} says (so that
     * its parts are disjoint, or copies of each other when {@link StatePartitioning#REPLICATED}), for a worker
     * whose operator's state is cut as {@code partitioning} says.
     * The two differ only when one of the circuits has a single worker, which has no exchanges: the state of
     * a keyed operator reading a replicated table is then the whole table on one side and cut by key on the other.
     */
    void use(StatePartitioning partitioning, StatePartitioning saved);

    /** The partitioning of the state read now (to put it back after a nested operator's). */
    StatePartitioning partitioning();

    /** How the state read now was cut among the saved workers. */
    StatePartitioning saved();
}
