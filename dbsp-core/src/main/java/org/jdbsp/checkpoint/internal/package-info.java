/**
 * How checkpoints are written and read (internal): the directory and its files ({@link
 * org.jdbsp.checkpoint.internal.CheckpointStore}), the manifest ({@link org.jdbsp.checkpoint.internal.Manifest}),
 * the per-worker state files ({@link org.jdbsp.checkpoint.internal.StateFileWriter},
 * {@link org.jdbsp.checkpoint.internal.StateFileReader}), the circuit's fingerprint and the checkpointer of
 * one circuit ({@link org.jdbsp.checkpoint.internal.Checkpointer}).
 *
 * <h2>Manifest, format version 2</h2>
 * (Version 2: strings as version 3 of batch files writes them, packed when few distinct chars; a version 1
 * manifest is refused.)
 * Little-endian, strings as {@link org.jdbsp.codec.ByteSink#writeString}: the magic {@code "dJBSPCK1"}, the
 * format version (int), the id, the step (long), the workers (int), the creation time (epoch ms), the duration
 * (ns), the bytes written (longs), the metadata (int count, key and value strings), the fingerprint (int count,
 * one string per operator), the inputs' next arrival positions (int count, longs), and per worker its part:
 * the state file's name, length (long) and CRC32C (int), and the ids of the batch files it references (int
 * count, strings); then the CRC32C of everything before it (int).
 *
 * <h2>State file, format version 3</h2>
 * (Version 2: the same layout; objects are written by the codecs of batch file version 2, with varint long and int
 * components, so a version 1 file is refused. Version 3: strings packed as in batch file version 3.)
 * The magic {@code "dJBSPST1"}, the format version (int), then the operators' values, each a tag byte and its
 * content: {@code L} long, {@code I} int, {@code B} boolean, {@code O} object (a class reference: 0 for null,
 * k for the k-th class met in this file, or (classes met + 1) followed by a new class name; then the codec's
 * encoding), {@code T} batch (the batch file id, empty for an empty batch, then the key and the value
 * column's class names, empty for long or absent columns), {@code R} trace (the key bound as an object, the
 * batch count, the batches); then the CRC32C of everything before it (int). Every operator's values are
 * preceded by an object naming it (position, kind and how its state is cut among the workers, {@link
 * org.jdbsp.circuit.spi.StatePartitioning}), and the last by an end marker.
 *
 * <h2>Restoring on another number of workers</h2>
 * Each new worker reads every saved worker's state file from its start ({@link
 * org.jdbsp.checkpoint.internal.Checkpointer}); the reader cuts each operator's state for it: parts saved as
 * copies (replicated) are read from saved worker 0 only, batches and traces are kept for the keys the worker
 * owns by the exchanges' key hash, and a trace gathers its batches from every part.
 */
package org.jdbsp.checkpoint.internal;
