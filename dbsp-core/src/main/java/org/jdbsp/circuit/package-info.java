/**
 * Circuits: graphs of operators over streams of Z-sets, driven one clock step at a time.
 *
 * <p>A circuit is built by one function ({@link org.jdbsp.circuit.Circuit#build}) that creates inputs,
 * derives {@link org.jdbsp.circuit.Stream}s with operators, and returns output handles. Each
 * {@link org.jdbsp.circuit.CircuitHandle#step()} is one tick of the clock: every input's pending changes
 * become that step's input Z-set, every operator runs once in dependency order, and every output holds
 * that step's change. Feeding changes and summing output changes gives the same result as running the
 * query from scratch on the summed inputs (the DBSP correctness theorem), whatever the batch sizes.
 *
 * <p>Recursive queries run in a nested circuit ({@link org.jdbsp.circuit.CircuitBuilder#recursive}) that
 * iterates to a fixed point inside each step and stays incremental across steps.
 */
package org.jdbsp.circuit;
