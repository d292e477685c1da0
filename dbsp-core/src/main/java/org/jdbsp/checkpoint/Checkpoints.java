package org.jdbsp.checkpoint;

import java.util.List;

/**
 * The checkpoints in a circuit's storage directory ({@link org.jdbsp.circuit.CircuitHandle#checkpoints()}).
 * After each checkpoint only the last {@link #keptLast()} (2 unless changed) are kept; files that no kept
 * checkpoint references are deleted.
 */
public interface Checkpoints {
    /** The complete checkpoints, oldest first. */
    List<CheckpointInfo> list();

    /** Deletes checkpoint {@code id} and the files no other checkpoint references; false if there is none such. */
    boolean delete(String id);

    /** Keeps the last {@code n} (at least 1) checkpoints from now on, deleting older ones at once. */
    void keepLast(int n);

    /** How many checkpoints are kept. */
    int keptLast();
}
