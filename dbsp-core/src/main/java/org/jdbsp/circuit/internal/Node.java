package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.Placement;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.zset.Layout;

/**
 * One operator of a circuit graph: its kind, its name, its inputs (node ids), the layout of its output, and where
 * its tuples live.
 */
public final class Node {
    final int id;
    final String kind;
    String name;
    private String userName;
    final Operator operator;
    final Layout layout;
    final int[] inputs;
    private Placement placement = Placement.ANY;
    /** Whether the operator reads its input tuple by tuple and so may be given unconsolidated batches. */
    boolean takesUnconsolidated;

    Node(int id, String kind, Operator operator, Layout layout, int[] inputs) {
        this.id = id;
        this.kind = kind;
        this.name = kind + "#" + id;
        this.operator = operator;
        this.layout = layout;
        this.inputs = inputs;
    }

    /** The node's id in its graph. */
    public int id() {
        return id;
    }

    /** The kind of operator given when it was added ("map", "join", ...): the name before any rename. */
    public String kind() {
        return kind;
    }

    /** The operator's name, as it appears in errors. */
    public String name() {
        return name;
    }

    /** The name the user gave (an input's, a table's, or a stream's {@code named(...)}), or null. */
    public String userName() {
        return userName;
    }

    /** Gives the node a name chosen by the user, which is also its name in errors. */
    public void rename(String newName) {
        rename(java.util.Objects.requireNonNull(newName, "name"), newName);
    }

    /** Gives the node the user's name {@code user} (null for none), shown in errors as {@code display}. */
    public void rename(String user, String display) {
        this.userName = user;
        this.name = java.util.Objects.requireNonNull(display, "display name");
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
