package org.jdbsp.zset;

/**
 * The algebra of weights: signed 64-bit integers with overflow-checked addition and negation.
 *
 * <p>Weights are raw {@code long}s everywhere on hot paths; this class is the one place that says how
 * they combine. An overflow never wraps silently: it throws {@link WeightOverflowException}.
 */
public final class Weights {
    private Weights() {}

    /** Returns {@code a + b}, or throws {@link WeightOverflowException} if the sum does not fit a long. */
    public static long add(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            throw overflow(a, b);
        }
        return r;
    }

    /** Returns {@code -a}, or throws {@link WeightOverflowException} for {@code Long.MIN_VALUE}. */
    public static long negate(long a) {
        if (a == Long.MIN_VALUE) {
            throw new WeightOverflowException("weight overflow: -(" + a + ") does not fit a long");
        }
        return -a;
    }

    /** Returns {@code a * b}, or throws {@link WeightOverflowException} if the product does not fit a long. */
    public static long multiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return lo;
        }
        throw new WeightOverflowException("weight overflow: " + a + " * " + b + " does not fit a long");
    }

    private static WeightOverflowException overflow(long a, long b) {
        return new WeightOverflowException("weight overflow: " + a + " + " + b + " does not fit a long");
    }
}
