package org.jdbsp.operators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jdbsp.circuit.AbstractStream;
import org.jdbsp.circuit.IndexedZSetStream;
import org.jdbsp.circuit.ZSetStream;
import org.jdbsp.operators.aggregate.Aggregates;
import org.jdbsp.operators.distinct.Distinct;
import org.jdbsp.operators.join.Joins;
import org.jdbsp.operators.lag.Lag;
import org.jdbsp.operators.time.Watermarks;
import org.jdbsp.operators.topk.TopK;
import org.jdbsp.operators.window.WindowedAggregates;
import org.junit.jupiter.api.Test;

/**
 * The shape of the fluent API, checked by reflection so that it keeps up with the core and with this module:
 * a chain never falls back to a core stream, and every static entry has a fluent method.
 */
class RelationApiTest {
    @Test
    void everyCoreMethodReturningAStreamReturnsARelation() {
        assertEquals(List.of(), notCovariant(ZSetStream.class, Relation.class));
        assertEquals(List.of(), notCovariant(IndexedZSetStream.class, IndexedRelation.class));
    }

    /**
     * The public instance methods of {@code core} returning a stream that {@code rich} does not declare with
     * the rich return type ({@link Relation} for plain streams, {@link IndexedRelation} for indexed ones).
     */
    private static List<String> notCovariant(Class<?> core, Class<?> rich) {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Method m : core.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || !AbstractStream.class.isAssignableFrom(m.getReturnType())) {
                continue;
            }
            checked++;
            Class<?> want = IndexedZSetStream.class.isAssignableFrom(m.getReturnType()) ? IndexedRelation.class : Relation.class;
            try {
                // among a covariant override and its bridge, getDeclaredMethod returns the override
                Method o = rich.getDeclaredMethod(m.getName(), m.getParameterTypes());
                if (o.getReturnType() != want) {
                    wrong.add(m + " returns " + o.getReturnType().getSimpleName() + " in " + rich.getSimpleName());
                }
            } catch (NoSuchMethodException e) {
                wrong.add(m + " is not overridden by " + rich.getSimpleName());
            }
        }
        assertTrue(checked >= 15, "only " + checked + " methods of " + core.getSimpleName() + " return streams");
        return wrong;
    }

    @Test
    void everyStaticEntryHasAFluentMethod() {
        Set<String> fluent = new TreeSet<>();
        for (Class<?> c : List.of(Relation.class, IndexedRelation.class, WindowedRelation.class)) {
            for (Method m : c.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) {
                    fluent.add((c == WindowedRelation.class ? "window." : "") + m.getName());
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Class<?> entries : List.of(Aggregates.class, Distinct.class, Joins.class, Lag.class, Watermarks.class, TopK.class,
                WindowedAggregates.class)) {
            for (Method m : entries.getDeclaredMethods()) {
                String name = (entries == WindowedAggregates.class ? "window." : "") + m.getName();
                if (Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers()) && !fluent.contains(name)) {
                    missing.add(entries.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertEquals(List.of(), missing, "static entries without a fluent method");
    }
}
