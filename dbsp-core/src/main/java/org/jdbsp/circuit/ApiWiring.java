package org.jdbsp.circuit;

import java.util.Objects;
import org.jdbsp.circuit.internal.Node;
import org.jdbsp.circuit.internal.StreamWiring;
import org.jdbsp.circuit.spi.IntegralTrace;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.zset.Layout;

/** This package's side of {@link StreamWiring}: adds SPI operators to the graph of their inputs' builder. */
final class ApiWiring implements StreamWiring {
    static final ApiWiring INSTANCE = new ApiWiring();

    private ApiWiring() {}

    @Override
    public <T> ZSetStream<T> addStream(String kind, Operator operator, Layout layout, Placement placement, AbstractStream... inputs) {
        CircuitBuilder b = builderOf(kind, inputs);
        return new ZSetStream<>(b, add(b, kind, operator, layout, placement, inputs));
    }

    @Override
    public <K, V> IndexedZSetStream<K, V> addIndexedStream(String kind, Operator operator, Layout layout, Placement placement,
            AbstractStream... inputs) {
        CircuitBuilder b = builderOf(kind, inputs);
        return new IndexedZSetStream<>(b, add(b, kind, operator, layout, placement, inputs));
    }

    @Override
    public IntegralTrace integralTrace(AbstractStream stream) {
        CircuitBuilder b = stream.builder;
        Node n = b.derived.computeIfAbsent("trace:" + stream.node.id(),
                k -> b.graph.add("trace", new IntegralTrace(stream.layout(), b.storage == null ? null
                        : b.storage.forStream("stream '" + stream.node.name() + "' (node " + stream.node.id() + ")", stream.layout())),
                        stream.layout(), stream.node.id()).place(stream.placement()));
        return (IntegralTrace) n.operator();
    }

    private static CircuitBuilder builderOf(String kind, AbstractStream... inputs) {
        Objects.requireNonNull(kind, "kind");
        if (inputs.length == 0) {
            throw new IllegalArgumentException(kind + " needs at least one input stream (sources are inputs or tables)");
        }
        return inputs[0].builder;
    }

    private static Node add(CircuitBuilder b, String kind, Operator operator, Layout layout, Placement placement,
            AbstractStream... inputs) {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(placement, "placement");
        int[] ids = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            b.checkOwn(inputs[i]);
            ids[i] = inputs[i].node.id();
        }
        return b.graph.add(kind, operator, layout, ids).place(placement);
    }
}
