package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.Placement;
import org.jdbsp.circuit.spi.Operator;
import org.jdbsp.circuit.spi.StatePartitioning;
import org.jdbsp.circuit.spi.StateReader;
import org.jdbsp.circuit.spi.StateWriter;

/**
 * Walks the operators of a graph for a checkpoint: checks that each one with state can be saved, and writes or
 * reads the states of an executor's operators in node order, each preceded by a marker naming the operator so
 * that a restore reading into the wrong operator fails instead of loading wrong state. Recursive bodies are
 * walked by their {@link RecursiveOperator}.
 */
public final class OperatorStates {
    private OperatorStates() {}

    /**
     * Throws {@link IllegalStateException} naming the first operator of {@code graph} (or of a recursive body in
     * it) that says it has state but does not implement {@link Operator#snapshot}.
     */
    public static void checkSupported(Graph graph) {
        for (int i = 0; i < graph.size(); i++) {
            Node node = graph.node(i);
            Operator op = node.operator;
            if (op.hasState() && !implementsSnapshot(op)) {
                throw new IllegalStateException("operator " + node.name + " (" + op.getClass().getName()
                        + ") has state but does not implement snapshot/restore, so the circuit cannot be checkpointed;"
                        + " implement Operator.snapshot and Operator.restore, or override hasState() to return false"
                        + " if it keeps nothing between steps");
            }
            if (op instanceof RecursiveOperator) {
                checkSupported(((RecursiveOperator) op).body());
            }
        }
    }

    /**
     * Throws {@link IllegalStateException} naming the first operator with state of {@code graph} (or of a
     * recursive body in it) whose state cannot be moved between workers ({@link StatePartitioning#FIXED}).
     */
    public static void checkRescalable(Graph graph) {
        for (int i = 0; i < graph.size(); i++) {
            Node node = graph.node(i);
            Operator op = node.operator;
            if (op.hasState() && partitioningOf(graph, i) == StatePartitioning.FIXED) {
                throw new IllegalStateException("operator " + node.name + " (" + op.getClass().getName() + ") does not say how"
                        + " its state is cut among the workers (its statePartitioning() is FIXED), so its state cannot be"
                        + " moved to another number of workers; restore on the number of workers the checkpoint was taken"
                        + " with, or implement Operator.statePartitioning");
            }
            if (op instanceof RecursiveOperator) {
                checkRescalable(((RecursiveOperator) op).body());
            }
        }
    }

    /** How the state of node {@code id} of {@code graph} is cut, {@link StatePartitioning#FOLLOWS_INPUT} resolved. */
    static StatePartitioning partitioningOf(Graph graph, int id) {
        Node node = graph.node(id);
        StatePartitioning p = node.operator.statePartitioning();
        if (p != StatePartitioning.FOLLOWS_INPUT) {
            return p;
        }
        if (node.inputs.length == 0) {
            return StatePartitioning.FIXED;   // no input to follow
        }
        return graph.node(node.inputs[0]).placement() == Placement.REPLICATED ? StatePartitioning.REPLICATED : StatePartitioning.BY_KEY;
    }

    private static boolean implementsSnapshot(Operator op) {
        try {
            return op.getClass().getMethod("snapshot", StateWriter.class).getDeclaringClass() != Operator.class;
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    /** Writes the state of every operator of {@code executor} that has state, in node order. */
    public static void snapshot(Executor executor, StateWriter out) {
        Graph graph = executor.graph();
        for (int i = 0; i < graph.size(); i++) {
            Operator op = executor.operator(i);
            if (op.hasState()) {
                out.writeObject(marker(graph, i));
                op.snapshot(out);
            }
        }
        out.writeObject(END);
    }

    /**
     * Reads into the operators of {@code executor} what {@link #snapshot} wrote. A reader of a restore on another
     * number of workers ({@link PartitionedRestore}) is told each operator's partitioning before it reads.
     */
    public static void restore(Executor executor, StateReader in) {
        Graph graph = executor.graph();
        PartitionedRestore cut = in instanceof PartitionedRestore && in.rescaling() ? (PartitionedRestore) in : null;
        for (int i = 0; i < graph.size(); i++) {
            Operator op = executor.operator(i);
            if (op.hasState()) {
                String expected = marker(graph, i);
                String found = expect(in, expected, "the state of operator " + graph.node(i).name, cut != null);
                StatePartitioning before = cut == null ? null : cut.partitioning();
                StatePartitioning beforeSaved = cut == null ? null : cut.saved();
                if (cut != null) {
                    cut.use(partitioningOf(graph, i), savedCut(found));
                }
                try {
                    op.restore(in);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("cannot restore operator " + graph.node(i).name + ": " + e.getMessage(), e);
                } finally {
                    if (cut != null) {
                        cut.use(before, beforeSaved);
                    }
                }
            }
        }
        expect(in, END, "the end of the operators' states (an operator left some of its state unread)", false);
    }

    private static final String END = "end of operators";

    /** How the state after marker {@code found} was cut among the saved workers. */
    private static StatePartitioning savedCut(String found) {
        try {
            return StatePartitioning.valueOf(found.substring(found.lastIndexOf(' ') + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the checkpoint does not say how the state of '" + found + "' is cut among"
                    + " its workers, so it can only be restored on the number of workers it was taken with", e);
        }
    }

    private static boolean sameKind(String found, String expected) {
        int a = found.indexOf(' ', "operator #".length());
        int b = expected.indexOf(' ', "operator #".length());
        int a2 = found.lastIndexOf(' ');
        int b2 = expected.lastIndexOf(' ');
        return found.startsWith("operator #") && a > 0 && b > 0 && a2 > a && b2 > b
                && found.substring(a, a2).equals(expected.substring(b, b2));
    }

    /**
     * What precedes the state of node {@code id}: its position and kind, and how its state is cut among the
     * workers (a restore on another number of workers reads the saved parts by it).
     */
    private static String marker(Graph graph, int id) {
        Node node = graph.node(id);
        return "operator #" + node.id + " " + node.kind + " " + partitioningOf(graph, id);
    }

    /**
     * Reads the next marker, which must be {@code expected}; with {@code anyPosition} (a restore on another number
     * of workers, whose circuit may have exchanges the saved one had not, or the reverse) only the operator's kind
     * must agree, not its position.
     */
    private static String expect(StateReader in, String expected, String what, boolean anyPosition) {
        Object found;
        try {
            found = in.readObject();
        } catch (RuntimeException e) {
            throw new IllegalStateException("expected " + what + " but the saved state does not match this circuit: "
                    + e.getMessage(), e);
        }
        if (!expected.equals(found) && !(anyPosition && found instanceof String && sameKind((String) found, expected))) {
            throw new IllegalStateException("expected " + what + " ('" + expected + "') but found '" + found
                    + "': the saved state does not match this circuit");
        }
        return (String) found;
    }

    /** The number of records pushed into the inputs of {@code graph} and not yet taken by a step. */
    public static long pendingPushes(Graph graph) {
        long n = 0;
        for (int i = 0; i < graph.size(); i++) {
            Operator op = graph.node(i).operator;
            if (op instanceof InputOperator) {
                n += ((InputOperator) op).pending().size();
            } else if (op instanceof SplitInputState.Part) {
                n += ((SplitInputState.Part) op).pendingPushes();
            }
        }
        return n;
    }
}

