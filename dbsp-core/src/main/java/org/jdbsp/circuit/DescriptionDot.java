package org.jdbsp.circuit;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Graphviz form of a {@link CircuitDescription}: one box per operator (exchanges as hexagons), an edge from
 * each input (dashed into a strict operator, whose input is taken after the step), recursive bodies as clusters
 * with dotted edges from the imported streams and back from the result.
 */
final class DescriptionDot {
    /** The note {@link Describer} gives an import of a recursive body, naming the outer operator it reads. */
    private static final Pattern IMPORT = Pattern.compile(Pattern.quote(Describer.IMPORT_NOTE) + "(\\d+)");

    private DescriptionDot() {}

    static String render(CircuitDescription d) {
        StringBuilder sb = new StringBuilder();
        sb.append("digraph ").append(quote(d.name())).append(" {\n");
        sb.append("  label=").append(quote("circuit '" + d.name() + "': " + d.workers()
                + (d.workers() == 1 ? " worker" : " workers, worker 0's replica"))).append(";\n");
        sb.append("  labelloc=t;\n  node [shape=box, fontname=\"monospace\"];\n");
        graph(sb, d.operators(), "n", "  ");
        sb.append("}\n");
        return sb.toString();
    }

    /** Writes the nodes and edges of {@code ops}, whose node ids start with {@code prefix}. */
    private static void graph(StringBuilder sb, List<OperatorDescription> ops, String prefix, String indent) {
        for (OperatorDescription op : ops) {
            String id = prefix + op.id();
            StringBuilder label = new StringBuilder(op.label()).append('\n').append(op.layout()).append(' ').append(op.placement());
            if (op.exchange() != null) {
                label.append('\n').append(op.exchange());
            }
            for (String note : op.notes()) {
                label.append('\n').append(note);
            }
            sb.append(indent).append(id).append(" [label=").append(quote(label.toString()));
            if (op.exchange() != null) {
                sb.append(", shape=hexagon");
            }
            sb.append("];\n");
            for (int in : op.inputs()) {
                sb.append(indent).append(prefix).append(in).append(" -> ").append(id)
                        .append(op.strict() ? " [style=dashed];\n" : ";\n");
            }
            if (!op.body().isEmpty()) {
                String inner = id + "_";
                sb.append(indent).append("subgraph cluster_").append(id).append(" {\n");
                sb.append(indent).append("  label=").append(quote("body of " + op.label())).append(";\n");
                graph(sb, op.body(), inner, indent + "  ");
                sb.append(indent).append("}\n");
                bodyEdges(sb, op, prefix, inner, indent);
            }
        }
    }

    /** Dotted edges: each imported outer stream into its import node, and the body's result back to the operator. */
    private static void bodyEdges(StringBuilder sb, OperatorDescription op, String prefix, String inner, String indent) {
        for (OperatorDescription b : op.body()) {
            for (String note : b.notes()) {
                Matcher m = IMPORT.matcher(note);
                if (m.lookingAt()) {
                    sb.append(indent).append(prefix).append(m.group(1)).append(" -> ").append(inner).append(b.id())
                            .append(" [style=dotted];\n");
                } else if (note.startsWith(Describer.RESULT_NOTE)) {
                    sb.append(indent).append(inner).append(b.id()).append(" -> ").append(prefix).append(op.id())
                            .append(" [style=dotted];\n");
                }
            }
        }
    }

    /** {@code s} as a DOT quoted string: quotes and backslashes escaped, line breaks as {@code \n}. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c != '\r') {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
