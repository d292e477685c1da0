package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.spi.Operator;

/**
 * Decides, when a circuit's graph is sealed, which operators hand their output on unconsolidated: a split
 * input's part, a map or an exchange whose every reader reads tuple by tuple (a map, a filter that itself hands on
 * unconsolidated, an output or an exchange, which consolidate once; not a gather onto worker 0 from several
 * workers, whose input each worker sorts in parallel before sending). A chain such as input part, filter, map, output then
 * sorts its records once, at the output, instead of at every step of the chain; linear operators give the same
 * sum whatever the order and repetition of the tuples they read.
 *
 * <p>Only the top-level graph is planned: a recursive body's result is read by its recursive operator, which
 * is not among the body's nodes. Every other operator is given consolidated batches: the executor consolidates
 * an unconsolidated input of a node not marked {@link Node#takesUnconsolidated} (a safety net; the plan never
 * produces one).
 */
final class UnconsolidatedHandOff {
    private UnconsolidatedHandOff() {}

    /** Marks the nodes of {@code graph} that take and those that give unconsolidated batches. */
    static void plan(Graph graph) {
        if (graph.parent() != null) {
            return;
        }
        int n = graph.size();
        int[] readers = new int[n];
        for (int id = 0; id < n; id++) {
            for (int in : graph.node(id).inputs) {
                readers[in]++;
            }
        }
        int[][] readersOf = new int[n][];
        for (int id = 0; id < n; id++) {
            readersOf[id] = new int[readers[id]];
        }
        int[] filled = new int[n];
        for (int id = 0; id < n; id++) {
            for (int in : graph.node(id).inputs) {
                readersOf[in][filled[in]++] = id;
            }
        }
        // a filter takes unconsolidated input only if it may give it on: iterate to the fixed point (readers come
        // after what they read, so one pass from the last node settles it; the loop guards any other order)
        boolean[] gives = new boolean[n];
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int id = n - 1; id >= 0; id--) {
                boolean g = readersOf[id].length > 0 && canGive(graph.node(id).operator);
                for (int r : readersOf[id]) {
                    g &= takes(graph.node(r).operator, gives[r]);
                }
                if (g != gives[id]) {
                    gives[id] = g;
                    changed = true;
                }
            }
        }
        for (int id = 0; id < n; id++) {
            Node node = graph.node(id);
            node.takesUnconsolidated = takes(node.operator, gives[id]);
            if (gives[id]) {
                if (node.operator instanceof MapOperator) {
                    ((MapOperator) node.operator).emitUnconsolidated();
                } else if (node.operator instanceof SplitInputState.Part) {
                    ((SplitInputState.Part) node.operator).emitUnconsolidated();
                } else if (node.operator instanceof ShardOperator) {
                    ((ShardOperator) node.operator).emitUnconsolidated();
                }
            }
        }
    }

    /** Whether {@code op} can hand its output on unconsolidated (a filter passes on what it is given). */
    private static boolean canGive(Operator op) {
        return (op instanceof MapOperator && !((MapOperator) op).exchanges())
                || op instanceof SplitInputState.Part || op instanceof FilterOperator || op instanceof ShardOperator;
    }

    /** Whether {@code op} reads its input tuple by tuple, so that it may be given unconsolidated batches. */
    private static boolean takes(Operator op, boolean givesOn) {
        return op instanceof MapOperator || op instanceof SinkOperators.Output || (op instanceof FilterOperator && givesOn)
                || (op instanceof ShardOperator && !((ShardOperator) op).gathersFromSeveralWorkers()) || op.readsTupleByTuple();
    }
}
