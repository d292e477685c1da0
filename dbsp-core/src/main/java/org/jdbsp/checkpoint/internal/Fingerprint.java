package org.jdbsp.checkpoint.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jdbsp.circuit.internal.Graph;
import org.jdbsp.circuit.internal.Node;
import org.jdbsp.circuit.internal.RecursiveOperator;
import org.jdbsp.circuit.spi.Operator;

/**
 * What identifies a circuit's shape in a checkpoint: one line per operator, in build order, with its kind,
 * name, operator class, output columns and inputs (by position), the bodies of recursive operators nested.
 * It is made of names and positions only (no identity hash code, no generated class name), so the same build
 * function gives the same lines in every process.
 */
public final class Fingerprint {
    private Fingerprint() {}

    /** The lines of {@code graph}. */
    public static List<String> of(Graph graph) {
        List<String> lines = new ArrayList<>();
        add(graph, "", lines);
        return List.copyOf(lines);
    }

    private static void add(Graph graph, String prefix, List<String> lines) {
        for (int i = 0; i < graph.size(); i++) {
            Node n = graph.node(i);
            Operator op = n.operator();
            Class<?> c = op.getClass();
            String type = c.isHidden() || c.isSynthetic() ? "(generated)" : c.getName();
            lines.add(prefix + "#" + i + " " + n.kind() + " '" + n.name() + "' " + type + " " + n.layout().keyKind()
                    + "/" + n.layout().valueKind() + " <- " + Arrays.toString(graph.inputs(i)));
            if (op instanceof RecursiveOperator) {
                add(((RecursiveOperator) op).body(), prefix + "#" + i + "/", lines);
            }
        }
    }

    /** Null when {@code saved} and {@code current} agree, else what differs first. */
    public static String difference(List<String> saved, List<String> current) {
        int n = Math.min(saved.size(), current.size());
        for (int i = 0; i < n; i++) {
            if (!saved.get(i).equals(current.get(i))) {
                return "operator " + (i + 1) + " of " + current.size() + " differs: the checkpoint has " + saved.get(i)
                        + ", this circuit has " + current.get(i);
            }
        }
        if (saved.size() != current.size()) {
            return "the checkpoint has " + saved.size() + " operators, this circuit " + current.size() + "; the first "
                    + (saved.size() > current.size() ? "missing here is " + saved.get(n) : "extra here is " + current.get(n));
        }
        return null;
    }
}
