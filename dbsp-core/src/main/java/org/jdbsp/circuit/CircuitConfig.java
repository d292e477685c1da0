package org.jdbsp.circuit;

/**
 * Settings of a circuit, validated when the circuit is built.
 *
 * @param maxRecursionIterations the most iterations a recursive circuit may take in one step before it is
 *                               declared divergent (at least 1)
 */
public record CircuitConfig(int maxRecursionIterations) {
    /** Validates the settings. */
    public CircuitConfig {
        if (maxRecursionIterations < 1) {
            throw new IllegalArgumentException("maxRecursionIterations = " + maxRecursionIterations + " is invalid: must be >= 1");
        }
    }

    /** The defaults: recursion may iterate up to 1,000,000 times per step. */
    public static CircuitConfig defaults() {
        return new CircuitConfig(1_000_000);
    }

    /** A copy with another iteration limit. */
    public CircuitConfig withMaxRecursionIterations(int n) {
        return new CircuitConfig(n);
    }
}
