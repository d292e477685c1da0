/**
 * The Nexmark event generator: configuration, the single-threaded {@link org.jdbsp.nexmark.generator.NexmarkGenerator},
 * the multi-threaded {@link org.jdbsp.nexmark.generator.ParallelEventSource} and PSV output.
 *
 * <p>Design. Every event is built by one field routine that draws, in the reference's order, from a SplitMix64
 * stream ({@code java.util.SplittableRandom}'s algorithm). The stream is either the reference's single sequential
 * one ({@link org.jdbsp.nexmark.generator.RngMode#REFERENCE}: byte-identical to the Flink Nexmark generator for
 * the same seeds, but event k needs every event before it) or one per event, seeded from the event seed and the
 * event number ({@link org.jdbsp.nexmark.generator.RngMode#PER_EVENT}: event k is computable alone, which is what
 * lets G threads generate disjoint residues {@code k mod G} and a fan-in merge them back into one sequence that
 * does not depend on G). The 1 MiB extra pool and the channel table come from their own seeds, are built once and
 * are shared read-only by all threads.
 */
package org.jdbsp.nexmark.generator;
