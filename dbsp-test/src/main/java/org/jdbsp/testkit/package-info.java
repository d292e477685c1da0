/**
 * Helpers for testing circuits, usable with JUnit or any framework (failures are {@link java.lang.AssertionError}s).
 *
 * <ul>
 *   <li>{@link org.jdbsp.testkit.ZSets}: Z-set literals, {@code ZSets.of("a", 1, "b", -1)}.</li>
 *   <li>{@link org.jdbsp.testkit.ZSetAssertions}: compare Z-sets by content; a failure lists the records
 *       missing, extra and with another weight, in a stable order, and carries the expected and actual text
 *       for an IDE's diff view ({@link org.jdbsp.testkit.ZSetAssertionError}).</li>
 *   <li>{@link org.jdbsp.testkit.CircuitTestDriver}: push, step, check each step's change and the integral;
 *       on several worker counts at once it also checks that every step is the same on each
 *       ({@link org.jdbsp.testkit.WorkerCounts}). Validation of user types is on.</li>
 *   <li>{@link org.jdbsp.testkit.Trials} and {@link org.jdbsp.testkit.Steps}: seeded random trials (the
 *       seed is printed on failure, {@code -Djdbsp.seed=N} re-runs it) and step sizes to cut inputs by.</li>
 * </ul>
 */
package org.jdbsp.testkit;
