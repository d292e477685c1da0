package org.jdbsp.circuit;

import org.jdbsp.circuit.internal.Graph;
import org.jdbsp.circuit.internal.Node;
import org.jdbsp.circuit.internal.WorkerGroup;

/** Checks that the build function built the same circuit for every worker. */
final class ReplicaCheck {
    private ReplicaCheck() {}

    static void checkSame(Graph first, Graph other, WorkerGroup group, int worker) {
        String problem = null;
        if (first.size() != other.size()) {
            problem = "worker 0's has " + first.size() + " operators, worker " + worker + "'s " + other.size();
        } else if (group.worker(0).registered() != group.worker(worker).registered()) {
            problem = "worker 0's registered " + group.worker(0).registered() + " shared objects, worker " + worker + "'s "
                    + group.worker(worker).registered();
        } else {
            for (int id = 0; id < first.size() && problem == null; id++) {
                Node a = first.node(id);
                Node b = other.node(id);
                if (a.operator().getClass() != b.operator().getClass() || !a.name().equals(b.name())
                        || a.layout().keyKind() != b.layout().keyKind() || a.layout().valueKind() != b.layout().valueKind()
                        || a.placement() != b.placement() || !java.util.Arrays.equals(first.inputs(id), other.inputs(id))) {
                    problem = "operator " + id + " is " + a.name() + " on worker 0 but " + b.name() + " on worker " + worker;
                }
            }
        }
        if (problem != null) {
            throw new IllegalStateException("the build function must build the same circuit on every call (it is called once per worker): "
                    + problem);
        }
    }
}
