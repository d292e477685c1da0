package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.Placement;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.zset.Layout;

/** One operator of a circuit graph: its name, its inputs (node ids), the layout of its output, and where its tuples live. */
public final class Node {
    final int id;
    String name;
    final Operator operator;
    final Layout layout;
    final int[] inputs;
    private Placement placement = Placement.ANY;

    Node(int id, String name, Operator operator, Layout layout, int[] inputs) {
        this.id = id;
        this.name = name;
        this.operator = operator;
        this.layout = layout;
        this.inputs = inputs;
    }

    /** The node's id in its graph. */
    public int id() {
        return id;
    }

    /** The operator's name, as it appears in errors. */
    public String name() {
        return name;
    }

    /** Gives the node a name chosen by the user. */
    public void rename(String newName) {
        this.name = java.util.Objects.requireNonNull(newName, "name");
    }

    /** The layout of the batches this node produces. */
    public Layout layout() {
        return layout;
    }

    /** Where this node's tuples live when the circuit runs on several workers. */
    public Placement placement() {
        return placement;
    }

    /** Declares where this node's tuples live (by the builder, as it adds the node). */
    public Node place(Placement where) {
        this.placement = java.util.Objects.requireNonNull(where, "placement");
        return this;
    }

    /** The operator. */
    public Operator operator() {
        return operator;
    }
}
