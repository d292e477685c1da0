package org.jdbsp.circuit;

import org.jdbsp.circuit.internal.StreamWiring;
import org.jdbsp.circuit.internal.Node;
import org.jdbsp.circuit.internal.SinkOperators;
import org.jdbsp.zset.Layout;

/** What every stream has: the circuit it belongs to and the operator that produces it. */
public abstract class AbstractStream {
    static {
        StreamWiring.register(ApiWiring.INSTANCE);
    }

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

    /** The circuit builder this stream belongs to (to add tables, inputs or recursive sub-circuits beside it). */
    public CircuitBuilder builder() {
        return builder;
    }

    /** Where the image of this stream under a per-tuple function lives: replicated stays replicated, else anywhere. */
    Placement mappedPlacement() {
        return placement() == Placement.REPLICATED ? Placement.REPLICATED : Placement.ANY;
    }

    /** Adds an output of this stream, gathered on worker 0, named {@code name} (null for an unnamed one). */
    SinkOperators.Output addOutput(String name, boolean keepIntegral) {
        if (builder.insideRecursion()) {
            throw new IllegalStateException("outputs cannot be created inside a recursive body");
        }
        if (name != null) {
            builder.claimName(name, "output");
        }
        SinkOperators.Output op = new SinkOperators.Output(layout(), keepIntegral);
        Node node = builder.graph.add("output", op, layout(), Exchanges.gather(this).id());
        if (name != null) {
            node.rename(name, "output '" + name + "'");
        }
        return op;
    }

    void checkTimeOperatorAllowed(String what) {
        if (builder.insideRecursion()) {
            throw new IllegalStateException(what + " cannot be used inside a recursive body: the body must be a function of its inputs");
        }
    }
}
