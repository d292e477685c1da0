package org.jdbsp.zset;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.jdbsp.zset.internal.LongPrefixOrder;
import org.jdbsp.zset.internal.RecordAccessors;

/**
 * Total orders for records stored in object columns.
 *
 * <p>Batches only need an order that is total and consistent with {@code equals}, so that equal records
 * sit next to each other after sorting. {@link #natural()} is such an order for every value it accepts:
 * <ul>
 *   <li>{@link Comparable} values by {@code compareTo} (which must be consistent with {@code equals});</li>
 *   <li>Java records by hash code, then component by component, each component by this same order;</li>
 *   <li>enums by ordinal; {@link List}s lexicographically by their elements (a shorter prefix first);
 *       {@link Set}s and {@link Map}s by size, then by their elements (entries by key, then value) taken in
 *       sorted order; {@link Optional}s empty first; null components first.</li>
 * </ul>
 * A value of any other class (a plain class without {@code Comparable}) has no natural order, and neither
 * has a record with a component declared as such a class or as an array (records compare arrays by
 * identity, which no order can follow): {@link #requireNatural} refuses such a type naming the record and
 * the component, and every batch refuses it when it is first built, so it never works until two hash codes
 * collide and then fails. Pass an explicit {@code Comparator} for such types.
 */
public final class Orders {
    private Orders() {}

    private static final Comparator<Object> NATURAL = Orders::compareNatural;

    /** The default order: {@link Comparable#compareTo} where available, else the orders listed above. */
    public static Comparator<Object> natural() {
        return NATURAL;
    }

    /**
     * Checks that {@link #natural()} can order every value of {@code type} (for a record, by the declared
     * types of its components, recursively; a component declared as an interface or {@code Object} is
     * checked on each value when compared).
     *
     * @throws IllegalArgumentException naming the type (and the record component) that has no order
     */
    public static void requireNatural(Class<?> type) {
        String refusal = OrderCheck.REFUSAL.get(type);
        if (refusal != null) {
            throw new IllegalArgumentException(refusal);
        }
    }

