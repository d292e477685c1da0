package org.jdbsp.circuit;

import java.util.ArrayList;
import java.util.List;
import org.jdbsp.circuit.internal.Executor;
import org.jdbsp.circuit.internal.Graph;
import org.jdbsp.circuit.internal.Node;
import org.jdbsp.circuit.internal.OperatorCounters;
import org.jdbsp.circuit.internal.RecursiveOperator;
import org.jdbsp.circuit.internal.StepRunner;
import org.jdbsp.circuit.spi.Operator;

/**
 * Reads the counters and the state of every worker's operators into a {@link CircuitMetrics}, between steps.
 * Costs one pass over the operators of each worker (and over the levels of recursive bodies), plus what each
 * operator's {@code stateBytes()} costs (a pass over a trace's batches, not its tuples).
 */
final class MetricsCollector {
    private MetricsCollector() {}

    /** Every step so far, ending with step {@code steps}. */
    static CircuitMetrics collect(StepRunner runner, long steps) {
        List<List<OperatorMetrics>> perWorker = new ArrayList<>(runner.workers());
        for (int w = 0; w < runner.workers(); w++) {
            Executor e = runner.executor(w);
            List<OperatorMetrics> ops = new ArrayList<>();
            collect(e.graph(), e.counters(), List.of(e), "", "", ops);
            perWorker.add(ops);
        }
        return new CircuitMetrics(1, steps, perWorker);
    }

    /**
     * Adds the operators of {@code graph} to {@code out} in schedule order: their counts from {@code counters},
     * their state summed over {@code replicas} (the executors running {@code graph}: one, or the levels of a
     * recursive body).
     */
    private static void collect(Graph graph, OperatorCounters counters, List<Executor> replicas, String idPrefix,
            String namePrefix, List<OperatorMetrics> out) {
        for (int id : graph.schedule()) {
            Node node = graph.node(id);
            long tuples = 0;
            long bytes = 0;
            for (Executor e : replicas) {
                Operator op = e.operator(id);
                tuples += op.stateTuples();
                bytes += op.stateBytes();
            }
            String opId = idPrefix + "#" + id;
            String name = namePrefix + node.name();
            int at = out.size();
            out.add(null);
            long nanos = counters.nanos(id);
            if (node.operator() instanceof RecursiveOperator) {
                List<Executor> levels = new ArrayList<>();
                for (Executor e : replicas) {
                    levels.addAll(((RecursiveOperator) e.operator(id)).levels());
                }
                RecursiveOperator r = (RecursiveOperator) node.operator();
                int from = out.size();
                collect(r.body(), r.bodyCounters(), levels, opId + "/", name + "/", out);
                // the body's lines (each its own share) carry the body's time and state: keep only what is left
                for (int i = from; i < out.size(); i++) {
                    nanos -= out.get(i).nanos();
                    tuples -= out.get(i).stateTuples();
                    bytes -= out.get(i).stateBytes();
                }
            }
            out.set(at, new OperatorMetrics(opId, node.kind(), name, counters.tuplesIn(id), counters.tuplesOut(id),
                    Math.max(0, nanos), Math.max(0, tuples), Math.max(0, bytes)));
        }
    }
}
