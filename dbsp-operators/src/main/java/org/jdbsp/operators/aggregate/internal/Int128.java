package org.jdbsp.operators.aggregate.internal;

import java.math.BigInteger;

/**
 * Signed 128-bit integers kept as two longs, a high word and a low word ({@code high * 2^64 + unsigned(low)}),
 * in place in a {@code long[]} ({@code a[i]} high, {@code a[i + 1]} low), so that counts and sums of an
 * aggregate are accumulated without allocation. Arithmetic is modulo 2^128, like long arithmetic modulo
 * 2^64: the result of any sequence of additions and multiplications by weights does not depend on their order
 * or grouping, and it is exact while the true value stays within {@code [-2^127, 2^127)}.
 */
public final class Int128 {
    private Int128() {}

    /** {@code a[i..i+1] += x}. */
    public static void addLong(long[] a, int i, long x) {
        add(a, i, x >> 63, x);
    }

    /** {@code a[i..i+1] += x * y}, the full 128-bit product. */
    public static void addProduct(long[] a, int i, long x, long y) {
        add(a, i, Math.multiplyHigh(x, y), x * y);
    }

    /** {@code a[i..i+1] += (high, low)}. */
    public static void add(long[] a, int i, long high, long low) {
        long sum = a[i + 1] + low;
        a[i] += high + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
        a[i + 1] = sum;
    }

    /** {@code a[i..i+1] += w * (high, low)}. */
    public static void addMultiple(long[] a, int i, long w, long high, long low) {
        if (w == 1) {
            add(a, i, high, low);
        } else {
            // the low word read as unsigned: its signed product's high word, plus w when its top bit is set
            add(a, i, high * w + Math.multiplyHigh(low, w) + ((low >> 63) & w), low * w);
        }
    }

    /** Whether {@code (high, low)} is a long, {@code low} itself. */
    public static boolean fitsLong(long high, long low) {
        return high == low >> 63;
    }

    /** Whether {@code (high, low)} is zero. */
    public static boolean isZero(long high, long low) {
        return (high | low) == 0;
    }

    /** The sign of {@code (high, low)}: -1, 0 or 1. */
    public static int signum(long high, long low) {
        return high != 0 ? Long.signum(high) : (low != 0 ? 1 : 0);
    }

    /** {@code (high, low)} as a BigInteger (for messages and rare slow paths, never per tuple). */
    public static BigInteger toBigInteger(long high, long low) {
        return BigInteger.valueOf(high).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(low)));
    }

    /** {@code (high, low)} in decimal. */
    public static String toString(long high, long low) {
        return fitsLong(high, low) ? Long.toString(low) : toBigInteger(high, low).toString();
    }

    /** {@code (high, low)} as the nearest double. */
    public static double toDouble(long high, long low) {
        return fitsLong(high, low) ? (double) low : toBigInteger(high, low).doubleValue();
    }
}
