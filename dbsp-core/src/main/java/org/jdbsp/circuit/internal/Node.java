package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.zset.Layout;

/** One operator of a circuit graph: its name, its inputs (node ids), and the layout of its output. */
public final class Node {
    final int id;
    String name;
    final Operator operator;
    final Layout layout;
    final int[] inputs;

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

    /** The operator. */
    public Operator operator() {
        return operator;
    }
}
