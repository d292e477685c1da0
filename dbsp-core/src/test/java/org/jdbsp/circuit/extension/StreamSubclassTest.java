package org.jdbsp.circuit.extension;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.IndexedZSetOutput;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.jdbsp.zset.ZSet;
import org.junit.jupiter.api.Test;

/**
 * An operator library outside the core's package can subclass {@link ZSetStream} and {@link IndexedZSetStream}
 * through their copy constructors: the subclass is the same stream (same operator, layout and placement),
 * accepted wherever the core stream is.
 */
class StreamSubclassTest {
    /** A library's plain stream with one extra method. */
    static final class Words extends ZSetStream<String> {
        Words(ZSetStream<String> s) {
            super(s);
        }

        ZSetStream<Integer> lengths() {
            return map(String::length);
        }
    }

    /** A library's indexed stream. */
    static final class ByLength extends IndexedZSetStream<Integer, String> {
        ByLength(IndexedZSetStream<Integer, String> s) {
            super(s);
        }
    }

    record Io(ZSetInput<String> in, ZSetOutput<Integer> lengths, ZSetOutput<String> both, IndexedZSetOutput<Integer, String> byLength) {}

    @Test
    void aSubclassIsTheStreamItCopies() {
        try (CircuitHandle<Io> h = Circuit.build(b -> {
            ZSetInput<String> in = b.zsetInput("in");
            Words words = new Words(in.stream());
            assertEquals(in.stream().name(), words.name());
            assertEquals(in.stream().layout(), words.layout());
            assertEquals(in.stream().placement(), words.placement());
            words.named("words");
            assertEquals("words", in.stream().name(), "the copy shares the operator");
            ByLength byLength = new ByLength(words.index(String::length, w -> w));
            return new Io(in, words.lengths().output(), in.stream().plus(words).output(), byLength.output());
        })) {
            h.io().in().push("ab", 1);
            h.io().in().push("cde", 1);
            h.step();
            assertEquals(ZSet.of(2, 3), h.io().lengths().delta());
            assertEquals(ZSet.of("ab", "ab", "cde", "cde"), h.io().both().delta());
            assertEquals(Map.of(2, ZSet.of("ab"), 3, ZSet.of("cde")), h.io().byLength().delta().toMap());
        }
    }

    @Test
    void aCopyOfNothingIsRefused() {
        assertThrows(NullPointerException.class, () -> new Words(null));
    }
}