    /**
     * The order of {@code first(x)} as a signed long, ties broken by {@code then}. Consolidation sorts the
     * longs as primitives and calls {@code then} only among tuples whose longs are equal, so an order that
     * starts with a selective long field is much cheaper to sort by than the same order written as one
     * comparator. {@code then} must make the order total (consistent with {@code equals}).
     */
    @SuppressWarnings("unchecked")
    public static <T> Comparator<T> byLong(ToLongFunction<? super T> first, Comparator<? super T> then) {
        return (Comparator<T>) (Comparator<?>) new LongPrefixOrder(first, then);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareNatural(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        if (a instanceof Comparable && a.getClass() == b.getClass()) {
            return ((Comparable) a).compareTo(b);
        }
        return compareOther(a, b);
    }

    /** Nulls first, then {@link #compareNatural}. */
    private static int compareNullable(Object x, Object y) {
        return x == y ? 0 : x == null ? -1 : y == null ? 1 : compareNatural(x, y);
    }

    private static int compareOther(Object a, Object b) {
        // collections of one kind compare by content whatever their classes, as their equals does
        if (a instanceof List<?> && b instanceof List<?>) {
            return compareLists((List<?>) a, (List<?>) b);
        }
        if (a instanceof Set<?> && b instanceof Set<?>) {
            return compareSets((Set<?>) a, (Set<?>) b);
        }
        if (a instanceof Map<?, ?> && b instanceof Map<?, ?>) {
            return compareMaps((Map<?, ?>) a, (Map<?, ?>) b);
        }
        if (a.getClass() != b.getClass()) {
            int byName = a.getClass().getName().compareTo(b.getClass().getName());
            if (byName != 0) {
                return byName;
            }
            throw new IllegalArgumentException("cannot order two different classes of one name: " + a.getClass());
        }
        if (a instanceof Record) {
            int h = Integer.compare(a.hashCode(), b.hashCode());
            if (h != 0) {
                return h;
            }
            return RecordComponents.FOR_CLASS.get(a.getClass()).compare(a, b);
        }
        if (a instanceof Enum<?>) {
            return Integer.compare(((Enum<?>) a).ordinal(), ((Enum<?>) b).ordinal());
        }
        if (a instanceof Optional<?>) {
            return compareNullable(((Optional<?>) a).orElse(null), ((Optional<?>) b).orElse(null));
        }
        throw new IllegalArgumentException(OrderCheck.noOrder(a.getClass()));
    }

    private static int compareLists(List<?> a, List<?> b) {
        Iterator<?> x = a.iterator();
        Iterator<?> y = b.iterator();
        while (x.hasNext() && y.hasNext()) {
            int c = compareNullable(x.next(), y.next());
            if (c != 0) {
                return c;
            }
        }
        return Boolean.compare(x.hasNext(), y.hasNext());
    }

    private static int compareSets(Set<?> a, Set<?> b) {
        int c = Integer.compare(a.size(), b.size());
        return c != 0 ? c : compareLists(Arrays.asList(sorted(a.toArray())), Arrays.asList(sorted(b.toArray())));
    }

    private static int compareMaps(Map<?, ?> a, Map<?, ?> b) {
        int c = Integer.compare(a.size(), b.size());
        if (c != 0) {
            return c;
        }
        Object[] x = sorted(a.keySet().toArray());
        Object[] y = sorted(b.keySet().toArray());
        c = compareLists(Arrays.asList(x), Arrays.asList(y));
        for (int i = 0; c == 0 && i < x.length; i++) {
            c = compareNullable(a.get(x[i]), b.get(y[i]));
        }
        return c;
    }

    private static Object[] sorted(Object[] elements) {
        Arrays.sort(elements, Orders::compareNullable);
        return elements;
    }

    /** Component-by-component comparison of one record class, built once per class. */
    private static final class RecordComponents implements Comparator<Object> {
        static final ClassValue<RecordComponents> FOR_CLASS = new ClassValue<>() {
            @Override
            protected RecordComponents computeValue(Class<?> type) {
                return new RecordComponents(type);
            }
        };

        private final MethodHandle[] accessors;

        private RecordComponents(Class<?> type) {
            requireNatural(type);
            accessors = RecordAccessors.of(type, "(pass an explicit Comparator, or open its package)");
        }

        @Override
        public int compare(Object a, Object b) {
            for (MethodHandle accessor : accessors) {
                int c = compareNullable(RecordAccessors.get(accessor, a), RecordAccessors.get(accessor, b));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }

    /** Why {@link #natural()} cannot order a class (null when it can), decided once per class. */
    private static final class OrderCheck {
        static final ClassValue<String> REFUSAL = new ClassValue<>() {
            @Override
            protected String computeValue(Class<?> type) {
                return refusal(type, type, new HashSet<>());
            }
        };

        static String noOrder(Class<?> type) {
            return "no natural order for " + type.getName()
                    + ": make it Comparable or a Java record, or pass an explicit Comparator";
        }

        /** Why values declared as {@code declared} cannot be ordered, or null; {@code seen} breaks cycles of records. */
        private static String refusal(Class<?> declared, Type generic, Set<Class<?>> seen) {
            if (declared.isPrimitive() || Comparable.class.isAssignableFrom(declared) || declared == Object.class) {
                return null;
            }
            if (declared.isArray()) {
                return "no natural order for arrays (" + declared.getSimpleName() + "): records compare arrays by identity,"
                        + " so no order can agree with equals; use a List, or pass an explicit Comparator";
            }
            if (declared.isRecord()) {
                return seen.add(declared) ? recordRefusal(declared, seen) : null;
            }
            if (List.class.isAssignableFrom(declared) || Set.class.isAssignableFrom(declared)
                    || Map.class.isAssignableFrom(declared) || declared == Optional.class) {
                return typeArgumentsRefusal(generic, seen);
            }
            if (declared.isInterface() || Modifier.isAbstract(declared.getModifiers())) {
                return null; // decided on each value, by its own class
            }
            return noOrder(declared);
        }

        private static String recordRefusal(Class<?> record, Set<Class<?>> seen) {
            for (RecordComponent c : record.getRecordComponents()) {
                String why = refusal(c.getType(), c.getGenericType(), seen);
                if (why != null) {
                    return "no natural order for record " + record.getName() + ": its component '" + c.getName()
                            + "' (" + c.getGenericType().getTypeName() + ") cannot be ordered (" + why + ")";
                }
            }
            return null;
        }

        private static String typeArgumentsRefusal(Type generic, Set<Class<?>> seen) {
            if (!(generic instanceof ParameterizedType)) {
                return null;
            }
            for (Type argument : ((ParameterizedType) generic).getActualTypeArguments()) {
                Class<?> raw = argument instanceof Class<?> ? (Class<?>) argument
                        : argument instanceof ParameterizedType && ((ParameterizedType) argument).getRawType() instanceof Class<?>
                        ? (Class<?>) ((ParameterizedType) argument).getRawType() : null;
                String why = raw == null ? null : refusal(raw, argument, seen);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }
    }
}
