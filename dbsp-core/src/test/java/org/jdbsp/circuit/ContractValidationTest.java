package org.jdbsp.circuit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Validation mode ({@link CircuitConfig#withValidation}): user types that break the contract (hashCode not
 * deterministic, hashCode not consistent with equals, an order finer than equals) fail the step with a message
 * naming the type, the records and the rule, on every worker count; well-behaved types pass.
 */
@Timeout(60)
class ContractValidationTest {
    private static final AtomicInteger NAMES = new AtomicInteger();

    /** Equal by id only, but ordered by id and label: an order finer than equals. */
    record Loose(long id, String label) implements Comparable<Loose> {
        @Override
        public boolean equals(Object o) {
            return o instanceof Loose && ((Loose) o).id == id;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(id);
        }

        @Override
        public int compareTo(Loose o) {
            int c = Long.compare(id, o.id);
            return c != 0 ? c : label.compareTo(o.label);
        }
    }

    /** Equal and ordered by id only, but hashed by id and label: hashCode not consistent with equals. */
    record Sloppy(long id, String label) implements Comparable<Sloppy> {
        @Override
        public boolean equals(Object o) {
            return o instanceof Sloppy && ((Sloppy) o).id == id;
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, label);
        }

        @Override
        public int compareTo(Sloppy o) {
            return Long.compare(id, o.id);
        }
    }

    /** A new hash code at every call. */
    record Jumpy(long id) {
        @Override
        public int hashCode() {
            return ThreadLocalRandom.current().nextInt();
        }
    }

    record Good(long id, String label) {}

    record Io<T>(ZSetInput<T> in, ZSetOutput<T> out) {}

    private static <T> CircuitHandle<Io<T>> circuit(int workers, boolean validation, Function<ZSetStream<T>, ZSetStream<T>> body) {
        CircuitConfig config = CircuitConfig.defaults().withWorkers(workers).withValidation(validation)
                .withName("contract" + NAMES.incrementAndGet());
        return Circuit.build(config, b -> {
            ZSetInput<T> in = b.<T>zsetInput("in");
            return new Io<>(in, body.apply(in.stream()).output());
        });
    }

    private static <T> CircuitException failingStep(int workers, Function<ZSetStream<T>, ZSetStream<T>> body, List<T> pushes) {
        try (CircuitHandle<Io<T>> h = circuit(workers, true, body)) {
            pushes.forEach(r -> h.io().in().push(r, 1));
            return assertThrows(CircuitException.class, h::step);
        }
    }

    private static void assertNames(CircuitException e, Class<?> type, String rule, String... records) {
        String m = e.getMessage();
        assertTrue(m.contains(type.getName()) && m.contains(rule), m);
        for (String r : records) {
            assertTrue(m.contains(r), m);
        }
    }

    @Test
    void validationIsOffByDefault() {
        assertFalse(CircuitConfig.defaults().validation());
        assertTrue(CircuitConfig.defaults().withValidation(true).withWorkers(2).withName("x").validation());
    }

    @ParameterizedTest(name = "W = {0}")
    @ValueSource(ints = {1, 2, 4})
    void anOrderFinerThanEqualsIsDetected(int workers) {
        List<Loose> pushes = List.of(new Loose(1, "a"), new Loose(1, "b"));
        try (CircuitHandle<Io<Loose>> h = circuit(workers, false, s -> s)) {
            pushes.forEach(r -> h.io().in().push(r, 1));
            h.step();
            assertEquals(2, h.io().out().delta().size(), "without validation the two equal records stay apart");
        }
        assertNames(failingStep(workers, s -> s, pushes), Loose.class, "consistent with equals, not finer",
                "Loose[id=1, label=a]", "Loose[id=1, label=b]");
    }

    @ParameterizedTest(name = "W = {0}")
    @ValueSource(ints = {1, 2, 4})
    void aHashCodeInconsistentWithEqualsIsDetectedWhereEqualRecordsMeet(int workers) {
        List<Sloppy> pushes = List.of(new Sloppy(1, "a"), new Sloppy(1, "b"));
        assertNames(failingStep(workers, s -> s, pushes), Sloppy.class, "hashCode must be consistent with equals",
                "Sloppy[id=1, label=a]", "Sloppy[id=1, label=b]");
    }

    @ParameterizedTest(name = "W = {0}")
    @ValueSource(ints = {1, 2, 4})
    void aHashCodeThatChangesIsDetectedAlsoOnTheExchange(int workers) {
        List<Jumpy> pushes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            pushes.add(new Jumpy(i));
        }
        assertNames(failingStep(workers, s -> s.shard(), pushes), Jumpy.class, "not deterministic");
    }

    @ParameterizedTest(name = "W = {0}")
    @ValueSource(ints = {1, 2, 4})
    void wellBehavedTypesPassWithValidation(int workers) {
        try (CircuitHandle<Io<Good>> h = circuit(workers, true, s -> s.map(g -> new Good(g.id() % 10, g.label())).shard().integrate())) {
            for (int step = 0; step < 3; step++) {
                for (int i = 0; i < 200; i++) {
                    h.io().in().push(new Good(i, "l" + (i % 3)), step == 2 && i % 2 == 0 ? -1 : 1);
                }
                h.step();
            }
            Map<Good, Long> integral = h.io().out().delta().toMap();
            assertEquals(30, integral.size());
            assertEquals(400L, integral.values().stream().mapToLong(Long::longValue).sum());
        }
    }
}
