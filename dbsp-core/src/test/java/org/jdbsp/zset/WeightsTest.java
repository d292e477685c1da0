package org.jdbsp.zset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Weight arithmetic never wraps silently. */
class WeightsTest {
    @Test
    void addAndNegateStayExactUpToTheLimits() {
        assertEquals(Long.MAX_VALUE, Weights.add(Long.MAX_VALUE - 1, 1));
        assertEquals(Long.MIN_VALUE, Weights.add(Long.MIN_VALUE + 1, -1));
        assertEquals(-Long.MAX_VALUE, Weights.negate(Long.MAX_VALUE));
        assertEquals(-6, Weights.multiply(2, -3));
    }

    @Test
    void overflowThrowsNamingTheOperands() {
        WeightOverflowException e = assertThrows(WeightOverflowException.class, () -> Weights.add(Long.MAX_VALUE, 1));
        assertTrue(e.getMessage().contains(Long.toString(Long.MAX_VALUE)), e.getMessage());
        assertThrows(WeightOverflowException.class, () -> Weights.add(Long.MIN_VALUE, -1));
        assertThrows(WeightOverflowException.class, () -> Weights.negate(Long.MIN_VALUE));
        assertThrows(WeightOverflowException.class, () -> Weights.multiply(Long.MAX_VALUE, 2));
    }

    @Test
    void consolidationAndMergeDetectOverflow() {
        ZSetBuilder<String> b = ZSet.builder();
        b.add("x", Long.MAX_VALUE).add("x", 1);
        assertThrows(WeightOverflowException.class, b::build);
        ZSet<String> big = ZSet.<String>builder().add("x", Long.MAX_VALUE).build();
        assertThrows(WeightOverflowException.class, () -> big.plus(big));
        ZSet<String> min = ZSet.<String>builder().add("x", Long.MIN_VALUE).build();
        assertThrows(WeightOverflowException.class, min::negate);
    }

    @Test
    void nullRecordsAreRejectedByBuilders() {
        assertThrows(NullPointerException.class, () -> ZSet.<String>builder().add(null, 1));
    }
}
