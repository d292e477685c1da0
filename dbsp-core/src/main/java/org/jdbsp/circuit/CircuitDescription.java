package org.jdbsp.circuit;

import java.util.List;

/**
 * What a built circuit is made of ({@link CircuitHandle#describe()}): its operators in the order each step runs
 * them, with their kinds, names, inputs, output layouts, placements and the exchanges between the workers;
 * recursive bodies nested in their operator. With W &gt; 1 workers every worker runs the same replica, and this
 * describes one of them (worker 0's). Immutable.
 *
 * <p>{@link #toString()} is the text form, one line per operator, readable in a terminal and the same for the
 * same circuit on every run; {@link #toDot()} is a Graphviz graph ({@code dot -Tsvg}).
 */
public final class CircuitDescription {
    private final String name;
    private final int workers;
    private final List<OperatorDescription> operators;

    CircuitDescription(String name, int workers, List<OperatorDescription> operators) {
        this.name = name;
        this.workers = workers;
        this.operators = List.copyOf(operators);
    }

    /** The circuit's name ({@link CircuitConfig#name()}). */
    public String name() {
        return name;
    }

    /** The number of workers, each running the replica described. */
    public int workers() {
        return workers;
    }

    /** The top-level operators in schedule order (recursive bodies inside theirs). */
    public List<OperatorDescription> operators() {
        return operators;
    }

    /** The text form: a header line, then one line per operator, bodies indented under their operator. */
    @Override
    public String toString() {
        return DescriptionText.render(this);
    }

    /** The Graphviz form: a {@code digraph}, one node per operator, recursive bodies as clusters. */
    public String toDot() {
        return DescriptionDot.render(this);
    }
}
