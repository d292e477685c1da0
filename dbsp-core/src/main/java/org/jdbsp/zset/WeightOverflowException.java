package org.jdbsp.zset;

/** Thrown when adding or negating weights would leave the range of a {@code long}. */
public class WeightOverflowException extends ArithmeticException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the operands. */
    public WeightOverflowException(String message) {
        super(message);
    }
}
