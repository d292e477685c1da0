package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.jdbsp.zset.WeightOverflowException;
import org.junit.jupiter.api.Test;

/** Bad input gets a clear error and never corrupts state: null records, weight overflow, failing user functions. */
class SafetyTest {
    record Io(ZSetInput<String> in, ZSetOutput<String> out) {}

    private static CircuitHandle<Io> upperCase() {
        return Circuit.build(b -> {
            ZSetInput<String> in = b.zsetInput("words");
            return new Io(in, in.stream().map(String::toUpperCase).named("upper").output());
        });
    }

    @Test
    void nullRecordIsRejectedAndNothingOfThatPushIsApplied() {
        try (CircuitHandle<Io> h = upperCase()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.io().in().push(null, 1));
            assertTrue(e.getMessage().contains("null record") && e.getMessage().contains("words"), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> h.io().in().pushAll(Arrays.asList("a", null, "b")));
            assertTrue(e.getMessage().contains("position 1") && e.getMessage().contains("nothing"), e.getMessage());
            h.io().in().push("c");
            h.step();
            assertEquals(List.of("C"), List.copyOf(h.io().out().delta().toMap().keySet()), "a and b were not applied");
            assertEquals(CircuitState.RUNNING, h.state());
        }
    }

    @Test
    void weightOverflowFailsTheStepNamingTheOperator() {
        try (CircuitHandle<Io> h = upperCase()) {
            h.io().in().push("x", Long.MAX_VALUE);
            h.step();
            h.io().in().push("x", 1);
            CircuitException e = assertThrows(CircuitException.class, h::step);
            assertInstanceOf(WeightOverflowException.class, e.getCause());
            assertEquals("output#2", e.operator(), "the integral of the output overflows: " + e.getMessage());
            assertTrue(e.getMessage().contains("output#2") && e.getMessage().contains("step 2"), e.getMessage());
            assertEquals(CircuitState.FAILED, h.state());
        }
        try (CircuitHandle<Io> h = upperCase()) {
            h.io().in().push("x", Long.MAX_VALUE);
            h.io().in().push("x", 1);
            CircuitException e = assertThrows(CircuitException.class, h::step);
            assertEquals("input 'words'", e.operator());
            assertInstanceOf(WeightOverflowException.class, e.getCause());
        }
    }

    @Test
    void failingUserFunctionLeavesTheCircuitFailed() {
        try (CircuitHandle<Io> h = upperCase()) {
            h.io().in().push("ok");
            h.step();
            h.io().in().push("fine");
            RuntimeException boom = new RuntimeException("boom");
            record Io2(ZSetInput<String> in) {}
            CircuitHandle<Io2> bad = Circuit.build(b -> {
                ZSetInput<String> in = b.zsetInput("words");
                in.stream().filter(w -> {
                    if (w.equals("bad")) {
                        throw boom;
                    }
                    return true;
                }).named("picky filter").output();
                return new Io2(in);
            });
            bad.io().in().push("good");
            bad.step();
            bad.io().in().push("bad");
            CircuitException e = assertThrows(CircuitException.class, bad::step);
            assertEquals("picky filter", e.operator());
            assertEquals(2, e.step());
            assertSame(boom, e.getCause());
            assertEquals(CircuitState.FAILED, bad.state());
            IllegalStateException later = assertThrows(IllegalStateException.class, bad::step);
            assertSame(e, later.getCause());
            assertThrows(IllegalStateException.class, () -> bad.io().in().push("more"));
            assertEquals(CircuitState.RUNNING, h.state(), "other circuits are unaffected");
        }
    }

    @Test
    void closedCircuitRejectsCalls() {
        CircuitHandle<Io> h = upperCase();
        h.close();
        assertEquals(CircuitState.CLOSED, h.state());
        assertThrows(IllegalStateException.class, h::step);
        assertThrows(IllegalStateException.class, () -> h.io().in().push("x"));
    }

    @Test
    void outputWithoutIntegralSaysSo() {
        record Io3(ZSetInput<String> in, ZSetOutput<String> out) {}
        try (CircuitHandle<Io3> h = Circuit.build(b -> {
            ZSetInput<String> in = b.zsetInput("w");
            return new Io3(in, in.stream().outputDeltas());
        })) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> h.io().out().integral());
            assertTrue(e.getMessage().contains("outputDeltas"), e.getMessage());
        }
    }
}
