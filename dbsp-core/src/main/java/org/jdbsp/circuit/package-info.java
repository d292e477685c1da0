/**
 * Circuits: graphs of operators over streams of Z-sets, driven one clock step at a time.
 *
 * <p>A circuit is built by one function ({@link org.jdbsp.circuit.Circuit#build}) that creates inputs,
 * derives {@link org.jdbsp.circuit.ZSetStream}s with operators, and returns output handles. Each
 * {@link org.jdbsp.circuit.CircuitHandle#step()} is one tick of the clock: every input's pending changes
 * become that step's input Z-set, every operator runs once in dependency order, and every output holds
 * that step's change. Feeding changes and summing output changes gives the same result as running the
 * query from scratch on the summed inputs (the DBSP correctness theorem), whatever the batch sizes.
 *
 * <p>Recursive queries run in a nested circuit ({@link org.jdbsp.circuit.CircuitBuilder#recursive}) that
 * iterates to a fixed point inside each step and stays incremental across steps.
 *
 * <p><b>Workers.</b> With {@link org.jdbsp.circuit.CircuitConfig#workers()} W &gt; 1 the build function is
 * called W times, once per worker, and the circuit runs as W replicas: worker 0 on the thread calling
 * {@code step()}, the others on threads {@code jdbsp-worker-<name>-<index>}. Each step, every input's
 * pushes are cut into W equal slices, one per worker; every stateful operator reads its input through an
 * exchange ({@link org.jdbsp.circuit.IndexedZSetStream#shard()}) that sends each tuple to the worker owning its
 * key, by a well-mixed stable hash, so a key's state lives on one worker; outputs and inspectors gather the
 * workers' changes on worker 0. Streams carry their {@link org.jdbsp.circuit.Placement}, so an operator
 * whose input is already sharded by its key skips the exchange. Workers meet at each exchange and once per
 * step, waiting with agrona idle strategies (spin, yield, park). Results are exactly those of one worker,
 * for any W. A failure on any worker aborts the step on all of them and names the operator, the worker
 * and the step; {@code close()} ends the threads. With W = 1 there are no threads, no exchanges and no
 * gathering: the circuit is the single-threaded one.
 */
package org.jdbsp.circuit;
