package org.jdbsp.circuit.internal;

/**
 * What the operators of one graph did, summed over every step run so far on one worker: tuples read, tuples
 * produced and nanoseconds spent, indexed by node id. The {@link Executor} running the graph adds to them once
 * per operator per step (no per-record work); the replicas of a recursive body, one per iteration level, share
 * one set. Written only by the thread running the graph's step, read between steps.
 */
public final class OperatorCounters {
    final long[] tuplesIn;
    final long[] tuplesOut;
    final long[] nanos;

    /** Zero counters for a graph of {@code operators} nodes. */
    public OperatorCounters(int operators) {
        this.tuplesIn = new long[operators];
        this.tuplesOut = new long[operators];
        this.nanos = new long[operators];
    }

    /** Tuples node {@code id} read from its inputs (the sum of their batches' sizes). */
    public long tuplesIn(int id) {
        return tuplesIn[id];
    }

    /** Tuples node {@code id} produced (the sum of its batches' sizes). */
    public long tuplesOut(int id) {
        return tuplesOut[id];
    }

    /** Nanoseconds node {@code id} spent running (for a strict operator, both of its phases). */
    public long nanos(int id) {
        return nanos[id];
    }
}
