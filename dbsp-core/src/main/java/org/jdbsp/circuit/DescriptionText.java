package org.jdbsp.circuit;

import java.util.List;

/** The text form of a {@link CircuitDescription}: aligned columns, one line per operator, bodies indented. */
final class DescriptionText {
    private static final String INDENT = "    ";

    private DescriptionText() {}

    static String render(CircuitDescription d) {
        int n = d.operators().size();
        StringBuilder sb = new StringBuilder();
        sb.append("circuit '").append(d.name()).append("': ");
        if (d.workers() == 1) {
            sb.append("1 worker, ").append(n).append(" operators in schedule order\n");
        } else {
            sb.append(d.workers()).append(" workers, each running this replica of ").append(n)
                    .append(" operators (worker 0's shown), in schedule order\n");
        }
        block(sb, d.operators(), "");
        return sb.toString();
    }

    private static void block(StringBuilder sb, List<OperatorDescription> ops, String indent) {
        int labelWidth = 0;
        int inWidth = 0;
        int outWidth = 0;
        for (OperatorDescription op : ops) {
            labelWidth = Math.max(labelWidth, op.label().length());
            inWidth = Math.max(inWidth, inputs(op).length());
            outWidth = Math.max(outWidth, op.layout().length() + 4);
        }
        for (OperatorDescription op : ops) {
            StringBuilder line = new StringBuilder(indent);
            pad(line, op.label(), labelWidth);
            line.append("  ");
            pad(line, inputs(op), inWidth);
            line.append("  ");
            pad(line, "out=" + op.layout(), outWidth);
            line.append("  ").append(op.placement());
            if (op.exchange() != null) {
                line.append("  exchange: ").append(op.exchange());
            }
            if (op.strict()) {
                line.append("  strict: reads its input after the step");
            }
            for (String note : op.notes()) {
                line.append("  (").append(note).append(')');
            }
            sb.append(line.toString().stripTrailing()).append('\n');
            if (!op.body().isEmpty()) {
                sb.append(indent).append(INDENT).append("body of #").append(op.id()).append(", ").append(op.body().size())
                        .append(" operators in schedule order, run once per iteration:\n");
                block(sb, op.body(), indent + INDENT);
            }
        }
    }

    private static String inputs(OperatorDescription op) {
        if (op.inputs().isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("in=");
        for (int i = 0; i < op.inputs().size(); i++) {
            sb.append(i == 0 ? "#" : ",#").append(op.inputs().get(i));
        }
        return sb.toString();
    }

    private static void pad(StringBuilder sb, String s, int width) {
        sb.append(s);
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
    }
}
