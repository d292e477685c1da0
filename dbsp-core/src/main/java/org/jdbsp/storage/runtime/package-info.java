/**
 * The storage runtime of a circuit (not exported): the run directory a circuit with storage keeps its files in
 * (made when the circuit is built, deleted when it is closed, cleaned up after a crash), and the per-worker and
 * per-stream {@link org.jdbsp.trace.TraceStorage} through which the shared traces spill batches to files, and the
 * circuit's {@link org.jdbsp.storage.runtime.MergeThreads}, which merge trace batches into files while the steps go
 * on (stopped before the run directory is deleted).
 *
 * <p><b>Run directories.</b> A run directory is {@code <storage>/run-<pid>-<random id>-<circuit name>} and holds a
 * lock file {@code run.lock} with the pid and the start time of the process that made it. Building a circuit with
 * storage first deletes the run directories of processes that are gone (a lock naming a dead process, or a
 * process of the same pid started at another time; or no lock and the pid in the name is dead). Nothing but
 * directories named {@code run-*} is ever deleted: a checkpoint layer keeps its files outside them (and may
 * list stale runs with {@link org.jdbsp.storage.runtime.RunDirectory#staleRuns} before they are removed).
 */
package org.jdbsp.storage.runtime;
