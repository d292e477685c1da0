package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Consumer;
import org.jdbsp.zset.Layout;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The names of a circuit's inputs, tables and outputs are one namespace: a second one named "orders" is refused
 * when it is made, naming the name and what already has it; unnamed outputs are never refused.
 */
class EndpointNamesTest {
    private static IllegalArgumentException refused(int workers, Consumer<CircuitBuilder> build) {
        return assertThrows(IllegalArgumentException.class,
                () -> Circuit.build(CircuitConfig.defaults().withWorkers(workers), c -> {
                    build.accept(c);
                    return null;
                }).close());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aSecondInputOfTheSameNameIsRefused(int workers) {
        IllegalArgumentException e = refused(workers, c -> {
            c.zsetInput("orders");
            c.longZSetInput("orders");
        });
        assertTrue(e.getMessage().contains("input 'orders' refused: this circuit already has an input named 'orders'"),
                e.getMessage());
    }

    @Test
    void inputsTablesSplitInputsAndOutputsShareOneNamespace() {
        assertTrue(refused(1, c -> {
            c.zsetInput("orders");
            c.splitInput("orders");
        }).getMessage().contains("already has an input named 'orders'"));
        assertTrue(refused(1, c -> {
            c.splitInput("orders");
            c.indexedInput("orders", Layout.longToLongs());
        }).getMessage().contains("already has a split input named 'orders'"));
        assertTrue(refused(1, c -> {
            c.table("orders", ZSet.<String>empty());
            c.zsetInput("orders");
        }).getMessage().contains("already has a table named 'orders'"));
        assertTrue(refused(1, c -> {
            ZSetInput<String> in = c.zsetInput("orders");
            in.stream().output("orders");
        }).getMessage().contains("output 'orders' refused: this circuit already has an input named 'orders'"));
        assertTrue(refused(1, c -> {
            ZSetInput<String> in = c.zsetInput("in");
            in.stream().output("result");
            in.stream().map(s -> s + "!").outputDeltas("result");
        }).getMessage().contains("already has an output named 'result'"));
        assertTrue(refused(1, c -> {
            IndexedZSetInput<Long, Long> in = c.indexedInput("in", Layout.longToLongs());
            in.stream().output("result");
            in.stream().outputDeltas("result");
        }).getMessage().contains("already has an output named 'result'"));
    }

    @Test
    void blankNamesAreRefused() {
        assertTrue(refused(1, c -> c.zsetInput(" ")).getMessage().contains("name of an input must not be blank"));
        assertTrue(refused(1, c -> c.zsetInput("in").stream().output("")).getMessage()
                .contains("name of an output must not be blank"));
    }

    @Test
    void unnamedOutputsAreNotChecked() {
        assertDoesNotThrow(() -> Circuit.build(c -> {
            ZSetInput<String> in = c.zsetInput("in");
            in.stream().output();
            in.stream().output();
            in.stream().outputDeltas();
            return in;
        }).close());
    }

    @Test
    void aNamedOutputReadsLikeAnUnnamedOne() {
        try (CircuitHandle<ZSetOutput<String>> h = Circuit.build(c -> {
            ZSetInput<String> in = c.zsetInput("in");
            in.stream().inspect(z -> { });
            return in.stream().output("copy");
        })) {
            h.step();
            assertTrue(h.io().delta().isEmpty());
            assertTrue(h.describe().toString().contains("output \"copy\""), h.describe().toString());
        }
    }
}
