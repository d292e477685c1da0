package org.jdbsp.zset;

import java.lang.invoke.MethodHandle;
import java.util.Comparator;
import java.util.function.ToLongFunction;
import org.jdbsp.zset.internal.LongPrefixOrder;
import org.jdbsp.zset.internal.RecordAccessors;

/**
 * Total orders for records stored in object columns.
 *
 * <p>Batches only need an order that is total and consistent with {@code equals}, so that equal records
 * sit next to each other after sorting. {@link #natural()} uses {@link Comparable} when the record has it;
 * otherwise, for Java records, it compares hash codes first and then the components one by one; enums
 * compare by ordinal; any other class fails with a message asking for an explicit comparator.
 */
public final class Orders {
    private Orders() {}

    private static final Comparator<Object> NATURAL = Orders::compareNatural;

    /** The default order: {@link Comparable#compareTo} where available, else the record order above. */
    public static Comparator<Object> natural() {
        return NATURAL;
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

    private static int compareOther(Object a, Object b) {
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
        throw new IllegalArgumentException("no natural order for " + a.getClass().getName()
                + ": make it Comparable or a Java record, or pass an explicit Comparator");
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
            accessors = RecordAccessors.of(type, "(pass an explicit Comparator, or open its package)");
        }

        @Override
        public int compare(Object a, Object b) {
            for (MethodHandle accessor : accessors) {
                Object x = RecordAccessors.get(accessor, a);
                Object y = RecordAccessors.get(accessor, b);
                int c = x == y ? 0 : x == null ? -1 : y == null ? 1 : compareNatural(x, y);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }
}
