package org.jdbsp.circuit;

import java.util.ArrayList;
import java.util.List;
import org.jdbsp.circuit.internal.Graph;
import org.jdbsp.circuit.internal.MapOperator;
import org.jdbsp.circuit.internal.Node;
import org.jdbsp.circuit.internal.RecursiveOperator;
import org.jdbsp.circuit.internal.ShardOperator;
import org.jdbsp.circuit.spi.StrictOperator;
import org.jdbsp.zset.Layout;

/** Builds the {@link CircuitDescription} of a built graph. */
final class Describer {
    /** How the note of an import of a recursive body begins; the id of the outer operator it reads follows. */
    static final String IMPORT_NOTE = "import of #";
    /** How the note of the result of a recursive body begins. */
    static final String RESULT_NOTE = "result";

    private Describer() {}

    static CircuitDescription describe(String name, int workers, Graph graph) {
        return new CircuitDescription(name, workers, operators(graph, null, null));
    }

    /**
     * The operators of {@code graph} in schedule order; {@code recursive} is the operator whose body it is, reading
     * {@code outerInputs} of the enclosing graph, or null at top level.
     */
    private static List<OperatorDescription> operators(Graph graph, RecursiveOperator recursive, int[] outerInputs) {
        List<OperatorDescription> out = new ArrayList<>(graph.size());
        for (int id : graph.schedule()) {
            out.add(operator(graph, id, recursive, outerInputs));
        }
        return out;
    }

    private static OperatorDescription operator(Graph graph, int id, RecursiveOperator recursive, int[] outerInputs) {
        Node node = graph.node(id);
        List<Integer> inputs = new ArrayList<>();
        for (int in : graph.inputs(id)) {
            inputs.add(in);
        }
        List<String> notes = new ArrayList<>();
        List<OperatorDescription> body = List.of();
        if (recursive != null) {
            bodyNotes(recursive, outerInputs, id, notes);
        }
        if (node.operator() instanceof RecursiveOperator) {
            RecursiveOperator r = (RecursiveOperator) node.operator();
            body = operators(r.body(), r, graph.inputs(id));
        }
        return new OperatorDescription(id, node.kind(), node.userName(), inputs, layout(node.layout()), node.placement(),
                exchange(node), node.operator() instanceof StrictOperator, notes, body);
    }

    private static void bodyNotes(RecursiveOperator r, int[] outerInputs, int id, List<String> notes) {
        int[] imports = r.importNodes();
        for (int k = 0; k < imports.length; k++) {
            if (imports[k] == id) {
                notes.add(IMPORT_NOTE + outerInputs[k] + " of the enclosing circuit");
            }
        }
        if (id == r.variableNode()) {
            notes.add("variable: the previous iteration's result");
        }
        if (id == r.resultNode()) {
            notes.add(RESULT_NOTE + ": the next iteration's value");
        }
    }

    /** {@code zset<LONG>}, {@code indexed<LONG, OBJECT>}, ... */
    static String layout(Layout layout) {
        return layout.isPlainZSet() ? "zset<" + layout.keyKind() + ">"
                : "indexed<" + layout.keyKind() + ", " + layout.valueKind() + ">";
    }

    private static String exchange(Node node) {
        if (node.operator() instanceof ShardOperator) {
            ShardOperator s = (ShardOperator) node.operator();
            String what;
            switch (s.route()) {
                case BY_KEY:
                    what = "shard by key";
                    break;
                case BY_FUNCTION:
                    what = "shard by a function of the record";
                    break;
                default:
                    what = "gather to worker 0";
                    break;
            }
            return s.replicatedInput() ? what + " (input replicated: each worker keeps its own, nothing is sent)" : what;
        }
        if (node.operator() instanceof MapOperator && ((MapOperator) node.operator()).exchangesBeforeConsolidating()) {
            return "shard by key, before consolidating";
        }
        return null;
    }
}
