package org.jdbsp.operators.aggregate.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.jdbsp.testkit.Trials;

/** 128-bit accumulation against BigInteger, with values at and near the ends of long. */
class Int128Test {
    private static final long[] EDGES = {Long.MIN_VALUE, Long.MIN_VALUE + 1, -2, -1, 0, 1, 2, Long.MAX_VALUE - 1, Long.MAX_VALUE};
    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(128);

    @Test
    void sumsOfProductsAndMultiplesAreExactModulo2To128() {
        Trials.run("Int128", 200, r -> {
            long[] acc = new long[2];
            BigInteger expected = BigInteger.ZERO;
            for (int i = 0; i < 20; i++) {
                long x = r.nextBoolean() ? EDGES[r.nextInt(EDGES.length)] : r.nextLong();
                long y = r.nextBoolean() ? EDGES[r.nextInt(EDGES.length)] : r.nextLong();
                switch (r.nextInt(3)) {
                    case 0 -> {
                        Int128.addLong(acc, 0, x);
                        expected = expected.add(BigInteger.valueOf(x));
                    }
                    case 1 -> {
                        Int128.addProduct(acc, 0, x, y);
                        expected = expected.add(BigInteger.valueOf(x).multiply(BigInteger.valueOf(y)));
                    }
                    default -> {
                        long[] other = {r.nextLong() >> r.nextInt(64), y};
                        Int128.addMultiple(acc, 0, x, other[0], other[1]);
                        expected = expected.add(BigInteger.valueOf(x).multiply(Int128.toBigInteger(other[0], other[1])));
                    }
                }
                BigInteger signed = expected.mod(MOD);
                if (signed.testBit(127)) {
                    signed = signed.subtract(MOD);
                }
                assertEquals(signed, Int128.toBigInteger(acc[0], acc[1]), "after " + (i + 1) + " operations");
                assertEquals(signed.bitLength() <= 63, Int128.fitsLong(acc[0], acc[1]));
                assertEquals(signed.signum(), Int128.signum(acc[0], acc[1]));
                assertEquals(signed.toString(), Int128.toString(acc[0], acc[1]));
            }
        });
    }
}
