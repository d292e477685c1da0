package org.jdbsp.nexmark.queries;

import java.util.List;

import org.jdbsp.circuit.ZSetStream;

/**
 * One Nexmark query as a piece of circuit: from the event streams to the stream of its result's changes.
 *
 * @param <R> the row type of the result
 */
public interface NexmarkQuery<R extends ResultRow> {
    /** The query's name, {@code q0} .. {@code q22}. */
    String name();

    /** The names of the result's columns, in select-list order. */
    List<String> columns();

    /** Adds the query's operators to the circuit of {@code in} and returns its output stream. */
    ZSetStream<R> build(NexmarkStreams in);
}
