package org.jdbsp.zset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jdbsp.circuit.Circuit;
import org.jdbsp.circuit.CircuitHandle;
import org.jdbsp.circuit.SplitInput;
import org.jdbsp.circuit.ZSetInput;
import org.jdbsp.circuit.ZSetOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The natural order of records whose components are collections, optionals or types with no order: records
 * of lists, sets, maps and optionals are ordered (consistently with equals) also when their hash codes
 * collide, and a record with a component that cannot be ordered is refused on its first batch, naming the
 * record and the component, instead of failing the first time two hash codes happen to collide.
 */
@Timeout(30)
class NaturalOrderTest {
    /** All hash codes collide, so every comparison reaches the components. */
    record Tagged(long id, List<String> tags) {
        @Override
        public int hashCode() {
            return 7;
        }
    }

    record Grouped(Set<String> members, Map<String, Long> counts, Optional<String> note) {
        @Override
        public int hashCode() {
            return 7;
        }
    }

    record WithArray(long id, int[] values) {}

    /** A class with equals and hashCode but no order. */
    static final class Money {
        final long cents;

        Money(long cents) {
            this.cents = cents;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Money && ((Money) o).cents == cents;
        }

        @Override
        public int hashCode() {
            return Long.hashCode(cents);
        }
    }

    record Priced(String item, Money price) {}

    record Nested(String name, List<Priced> items) {}

    @Test
    void recordsWithListComponentsAndCollidingHashesAreOrderedByTheListsContent() {
        Tagged ab = new Tagged(1, List.of("a", "b"));
        Tagged ac = new Tagged(1, List.of("a", "c"));
        Tagged a = new Tagged(1, List.of("a"));
        Tagged abAgain = new Tagged(1, new ArrayList<>(List.of("a", "b")));
        assertTrue(Orders.natural().compare(ab, ac) < 0);
        assertTrue(Orders.natural().compare(ac, ab) > 0);
        assertTrue(Orders.natural().compare(a, ab) < 0, "a prefix comes first");
        assertEquals(0, Orders.natural().compare(ab, abAgain), "equal lists of different classes are equal");

        ZSet<Tagged> z = ZSet.<Tagged>builder().add(ac, 1).add(ab, 2).add(a, 1).add(abAgain, 3).add(ac, -1).build();
        assertEquals(Map.of(ab, 5L, a, 1L), z.toMap());
    }

    @Test
    void recordsWithSetMapAndOptionalComponentsAreOrderedByContent() {
        Map<String, Long> counts = new TreeMap<>(Map.of("x", 1L, "y", 2L));
        Grouped g1 = new Grouped(Set.of("a", "b"), Map.of("x", 1L, "y", 2L), Optional.empty());
        Grouped g1Again = new Grouped(new HashSet<>(List.of("b", "a")), counts, Optional.empty());
        Grouped g2 = new Grouped(Set.of("a", "b"), Map.of("x", 1L, "y", 3L), Optional.empty());
        Grouped g3 = new Grouped(Set.of("a", "b"), Map.of("x", 1L, "y", 2L), Optional.of("n"));
        Grouped g4 = new Grouped(Set.of("a", "c"), new HashMap<>(), Optional.empty());
        assertEquals(0, Orders.natural().compare(g1, g1Again));
        assertTrue(Orders.natural().compare(g1, g2) < 0 && Orders.natural().compare(g2, g1) > 0);
        assertTrue(Orders.natural().compare(g1, g3) < 0 && Orders.natural().compare(g3, g1) > 0);
        assertTrue(Orders.natural().compare(g1, g4) != 0);

        ZSet<Grouped> z = ZSet.<Grouped>builder().add(g1, 1).add(g2, 1).add(g3, 1).add(g4, 1).add(g1Again, 1).build();
        assertEquals(Map.of(g1, 2L, g2, 1L, g3, 1L, g4, 1L), z.toMap());
    }

    @Test
    void aRecordWithAnArrayComponentIsRefusedOnItsFirstBatchNamingTheComponent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ZSet.<WithArray>builder().add(new WithArray(1, new int[] {1}), 1).build());
        assertTrue(e.getMessage().contains(WithArray.class.getName()) && e.getMessage().contains("'values'")
                && e.getMessage().contains("identity"), e.getMessage());
    }

    @Test
    void aRecordWithAComponentOfAClassWithoutOrderIsRefusedNamingTheComponent() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Orders.requireNatural(Nested.class));
        assertTrue(e.getMessage().contains(Nested.class.getName()) && e.getMessage().contains("'items'")
                && e.getMessage().contains(Money.class.getName()), e.getMessage());
        IllegalArgumentException first = assertThrows(IllegalArgumentException.class,
                () -> ZSet.<Priced>builder().add(new Priced("tea", new Money(300)), 1).build());
        assertTrue(first.getMessage().contains("'price'"), first.getMessage());
        Orders.requireNatural(Tagged.class);
        Orders.requireNatural(Grouped.class);
    }

    record TaggedIo(ZSetInput<Tagged> in, ZSetOutput<Tagged> out) {}

    @Test
    void aCircuitOfRecordsWithListsRunsWhenTheirHashCodesCollide() {
        try (CircuitHandle<TaggedIo> h = Circuit.build(b -> {
            ZSetInput<Tagged> in = b.zsetInput("tagged");
            return new TaggedIo(in, in.stream().filter(t -> t.id() > 0).integrate().output());
        })) {
            h.io().in().push(new Tagged(1, List.of("x", "y")), 1);
            h.io().in().push(new Tagged(1, List.of("x")), 1);
            h.step();
            h.io().in().push(new Tagged(1, new ArrayList<>(List.of("x", "y"))), -1);
            h.io().in().push(new Tagged(2, List.of()), 1);
            h.step();
            assertEquals(Map.of(new Tagged(1, List.of("x")), 1L, new Tagged(2, List.of()), 1L), h.io().out().delta().toMap());
        }
    }

    record SplitIo(SplitInput<Object> in) {}

    @Test
    void aSplitInputPartOfATypeWithoutOrderIsRefusedWhenTheCircuitIsBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Circuit.build(b -> {
            SplitInput<Object> in = b.splitInput("mixed");
            in.part(Priced.class).output();
            return new SplitIo(in);
        }));
        assertTrue(e.getMessage().contains(Priced.class.getName()) && e.getMessage().contains("'price'"), e.getMessage());
    }

    @Test
    void aTypedInputOfATypeWithoutOrderIsRefusedWhenTheCircuitIsBuilt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Circuit.build(b -> b.zsetInput("prices", WithArray.class)));
        assertTrue(e.getMessage().contains("'prices'") && e.getMessage().contains(WithArray.class.getName())
                && e.getMessage().contains("'values'"), e.getMessage());
        try (var h = Circuit.build(b -> {
            ZSetInput<Tagged> in = b.zsetInput("tagged", Tagged.class);
            return new TaggedIo(in, in.stream().output());
        })) {
            h.io().in().push(new Tagged(1, List.of("a")));
            h.step();
            assertEquals(1, h.io().out().delta().size(), "an orderable typed input works");
        }
    }
}
