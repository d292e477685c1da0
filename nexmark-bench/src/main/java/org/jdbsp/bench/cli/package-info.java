/**
 * The {@code nexmark-bench} command line (picocli): {@link org.jdbsp.bench.cli.NexmarkBench} is the jar's main class
 * and {@code generate} prints Nexmark events in the golden PSV format.
 */
package org.jdbsp.bench.cli;
