package org.jdbsp.circuit;

/**
 * Why a step failed when the heap was about to run out: the old generation stayed above the memory guard's limit
 * after a collection (see the README's Storage section, {@code -Djdbsp.memory.limit}). It is the cause of the
 * step's {@link CircuitException}; its message names the operators holding the most state and suggests
 * {@link CircuitConfig#withStorage} or a larger heap.
 */
public final class MemoryExhaustedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** A failure saying {@code message}. */
    public MemoryExhaustedException(String message) {
        super(message);
    }
}
