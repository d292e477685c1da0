package org.jdbsp.circuit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jdbsp.circuit.internal.CircuitRuntime;
import org.jdbsp.circuit.internal.Graph;
import org.jdbsp.circuit.internal.Node;

/**
 * The builder of a recursive body (see {@link CircuitBuilder#recursive}). Streams of the enclosing circuit
 * enter through {@link #importStream}; inputs, delays, integrals and derivatives cannot be created here,
 * because the body must be a function of its imports and of the recursive variable.
 */
public final class RecursiveScope extends CircuitBuilder {
    private final CircuitBuilder parent;
    private final List<Integer> importNodes = new ArrayList<>();
    private final List<Integer> importedParents = new ArrayList<>();
    private final Map<Integer, AbstractStream> imported = new HashMap<>();

    RecursiveScope(Graph graph, CircuitRuntime runtime, CircuitConfig config, CircuitBuilder parent) {
        super(graph, runtime, config, parent.workers, parent.context, parent.storage);
        this.parent = parent;
    }

    /** Brings a stream of the enclosing circuit into the body; importing the same stream twice gives one import. */
    @SuppressWarnings("unchecked")
    public <T> ZSetStream<T> importStream(ZSetStream<T> outer) {
        return (ZSetStream<T>) imported.computeIfAbsent(outer.node.id(), id -> new ZSetStream<T>(this, importNode(outer)));
    }

    /** Brings an indexed stream of the enclosing circuit into the body. */
    @SuppressWarnings("unchecked")
    public <K, V> IndexedZSetStream<K, V> importStream(IndexedZSetStream<K, V> outer) {
        return (IndexedZSetStream<K, V>) imported.computeIfAbsent(outer.node.id(), id -> new IndexedZSetStream<K, V>(this, importNode(outer)));
    }

    private Node importNode(AbstractStream outer) {
        parent.checkOwn(outer);
        Node node = graph.addExternal("import", outer.layout());
        node.rename(null, "import of " + outer.name());
        node.place(outer.placement());
        importNodes.add(node.id());
        importedParents.add(outer.node.id());
        return node;
    }

    int[] importNodes() {
        return importNodes.stream().mapToInt(Integer::intValue).toArray();
    }

    int[] importedParents() {
        return importedParents.stream().mapToInt(Integer::intValue).toArray();
    }
}
