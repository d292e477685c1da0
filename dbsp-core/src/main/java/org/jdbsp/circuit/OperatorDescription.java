package org.jdbsp.circuit;

import java.util.List;

/**
 * One operator of a circuit as {@link CircuitHandle#describe()} shows it.
 *
 * @param id        the operator's number in its circuit (or in its recursive body), unique there
 * @param kind      what it does: {@code input}, {@code map}, {@code index}, {@code shard}, {@code join}, ...
 * @param name      the name the user gave it (an input's, table's or output's name, or a stream's
 *                  {@code named(...)}), or null
 * @param inputs    the ids of the operators it reads, in order
 * @param layout    the layout of its output: {@code zset<KIND>} or {@code indexed<KEYKIND, VALUEKIND>} with
 *                  {@code LONG} or {@code OBJECT} columns
 * @param placement where its output tuples live on several workers (see {@link Placement})
 * @param exchange  the exchange it makes between the workers ({@code "shard by key"}, {@code "gather to worker 0"},
 *                  ...), or null for none; with one worker there is none
 * @param strict    whether it takes its input only after every operator of the step has run (a delay or an
 *                  integral trace), so that its output of a step does not depend on that step's input
 * @param notes     further facts worth reading (the import of a recursive body and the outer operator it reads,
 *                  its variable, its result)
 * @param body      for a recursive operator, the operators of its body in their schedule order; else empty
 */
public record OperatorDescription(int id, String kind, String name, List<Integer> inputs, String layout,
        Placement placement, String exchange, boolean strict, List<String> notes, List<OperatorDescription> body) {
    /** Copies the lists. */
    public OperatorDescription {
        inputs = List.copyOf(inputs);
        notes = List.copyOf(notes);
        body = List.copyOf(body);
    }

    /** {@code #id kind "name"}, or {@code #id kind} when it has no name. */
    public String label() {
        return "#" + id + " " + kind + (name == null ? "" : " \"" + name + "\"");
    }
}
