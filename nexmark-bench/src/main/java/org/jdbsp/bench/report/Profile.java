package org.jdbsp.bench.report;

import java.util.List;
import java.util.Locale;
import org.jdbsp.circuit.CircuitMetrics;
import org.jdbsp.circuit.OperatorMetrics;

/**
 * The {@code --profile} report of one query: its top operators by time and by state, each with its share of the
 * circuit's total, from the circuit's metrics at the end of the run (summed over the workers).
 */
public final class Profile {
    /** How many operators each list shows. */
    public static final int TOP = 10;

    private Profile() {}

    /** The report of {@code query}, one line per operator, ending with a line break. */
    public static String render(String query, CircuitMetrics m) {
        StringBuilder sb = new StringBuilder();
        long nanos = m.totalNanos();
        long bytes = m.totalStateBytes();
        sb.append(query).append(" profile: ").append(m.operators().size()).append(" operators, ")
            .append(Units.count(m.steps())).append(" steps, ").append(m.workers())
            .append(m.workers() == 1 ? " worker" : " workers (summed)").append('\n');
        sb.append("  top ").append(TOP).append(" by time (of ").append(Units.seconds(nanos)).append(" in operators):\n");
        for (OperatorMetrics o : m.topByTime(TOP)) {
            sb.append(String.format(Locale.ROOT, "    %6s %12s  %-36s in %s, out %s%n", share(o.nanos(), nanos),
                Units.seconds(o.nanos()), label(o), Units.count(o.tuplesIn()), Units.count(o.tuplesOut())));
        }
        List<OperatorMetrics> state = m.topByState(TOP);
        sb.append("  top ").append(TOP).append(" by state (of ").append(Units.bytes(bytes)).append(", ")
            .append(Units.count(m.totalStateTuples())).append(" tuples at the end):\n");
        if (state.isEmpty()) {
            sb.append("    (no operator holds state)\n");
        }
        for (OperatorMetrics o : state) {
            sb.append(String.format(Locale.ROOT, "    %6s %12s  %-36s %s tuples%n", share(o.stateBytes(), bytes),
                Units.bytes(o.stateBytes()), label(o), Units.count(o.stateTuples())));
        }
        return sb.toString();
    }

    /** {@code name (kind)}, or the name alone when it already says the kind. */
    private static String label(OperatorMetrics o) {
        return o.name().startsWith(o.kind()) ? o.name() : o.name() + " (" + o.kind() + ")";
    }

    private static String share(long part, long total) {
        return total <= 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / total);
    }
}
