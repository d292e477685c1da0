package org.jdbsp.checkpoint.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbsp.circuit.internal.Graph;
import org.jdbsp.circuit.internal.Node;
import org.jdbsp.circuit.internal.RecursiveOperator;
import org.jdbsp.circuit.spi.Operator;

/**
 * What identifies a circuit's shape in a checkpoint: one line per operator, in build order, with its kind,
 * name, operator class (its {@link Operator#fingerprintName()}), output columns and inputs (by position), the bodies of recursive operators nested.
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
            String type = c.isHidden() || c.isSynthetic() ? "(generated)" : stableName(op);
            lines.add(prefix + "#" + i + " " + n.kind() + " '" + n.name() + "' " + type + " " + n.layout().keyKind()
                    + "/" + n.layout().valueKind() + " <- " + Arrays.toString(graph.inputs(i)));
            if (op instanceof RecursiveOperator) {
                add(((RecursiveOperator) op).body(), prefix + "#" + i + "/", lines);
            }
        }
    }

    /** The {@link Operator#fingerprintName()} of {@code op}, refused when empty or holding whitespace (lines are split at spaces). */
    private static String stableName(Operator op) {
        String name = op.fingerprintName();
        if (name == null || name.isEmpty() || !name.equals(name.replaceAll("\\s", ""))) {
            throw new IllegalStateException("operator class " + op.getClass().getName() + " gives the fingerprint name '"
                    + name + "': it must be non-empty and hold no whitespace");
        }
        return name;
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

    /**
     * Operators that a circuit built for several workers has and one built for a single worker does not, and that
     * keep nothing: the exchanges, and the per-worker partial sums sent to a linear aggregate's owners.
     */
    private static final Set<String> ONLY_FOR_WORKERS = Set.of("org.jdbsp.circuit.internal.ShardOperator",
            "org.jdbsp.operators.aggregate.LinearPartialOperator");

    /**
     * The lines without the operators only a circuit of several workers has ({@link #ONLY_FOR_WORKERS}), positions
     * renumbered and inputs followed through them: what a circuit's shape is whatever its number of workers, to
     * compare a checkpoint with a circuit of another number of workers when one of them has a single worker.
     */
    public static List<String> withoutExchanges(List<String> lines) {
        Map<String, Integer> next = new HashMap<>();
        Map<String, String> renamed = new HashMap<>();
        Map<String, String> droppedInput = new HashMap<>();
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            int space = line.indexOf(' ');
            String id = line.substring(0, space);
            int slash = id.lastIndexOf('/');
            String parent = slash < 0 ? "" : id.substring(0, slash);
            String newParent = slash < 0 ? "" : renamed.getOrDefault(parent, parent);
            int arrow = line.lastIndexOf(" <- ");
            String head = line.substring(space + 1, arrow);
            // "kind 'name' class K/V": the kind and the name may hold spaces, the class and the layout do not
            int layoutAt = head.lastIndexOf(' ');
            int typeAt = layoutAt < 0 ? -1 : head.lastIndexOf(' ', layoutAt - 1);
            String type = typeAt < 0 ? "" : head.substring(typeAt + 1, layoutAt);
            String inputs = line.substring(arrow + 4);
            String[] ins = inputs.length() <= 2 ? new String[0] : inputs.substring(1, inputs.length() - 1).split(", ");
            StringBuilder mapped = new StringBuilder("[");
            for (int k = 0; k < ins.length; k++) {
                String key = parent + "|" + ins[k];
                String target = droppedInput.containsKey(key) ? droppedInput.get(key) : renamed.getOrDefault(key, ins[k]);
                mapped.append(k == 0 ? "" : ", ").append(target);
            }
            mapped.append(']');
            String local = id.substring(slash + 1);
            if (ONLY_FOR_WORKERS.contains(type) && ins.length == 1) {
                droppedInput.put(parent + "|" + local.substring(1), mapped.substring(1, mapped.length() - 1));
                continue;
            }
            int n = next.merge(parent, 1, Integer::sum) - 1;
            renamed.put(parent + "|" + local.substring(1), Integer.toString(n));
            String newId = (newParent.isEmpty() ? "" : newParent + "/") + "#" + n;
            renamed.put(id, newId);
            String kind = typeAt < 0 ? null : kindOfDefaultName(head.substring(0, typeAt), local);
            if (kind != null) {
                head = kind + " '" + kind + "#" + n + "'" + head.substring(typeAt);
            }
            out.add(newId + " " + head + " <- " + mapped);
        }
        return out;
    }

    /**
     * The kind of an operator whose {@code kindAndName} ("kind 'name'") shows the default name "kind" + {@code local}
     * ("#position"), else null. Found by length, so a kind with spaces or quotes is told apart from a name chosen.
     */
    private static String kindOfDefaultName(String kindAndName, String local) {
        int kindLength = kindAndName.length() - 3 - local.length();   // kind + " '" + kind + local + "'"
        if (kindLength < 0 || kindLength % 2 != 0) {
            return null;
        }
        String kind = kindAndName.substring(0, kindLength / 2);
        return kindAndName.equals(kind + " '" + kind + local + "'") ? kind : null;
    }
}
