package org.jdbsp.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class StepsTest {
    @Test
    void splitsIntoConsecutiveStepsOfTheSize() {
        List<Integer> ops = List.of(1, 2, 3, 4, 5);
        assertEquals(List.of(List.of(1, 2), List.of(3, 4), List.of(5)), Steps.split(ops, 2));
        assertEquals(List.of(ops), Steps.split(ops, Steps.ALL));
        assertEquals(List.of(List.of()), Steps.split(List.of(), 7));
        assertEquals(List.of(1, 7, Integer.MAX_VALUE), Steps.SIZES);
        assertEquals("all at once", Steps.describe(Steps.ALL));
        assertEquals("steps of 7", Steps.describe(7));
        assertEquals("step size 0 < 1", assertThrows(IllegalArgumentException.class, () -> Steps.split(ops, 0)).getMessage());
    }
}
