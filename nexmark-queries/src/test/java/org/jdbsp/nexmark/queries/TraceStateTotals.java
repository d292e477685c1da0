package org.jdbsp.nexmark.queries;

import org.jdbsp.circuit.OperatorMetrics;

/**
 * Where a running query keeps its state, from its operators' metrics: the tuples and bytes of its traces, and the
 * largest state any other operator holds (and the largest trace's tuples) (tests that a query's growing state is in traces, which storage can spill).
 */
record TraceStateTotals(long traceTuples, long traceBytes, long largestOutsideTraces, long largestTrace) {
    /** The totals of {@code q} between two steps. */
    static TraceStateTotals of(QueryCircuit<?> q) {
        long tuples = 0;
        long bytes = 0;
        long outside = 0;
        long largestTrace = 0;
        for (OperatorMetrics m : q.metrics().operators()) {
            if (m.kind().equals("trace")) {
                tuples += m.stateTuples();
                bytes += m.stateBytes();
                largestTrace = Math.max(largestTrace, m.stateTuples());
            } else {
                outside = Math.max(outside, m.stateTuples());
            }
        }
        return new TraceStateTotals(tuples, bytes, outside, largestTrace);
    }
}
