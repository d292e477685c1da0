/**
 * The Nexmark queries q0..q22 as incremental circuits.
 *
 * <p>Each query is a class {@code Qn} with a static function from the event streams it reads to its output
 * stream (usable inside any circuit), a row record naming the SQL select-list's columns, and a
 * {@link org.jdbsp.nexmark.queries.NexmarkQuery} entry in {@link org.jdbsp.nexmark.queries.NexmarkQueries}.
 * {@link org.jdbsp.nexmark.queries.QueryCircuit} runs one query over generated events, and
 * {@link org.jdbsp.nexmark.queries.ResultFormat} writes a final result in the export format.
 */
package org.jdbsp.nexmark.queries;
