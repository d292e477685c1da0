package org.jdbsp.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jdbsp.circuit.CircuitException;
import org.jdbsp.circuit.MemoryExhaustedException;
import org.junit.jupiter.api.Test;

class MemoryExhaustionMessageTest {
    @Test
    void aFailureCausedByExhaustedMemoryIsOneLineAndAnyOtherIsNot() {
        assertEquals("memory is exhausted: x", BenchRunner.memoryExhaustion(
                new CircuitException("join", 3, new MemoryExhaustedException("memory is exhausted: x"))));
        String oom = BenchRunner.memoryExhaustion(new CircuitException("map", 1, new OutOfMemoryError("Java heap space")));
        assertTrue(oom.contains("ran out of heap (Java heap space)") && oom.contains("-Xmx"), oom);
        assertNull(BenchRunner.memoryExhaustion(new CircuitException("map", 1, new IllegalArgumentException("bad"))));
    }
}
