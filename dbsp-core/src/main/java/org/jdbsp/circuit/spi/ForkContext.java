package org.jdbsp.circuit.spi;

/**
 * Handed to {@link Operator#fork(ForkContext)} when a whole circuit is copied: it maps an operator of the
 * original circuit to its copy, so that an operator holding a reference to another (a join reading a
 * shared trace) can point its copy at the copy of that operator.
 */
public interface ForkContext {
    /** The copy of {@code original} in the circuit being built (made on first request). */
    <O extends Operator> O forked(O original);
}
