package org.jdbsp.circuit;

import org.jdbsp.circuit.internal.Node;
import org.jdbsp.zset.Layout;

/** What every stream has: the circuit it belongs to and the operator that produces it. */
public abstract class AbstractStream {
    final CircuitBuilder builder;
    final Node node;

    AbstractStream(CircuitBuilder builder, Node node) {
        this.builder = builder;
        this.node = node;
    }

    /** The name of the operator producing this stream. */
    public String name() {
        return node.name();
    }

    /** How this stream's batches are stored. */
    public Layout layout() {
        return node.layout();
    }

    /** The circuit builder this stream belongs to (for operator libraries). */
    public CircuitBuilder builder() {
        return builder;
    }

    /** The node producing this stream (for operator libraries). */
    public Node node() {
        return node;
    }

    void checkTimeOperatorAllowed(String what) {
        if (builder.insideRecursion()) {
            throw new IllegalStateException(what + " cannot be used inside a recursive body: the body must be a function of its inputs");
        }
    }
}
