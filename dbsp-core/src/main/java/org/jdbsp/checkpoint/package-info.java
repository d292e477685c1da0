/**
 * Checkpoints (API): a circuit's whole state saved between two steps into its storage directory, and a
 * circuit restored from it.
 *
 * <p>{@link org.jdbsp.circuit.CircuitHandle#checkpoint()} writes one and returns its {@link CheckpointInfo};
 * {@link org.jdbsp.circuit.Circuit#restore} builds a circuit with the same build function and loads the latest
 * complete checkpoint (or the one a {@link Restore} names); {@link Checkpoints} lists and deletes them and keeps
 * the last N. Files live under {@code <storage>/checkpoints/}: one directory per worker,
 * {@code worker-<i>/}, holding that worker's batch files ({@code batch-<uuid>.jbf}, shared by every
 * checkpoint that references them) and one state file per checkpoint ({@code state-<id>.bin}: the
 * operators' private state, checksummed), and one manifest per checkpoint, {@code checkpoint-<id>.manifest},
 * written last: a checkpoint exists exactly when its manifest does. Each worker's part (its directory and its
 * section of the manifest) is written and loaded on its own.
 */
package org.jdbsp.checkpoint;
