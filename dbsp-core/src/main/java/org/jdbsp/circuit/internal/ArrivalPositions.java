package org.jdbsp.circuit.internal;

/**
 * The pushing side's count of one input's arrival positions: each push takes the next one, from the first
 * position the input was created with; a push that would go past {@link Long#MAX_VALUE} - 1 is refused
 * instead of wrapping around (which would make later records sort before earlier ones).
 */
public final class ArrivalPositions {
    private final String input;
    private final long first;
    private long next;

    /**
     * @throws IllegalArgumentException if {@code first} is negative
     */
    public ArrivalPositions(String input, long first) {
        if (first < 0) {
            throw new IllegalArgumentException("the first arrival position of " + input + " must be >= 0, not " + first);
        }
        this.input = input;
        this.first = first;
        this.next = first;
    }

    /**
     * Sets the position the next push takes (a restore from a checkpoint).
     *
     * @throws IllegalArgumentException if it is before the first position
     */
    public void restore(long nextPosition) {
        if (nextPosition < first) {
            throw new IllegalArgumentException("the next arrival position of " + input + " cannot be " + nextPosition
                    + ", before its first, " + first);
        }
        next = nextPosition;
    }

    /** The position the next push takes. */
    public long next() {
        return next;
    }

    /**
     * Checks that {@code count} more positions are left (nothing is taken).
     *
     * @throws IllegalStateException if fewer are left
     */
    public void checkRoom(long count) {
        if (count > Long.MAX_VALUE - next) {
            throw new IllegalStateException(input + " has run out of arrival positions: " + count
                    + " more push(es) would pass " + (Long.MAX_VALUE - 1) + " (the next position is " + next
                    + "); nothing of this push was applied");
        }
    }

    /** Takes {@code count} positions (after {@link #checkRoom}); returns the first of them. */
    public long take(long count) {
        long p = next;
        next += count;
        return p;
    }

    /**
     * Checks that {@code seq} is a position this input has given out already.
     *
     * @throws IllegalArgumentException if it is not
     */
    public void checkIssued(long seq) {
        if (seq < first || seq >= next) {
            throw new IllegalArgumentException(input + " never stamped position " + seq + " (it has stamped "
                    + (next == first ? "none yet" : first + " to " + (next - 1)) + "); nothing of this push was applied");
        }
    }
}
