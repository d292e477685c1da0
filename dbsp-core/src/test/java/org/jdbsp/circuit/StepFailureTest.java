package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Whatever a user function throws (checked exceptions thrown sneakily, errors), the step fails cleanly and names the operator. */
class StepFailureTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    record Io(ZSetInput<String> in, ZSetOutput<String> out) {}

    /** What user code may throw without declaring it. */
    private static List<Supplier<Throwable>> throwables() {
        return List.of(
                () -> new IOException("checked, thrown sneakily"),
                () -> new ExceptionInInitializerError("static initializer failed"),
                () -> new StackOverflowError("too deep"),
                () -> new OutOfMemoryError("user code ran out"),
                () -> new LinkageError("class changed"));
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> void throwSneakily(Throwable t) throws E {
        throw (E) t;
    }

    @ParameterizedTest(name = "{0} workers")
    @ValueSource(ints = {1, 2, 4})
    void anyThrowableFromAUserFunctionFailsTheCircuitNamingTheOperator(int workers) {
        for (Supplier<Throwable> kind : throwables()) {
            Throwable thrown = kind.get();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> failWith(thrown, workers));
        }
    }

    private static void failWith(Throwable thrown, int workers) {
        CircuitConfig config = CircuitConfig.defaults().withWorkers(workers).withName("stepfail" + NAMES.incrementAndGet());
        try (CircuitHandle<Io> h = Circuit.build(config, b -> {
            ZSetInput<String> in = b.zsetInput("words");
            ZSetStream<String> risky = in.stream().map(s -> {
                if (s.equals("bad")) {
                    throwSneakily(thrown);
                }
                return s;
            }).named("risky map");
            return new Io(in, risky.output());
        })) {
            h.io().in().push("good");
            h.step();
            // one record: it is the last worker's slice
            h.io().in().push("bad");
            CircuitException e = assertThrows(CircuitException.class, h::step, thrown.toString());
            assertEquals("risky map", e.operator(), e.getMessage());
            assertEquals(2, e.step());
            assertEquals(workers - 1, e.worker());
            assertSame(thrown, e.getCause());
            assertTrue(e.getMessage().contains("'risky map'") && e.getMessage().contains("step 2")
                    && (workers == 1 || e.getMessage().contains("worker " + (workers - 1))), e.getMessage());
            assertEquals(CircuitState.FAILED, h.state());
            assertSame(e, assertThrows(IllegalStateException.class, h::step).getCause());
            assertSame(e, assertThrows(IllegalStateException.class, () -> h.io().in().push("more")).getCause());
            assertSame(e, assertThrows(IllegalStateException.class, () -> h.io().out().integral()).getCause());
        }
    }
}
