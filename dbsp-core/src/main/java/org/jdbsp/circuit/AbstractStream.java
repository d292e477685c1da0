package org.jdbsp.circuit;

import org.jdbsp.circuit.internal.IntegralTrace;
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

    /**
     * Where this stream's tuples live when the circuit runs on several workers (see {@link Placement});
     * {@link Placement#SHARDED} after {@code shard()}.
     */
    public Placement placement() {
        return node.placement();
    }

    /** The circuit builder this stream belongs to (for operator libraries). */
    public CircuitBuilder builder() {
        return builder;
    }

    /** The node producing this stream (for operator libraries). */
    public Node node() {
        return node;
    }

    /**
     * The shared trace of this stream's integral, created on first use; every stateful operator reading
     * this stream should keep a reference to this one object rather than integrate the stream again. During
     * a step it holds the integral up to the previous step. An operator holding it must override
     * {@link org.jdbsp.circuit.spi.Operator#fork(org.jdbsp.circuit.spi.ForkContext)} to use the copy's trace.
     */
    public IntegralTrace integralTrace() {
        Node n = builder.derived.computeIfAbsent("trace:" + node.id(),
                k -> builder.graph.add("trace", new IntegralTrace(layout()), layout(), node.id()));
        return (IntegralTrace) n.operator();
    }

    /** Where the image of this stream under a per-tuple function lives: replicated stays replicated, else anywhere. */
    Placement mappedPlacement() {
        return placement() == Placement.REPLICATED ? Placement.REPLICATED : Placement.ANY;
    }

    void checkTimeOperatorAllowed(String what) {
        if (builder.insideRecursion()) {
            throw new IllegalStateException(what + " cannot be used inside a recursive body: the body must be a function of its inputs");
        }
    }
}
