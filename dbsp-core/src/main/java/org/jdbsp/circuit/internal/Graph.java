package org.jdbsp.circuit.internal;

import java.util.ArrayList;
import java.util.List;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StrictOperator;
import org.jdbsp.zset.Layout;

/**
 * The operators of one circuit (or of the body of a recursive circuit) and their wiring, and the static
 * schedule in which they run: a topological order in which strict operators' inputs do not count, since
 * their output of a step never depends on their input of that step.
 */
public final class Graph {
    private final List<Node> nodes = new ArrayList<>();
    private final Graph parent;
    private boolean sealed;

    /** A top-level graph when {@code parent} is null, else the body of a recursive operator of {@code parent}. */
    public Graph(Graph parent) {
        this.parent = parent;
    }

    /** The enclosing graph, or null at top level. */
    public Graph parent() {
        return parent;
    }

    /** Adds an operator reading the given nodes; returns its node. */
    public Node add(String kind, Operator operator, Layout layout, int... inputs) {
        checkNotSealed();
        for (int in : inputs) {
            if (in < 0 || in >= nodes.size()) {
                throw new IllegalArgumentException("unknown input node " + in);
            }
        }
        Node n = new Node(nodes.size(), java.util.Objects.requireNonNull(kind, "kind"), operator, layout, inputs.clone());
        nodes.add(n);
        return n;
    }

    /** Adds a node whose batch is set from outside before each run. */
    public Node addExternal(String kind, Layout layout) {
        return add(kind, External.INSTANCE, layout);
    }

    /** The node with id {@code id}. */
    public Node node(int id) {
        return nodes.get(id);
    }

    /** The ids of the nodes node {@code id} reads, in wiring order. */
    public int[] inputs(int id) {
        return nodes.get(id).inputs.clone();
    }

    /** Number of nodes. */
    public int size() {
        return nodes.size();
    }

    /** Throws {@link IllegalStateException} once the graph is sealed (the circuit is built). */
    public void checkNotSealed() {
        if (sealed) {
            throw new IllegalStateException("the circuit is already built: operators can only be added inside the build function");
        }
    }

    /** Forbids further changes, and decides which operators hand batches on unconsolidated ({@link UnconsolidatedHandOff}). */
    public void seal() {
        sealed = true;
        UnconsolidatedHandOff.plan(this);
    }

    /** True once sealed. */
    public boolean sealed() {
        return sealed;
    }

    /** The order in which nodes run; fails if the graph has a cycle without a strict operator on it. */
    public int[] schedule() {
        int n = nodes.size();
        int[] indegree = new int[n];
        List<List<Integer>> readers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            readers.add(new ArrayList<>());
        }
        for (Node node : nodes) {
            if (node.operator instanceof StrictOperator) {
                continue;
            }
            for (int in : node.inputs) {
                indegree[node.id]++;
                readers.get(in).add(node.id);
            }
        }
        int[] order = new int[n];
        int head = 0;
        int tail = 0;
        for (int i = 0; i < n; i++) {
            if (indegree[i] == 0) {
                order[tail++] = i;
            }
        }
        while (head < tail) {
            int id = order[head++];
            for (int r : readers.get(id)) {
                if (--indegree[r] == 0) {
                    order[tail++] = r;
                }
            }
        }
        if (tail != n) {
            throw new IllegalStateException("the circuit has a cycle with no delay on it");
        }
        return order;
    }
}
