package org.jdbsp.circuit.internal;

import org.jdbsp.circuit.spi.Operator;
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
                out.writeObject(marker(graph.node(i)));
                op.snapshot(out);
            }
        }
        out.writeObject(END);
    }

    /** Reads into the operators of {@code executor} what {@link #snapshot} wrote. */
    public static void restore(Executor executor, StateReader in) {
        Graph graph = executor.graph();
        for (int i = 0; i < graph.size(); i++) {
            Operator op = executor.operator(i);
            if (op.hasState()) {
                String expected = marker(graph.node(i));
                expect(in, expected, "the state of operator " + graph.node(i).name);
                try {
                    op.restore(in);
                } catch (RuntimeException e) {
                    throw new IllegalStateException("cannot restore operator " + graph.node(i).name + ": " + e.getMessage(), e);
                }
            }
        }
        expect(in, END, "the end of the operators' states (an operator left some of its state unread)");
    }

    private static final String END = "end of operators";

    private static String marker(Node node) {
        return "operator #" + node.id + " " + node.kind;
    }

    private static void expect(StateReader in, String expected, String what) {
        Object found;
        try {
            found = in.readObject();
        } catch (RuntimeException e) {
            throw new IllegalStateException("expected " + what + " but the saved state does not match this circuit: "
                    + e.getMessage(), e);
        }
        if (!expected.equals(found)) {
            throw new IllegalStateException("expected " + what + " ('" + expected + "') but found '" + found
                    + "': the saved state does not match this circuit");
        }
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
